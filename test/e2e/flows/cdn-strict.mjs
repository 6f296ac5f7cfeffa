/**
 * The strict host page (demo/cdn.html): only the single-file CDN bundle, served under the strict
 * Content-Security-Policy with Trusted Types, and every element of the kit driven there as an
 * operator would: the table listed, searched and sorted; a customer created through the form,
 * opened in the detail, edited and saved; the detail's five tabs opened (a plan changed, a token
 * generated); the dashboard and the chart shown, changed and exported; the transcriptions
 * searched; a logo and a brand colour chosen and saved in the editor, the header logo following.
 *
 * Fails on any `securitypolicyviolation` event (a listener registered before the page's own
 * scripts) and, through the runner, on any console error. The page runs on its own sandbox tenant
 * (its demo-config.js answered with that tenant's token), so the dev tenant other flows use is
 * left as it was.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {assert, createTenant, repoRoot, waitForDefined} from '../helpers.mjs';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** What the issue requires of the policy, directive by directive (the server may add more). */
const REQUIRED_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'connect-src': ["'self'"],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ['lit-html'],
};

/** Every tag the define modules register (src/define/*.ts): all must be in use on the page. */
function kitTags() {
  const dir = path.join(repoRoot, 'src/define');
  const source = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  return [...new Set([...source.matchAll(/defineElement\(\s*'([a-z][\w-]*-[\w-]*)'/g)].map((m) => m[1]))].sort();
}

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {apiBase: string}}} ctx */
export default async function cdnStrict({page, baseUrl, config}) {
  const tags = kitTags();
  assert.ok(tags.length >= 12, `the define modules register the kit's elements (found ${tags.join(', ')})`);

  // A tenant of its own, handed to the page through the same module the page always imports.
  const tenant = await createTenant(baseUrl, {customers: 12, name: 'Strict CSP Reseller', seed: 202});
  const token = tenant.tokens.reseller;
  const api = async (method, p, body) => {
    const response = await fetch(new URL(`${config.apiBase}${p}`, baseUrl), {
      method,
      headers: {authorization: `Bearer ${token}`, ...(body ? {'content-type': 'application/json'} : {})},
      body: body ? JSON.stringify(body) : undefined,
    });
    return response.status === 204 ? null : response.json();
  };
  await page.route('**/demo-config.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `export const apiBase = ${JSON.stringify(config.apiBase)};\nexport const token = ${JSON.stringify(token)};\nexport const sampleCustomerId = null;\n`,
    }),
  );

  // Every CSP and Trusted Types violation of the page, from before its first script.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
      true,
    );
  });
  const violations = () => page.evaluate(() => window.__violations);

  // --- the page and its policy -----------------------------------------------------------------
  const response = await page.goto(`${baseUrl}/cdn.html`);
  assert.equal(response?.status(), 200);
  const policy = parsePolicy(response.headers()['content-security-policy'] ?? '');
  for (const [directive, sources] of Object.entries(REQUIRED_POLICY)) {
    assert.deepEqual((policy.get(directive) ?? []).slice().sort(), sources.slice().sort(), `${directive} is exactly ${sources.join(' ')}`);
  }
  for (const tag of tags) await waitForDefined(page, tag, 10_000);

  assert.deepEqual(await violations(), [], 'no violation while the page and the kit load');

  // The policy is enforced and the listener sees it: a string to an HTML sink is refused.
  const refused = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>not trusted</b>';
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(refused, true, 'Trusted Types refuse a plain string in innerHTML');
  await page.waitForFunction(() => window.__violations.length === 1);
  assert.match((await violations())[0], /^require-trusted-types-for/);
  await page.evaluate(() => (window.__violations = []));

  // --- provider and logo -----------------------------------------------------------------------
  await page.waitForFunction(() => document.querySelector('reseller-brand-logo')?.getAttribute('data-state') === 'name');
  assert.equal((await page.locator('reseller-brand-logo').textContent())?.trim() || (await page.locator('reseller-brand-logo').evaluate((el) => el.shadowRoot?.textContent?.trim())), 'Strict CSP Reseller');

  // --- customer table: list, search, sort ------------------------------------------------------
  const table = page.locator('reseller-customer-table');
  const rows = table.locator('tbody tr[part~="row"]');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 12, 'the tenant\'s 12 customers are listed');
  const names = () => table.locator('tbody td.col-name').allTextContents().then((all) => all.map((s) => s.trim()));

  await table.getByRole('button', {name: 'Name', exact: true}).click();
  await page.waitForFunction(() => document.querySelector('reseller-customer-table')?.getAttribute('sort') === 'name');
  await table.locator('th.col-name[aria-sort="ascending"]').waitFor();
  const byName = (await api('GET', '/customers?sort=name&order=asc&per_page=25')).data.map((c) => c.name);
  await waitForValue(names, byName, 'the table shows the server\'s order by name');

  const wanted = byName[3];
  await table.getByRole('searchbox', {name: 'Search customers'}).fill(wanted);
  await waitForValue(names, [wanted], `the search finds ${wanted}`);
  await table.getByRole('searchbox', {name: 'Search customers'}).fill('');
  await waitForValue(async () => (await names()).length, 12, 'clearing the search lists everyone again');

  // --- customer form: create -------------------------------------------------------------------
  const stamp = Date.now().toString(36);
  const newName = `CSP Flow ${stamp}`;
  const form = page.locator('reseller-customer-form');
  await form.getByLabel(/^Name/).fill(newName);
  await form.getByLabel(/^Email/).fill(`csp-${stamp}@e2e.example`);
  await form.getByRole('button', {name: 'Create customer'}).click();
  await page.getByText(`Customer ${newName} created.`).waitFor();
  const {data: found} = await api('GET', `/customers?q=${encodeURIComponent(newName)}`);
  assert.equal(found.length, 1, 'the customer exists on the server');
  const customerId = found[0].id;

  // The table (listening for reseller-customer-created) shows it; open it from there.
  await table.getByRole('searchbox', {name: 'Search customers'}).fill(newName);
  await waitForValue(names, [newName], 'the new customer is in the table');
  await table.getByRole('button', {name: newName, exact: true}).click();

  // --- customer detail: edit and save, then the five tabs --------------------------------------
  const detail = page.locator('reseller-customer-detail');
  await page.waitForFunction((id) => document.querySelector('reseller-customer-detail')?.getAttribute('customer-id') === String(id), customerId);
  const nameInput = detail.locator('#name');
  await waitForValue(() => nameInput.inputValue(), newName, 'the detail shows the opened customer');
  const editedName = `${newName} edited`;
  await nameInput.fill(editedName);
  await detail.locator('[part~="update"]').click();
  await page.getByText(`Changes to ${editedName} saved.`).waitFor();
  assert.equal((await api('GET', `/customers/${customerId}`)).name, editedName, 'saved on the server');

  // Subscription: change the plan (through the confirmation).
  await detail.getByRole('tab', {name: 'Subscription'}).click();
  const subscription = detail.locator('reseller-subscription-panel');
  await subscription.locator('[part~="plan"]').waitFor();
  const before = (await api('GET', `/customers/${customerId}/subscription`)).plan;
  const plans = await subscription.locator('#plan option').evaluateAll((options) => options.map((o) => o.value));
  const target = plans.find((p) => p !== before && p !== 'custom');
  assert.ok(target, `another plan than ${before} to pick from ${plans.join(', ')}`);
  await subscription.locator('#plan').selectOption(target);
  await subscription.locator('[part~="change-button"]').click();
  const confirm = page.getByRole('alertdialog', {name: /^Change .* to /});
  await confirm.waitFor();
  await confirm.locator('[part~="confirm-button"]').click();
  await confirm.waitFor({state: 'hidden'});
  await waitForValue(async () => (await api('GET', `/customers/${customerId}/subscription`)).plan, target, 'the plan changed on the server');

  // Usage: the customer's chart.
  await detail.getByRole('tab', {name: 'Usage'}).click();
  await detail.locator('#panel-usage reseller-usage-chart').locator('svg.chart, [part~="state"]').first().waitFor();

  // Tokens: generate one; its secret shows once.
  await detail.getByRole('tab', {name: 'Tokens'}).click();
  const manager = detail.locator('reseller-token-manager');
  await manager.getByText('This customer has no API tokens.').waitFor();
  await manager.getByRole('button', {name: 'Generate token'}).click();
  const tokenForm = page.getByRole('dialog', {name: 'Generate API token'});
  await tokenForm.getByLabel('Token name').fill(`CSP key ${stamp}`);
  await tokenForm.getByRole('button', {name: 'Generate', exact: true}).click();
  const secretView = page.getByRole('dialog', {name: 'Copy your new token'});
  assert.match(await secretView.getByLabel('Token secret').inputValue(), /^sk_/);
  await secretView.getByRole('button', {name: 'I have stored it'}).click();
  await manager.getByRole('row').filter({hasText: `CSP key ${stamp}`}).waitFor();
  assert.equal((await api('GET', `/customers/${customerId}/tokens`)).data.length, 1, 'the token exists on the server');

  // Users and transcriptions: their lists load.
  await detail.getByRole('tab', {name: 'Users'}).click();
  const users = detail.locator('reseller-user-list');
  await users.getByRole('heading', {name: 'Users'}).waitFor();
  await users.getByRole('button', {name: 'Invite user'}).waitFor();
  await detail.getByRole('tab', {name: 'Transcriptions'}).click();
  await detail.locator('#panel-transcriptions reseller-transcription-list').locator('tbody tr, [part~="state"]').first().waitFor();

  // --- usage dashboard and chart ---------------------------------------------------------------
  const dashboard = page.locator('reseller-usage-dashboard');
  await dashboard.locator('[data-total="hours"] .total-value').waitFor();
  await dashboard.locator('reseller-usage-chart svg.chart').waitFor();
  const chart = page.locator('main > reseller-usage-chart');
  await chart.locator('svg.chart').waitFor();
  await chart.getByLabel('Date range').selectOption({label: 'Last 90 days'});
  await page.waitForFunction(() => document.querySelector('main > reseller-usage-chart')?.getAttribute('granularity') === 'week');
  await chart.getByRole('button', {name: 'Show as table'}).click();
  await chart.locator('tbody tr[data-period]').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', {name: 'Export CSV'}).click()]);
  assert.match(download.suggestedFilename(), /^usage_.*\.csv$/, 'the export downloads (a blob: URL)');

  // --- transcription list: search ---------------------------------------------------------------
  const transcriptions = page.locator('main > reseller-transcription-list');
  const titles = transcriptions.locator('[part~="documents-button"]');
  await titles.first().waitFor();
  const title = ((await titles.first().getAttribute('aria-label')) ?? (await titles.first().textContent()) ?? '').replace(/^Documents\s*/, '').trim();
  await transcriptions.locator('#filter-q').fill(title);
  const allMatch = async () => {
    const texts = await transcriptions.locator('tbody tr').allTextContents();
    return texts.length > 0 && texts.every((text) => text.includes(title));
  };
  await waitForValue(allMatch, true, `the list shows only transcriptions titled ${title}`);
  assert.equal(await transcriptions.getAttribute('q'), title, 'the search is reflected');

  // --- brand editor: a logo (previewed from a blob: URL) and a new colour, live, then saved ---------
  const COLOUR = '#aa2266';
  const editor = page.locator('reseller-brand-editor');
  await editor.locator('[part~="form"]').waitFor();
  const chooser = page.waitForEvent('filechooser');
  await editor.getByRole('button', {name: /Upload logo/}).click();
  await (await chooser).setFiles({name: 'logo.png', mimeType: 'image/png', buffer: PNG});
  const preview = editor.locator('[part~="logo-image"]');
  assert.match((await preview.getAttribute('src')) ?? '', /^blob:/);
  await page.waitForFunction(() => {
    const img = document.querySelector('reseller-brand-editor')?.shadowRoot?.querySelector('[part~="logo-image"]');
    return img?.localName === 'img' && /** @type {any} */ (img).complete && /** @type {any} */ (img).naturalWidth > 0;
  });
  await editor.getByLabel('Hex value').fill(COLOUR);
  await editor.getByLabel('Hex value').press('Tab');
  await page.waitForFunction((c) => getComputedStyle(document.documentElement).getPropertyValue('--reseller-color-brand').trim() === c, COLOUR);
  await editor.getByRole('button', {name: 'Save', exact: true}).click();
  // The editor saves the colour, then uploads the logo: wait for both, in that order.
  await waitForValue(async () => (await api('GET', '/branding')).brand_color, COLOUR, 'the colour is saved on the server');
  await waitForValue(async () => (await api('GET', '/branding')).logo_content_type, 'image/png', 'the logo is saved on the server');
  // The header's logo follows the save and loads from the API (img-src 'self').
  await page.waitForFunction(() => {
    const img = document.querySelector('reseller-brand-logo')?.shadowRoot?.querySelector('[part~="image"]');
    return img?.localName === 'img' && /** @type {any} */ (img).complete && /** @type {any} */ (img).naturalWidth > 0;
  });

  // --- every element was in use, nothing was refused ----------------------------------------------
  const inUse = await page.evaluate((list) => {
    const seen = new Set();
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (list.includes(el.localName)) seen.add(el.localName);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return list.filter((t) => !seen.has(t));
  }, tags);
  assert.deepEqual(inUse, [], 'every element of the kit is on the page');
  assert.deepEqual(await violations(), [], 'no CSP or Trusted Types violation');
}

/** `default-src 'self'; img-src 'self' data:` -> Map {default-src => ["'self'"], ...}. */
function parsePolicy(header) {
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

/** Polls `read()` until it deep-equals `expected` (10 s), then asserts it. */
async function waitForValue(read, expected, message) {
  let value;
  for (let i = 0; i < 100; i++) {
    value = await read();
    if (JSON.stringify(value) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(value, expected, message);
}

// The Trusted Types probe at the start is refused on purpose (and reported as a console error).
export const allowConsoleErrors = [/requires 'TrustedHTML' assignment/];
export const timeout = 60_000;
