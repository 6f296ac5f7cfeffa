/**
 * Two copies of the kit on one page, as a host that installs the npm package and also keeps the
 * CDN script tag: the strict page (demo/cdn.html, its real response and policy) with the kit's
 * sources (through Vite, as the npm package's modules) loaded before the CDN bundle, then after
 * it. Each time the second copy's registrations are skipped with ONE console warning for the
 * whole copy, the first copy's elements keep working, and nothing errs or violates the policy.
 *
 * Two copies mean two copies of Lit, and each creates its Trusted Types policy `lit-html`: the
 * policy needs `'allow-duplicates'` for that (README, "Content-Security-Policy"). The page is
 * served with the server's policy plus exactly that keyword.
 */
import path from 'node:path';
import {assert, repoRoot, waitForDefined} from '../helpers.mjs';

const BUNDLE = '/dist/cdn/reseller-elements.js';
/** The kit's sources as Vite serves them (its `fs.allow` includes src/). */
const SOURCES = `/@fs${path.join(repoRoot, 'src/define/index.ts')}`;

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function cdnTwoCopies({page, baseUrl}) {
  let policy = '';
  // /cdn-two-copies.html?first=sources|bundle: the real cdn.html with the sources' script tag
  // before or after the bundle's (module scripts run in document order).
  await page.route(`${baseUrl}/cdn-two-copies.html?*`, async (route) => {
    const first = new URL(route.request().url()).searchParams.get('first');
    const real = await route.fetch({url: `${baseUrl}/cdn.html`});
    const html = await real.text();
    const bundleTag = `<script type="module" src="${BUNDLE}"></script>`;
    const sourcesTag = `<script type="module" src="${SOURCES}"></script>`;
    assert.ok(html.includes(bundleTag), 'cdn.html loads the bundle with a module script');
    policy = real.headers()['content-security-policy'].replace(/trusted-types lit-html(?=;|$)/, "trusted-types lit-html 'allow-duplicates'");
    assert.match(policy, /trusted-types lit-html 'allow-duplicates'/);
    await route.fulfill({
      response: real,
      headers: {...real.headers(), 'content-security-policy': policy},
      body: html.replace(bundleTag, first === 'sources' ? `${sourcesTag}\n    ${bundleTag}` : `${bundleTag}\n    ${sourcesTag}`),
    });
  });

  /** @type {string[]} */
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`), true);
  });
  /** @type {string[]} */
  const loaded = [];
  page.on('requestfinished', (request) => loaded.push(new URL(request.url()).pathname));

  for (const first of ['sources', 'bundle']) {
    warnings.length = 0;
    loaded.length = 0;
    // The kit's sources come from a Vite dev server that `npm start` (the built portal) starts on the
    // first request for a source module and that compiles each module then: the first load is slow.
    const response = await page.goto(`${baseUrl}/cdn-two-copies.html?first=${first}`, {timeout: 30_000});
    assert.equal(response?.status(), 200);
    assert.equal(response.headers()['content-security-policy'], policy);
    await waitForDefined(page, 'reseller-customer-table', 20_000);
    await page.waitForLoadState('load');
    assert.ok(loaded.includes(BUNDLE), `${first} first: the CDN bundle was loaded`);
    assert.ok(loaded.includes(SOURCES), `${first} first: the sources were loaded`);

    // Every tag keeps the class of the copy that loaded first.
    const sourcesOwn = await page.evaluate(async (sources) => {
      const table = await import(sources.replace(/index\.ts$/, 'customer-table.ts'));
      const provider = await import(sources.replace(/index\.ts$/, 'provider.ts'));
      return {
        table: customElements.get('reseller-customer-table') === table.ResellerCustomerTable,
        provider: customElements.get('reseller-provider') === provider.ResellerProvider,
      };
    }, SOURCES);
    const expected = first === 'sources';
    assert.deepEqual(sourcesOwn, {table: expected, provider: expected}, `${first} first: the first copy keeps its registrations`);

    // The elements work: the table lists customers, the detail shows its customer and opens a tab.
    const table = page.locator('reseller-customer-table');
    await table.locator('tbody tr[part~="row"]').first().waitFor();
    const detail = page.locator('reseller-customer-detail');
    await detail.locator('#name').waitFor();
    assert.notEqual(await detail.locator('#name').inputValue(), '', `${first} first: the detail shows its customer`);
    await detail.getByRole('tab', {name: 'Tokens'}).click();
    await detail.locator('reseller-token-manager').getByRole('button', {name: 'Generate token'}).waitFor();
    await page.locator('reseller-usage-dashboard [data-total="hours"] .total-value').waitFor();

    const kitWarnings = warnings.filter((w) => w.includes('reseller-elements'));
    assert.equal(kitWarnings.length, 1, `${first} first: one warning for the second copy, got:\n${kitWarnings.join('\n')}`);
    assert.match(kitWarnings[0], /^reseller-elements: <reseller-[\w-]+> is already defined by another class: a second copy of reseller-elements was loaded/);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], `${first} first: no CSP or Trusted Types violation`);
  }
}

export const timeout = 60_000;
