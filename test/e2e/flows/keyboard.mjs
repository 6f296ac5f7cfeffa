/**
 * Keyboard only: the portal's main flows (find, create, open, edit, delete, token, branding) driven
 * with page.keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, Escape, typing): no clicks, no
 * fill(). After every dialog and menu, focus is back where it was (document.activeElement followed
 * through shadow roots); every toast and error appears in a live region (role=status / role=alert).
 * Runs on its own tenant (the portal's config answered with its token), like the branding flow.
 * Records one cell per flow × check in reports/reliability/a11y-keyboard.json: the same assertions
 * that fail the flow.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {assert, controlHeaders, createTenant, openPortal, repoRoot, tabUntil, waitForDefined} from '../helpers.mjs';

/**
 * In the page: does the focused element (followed through shadow roots) match `m`?
 * `m`: {name?: regex source (its label: aria-label, aria-labelledby, <label>, or text), role?, tag?, host?, part?}.
 */
function focusMatches(m) {
  let el = document.activeElement;
  const hosts = [];
  while (el?.shadowRoot?.activeElement) {
    hosts.push(el.localName);
    el = el.shadowRoot.activeElement;
  }
  if (!el || el === document.body) return false;
  if (m.tag && el.localName !== m.tag) return false;
  if (m.host && !hosts.includes(m.host) && el.localName !== m.host) return false;
  if (m.part && !(el.getAttribute('part') ?? '').split(/\s+/).includes(m.part)) return false;
  if (m.role) {
    const implicit = {button: 'button', a: 'link', input: el.type === 'search' ? 'searchbox' : el.type === 'checkbox' ? 'checkbox' : 'textbox', select: 'combobox', textarea: 'textbox'};
    if ((el.getAttribute('role') ?? implicit[el.localName]) !== m.role) return false;
  }
  if (m.name) {
    const root = el.getRootNode();
    const byIds = (ids) => ids.split(/\s+/).map((id) => root.getElementById?.(id)?.textContent ?? '').join(' ');
    const name = (
      el.getAttribute('aria-label') ||
      (el.getAttribute('aria-labelledby') && byIds(el.getAttribute('aria-labelledby'))) ||
      el.labels?.[0]?.textContent ||
      el.textContent ||
      ''
    )
      .replace(/[\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!new RegExp(m.name).test(name)) return false;
  }
  return true;
}

/** In the page: a path naming the focused element through its shadow roots (for "focus is back"). */
function focusPath() {
  const parts = [];
  let el = document.activeElement;
  while (el) {
    const part = el.getAttribute?.('part');
    const label = el.getAttribute?.('aria-label');
    parts.push(`${el.localName}${el.id ? `#${el.id}` : ''}${part ? `[part="${part}"]` : ''}${label ? `[aria-label="${label}"]` : ''}`);
    el = el.shadowRoot?.activeElement ?? null;
  }
  return parts.join(' > ');
}

/** In the page: the text of every live region (role=status, role=alert, aria-live), shadow roots included, as read out. */
function liveRegionText() {
  const texts = [];
  const visit = (node) => {
    for (const el of node.querySelectorAll('*')) {
      const role = el.getAttribute('role');
      const live = el.getAttribute('aria-live');
      // Bidi isolates (U+2066-U+2069) around interpolated names are invisible and not read out.
      if (role === 'status' || role === 'alert' || (live && live !== 'off')) texts.push(el.textContent.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim());
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return texts.join(' | ');
}

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {apiBase: string}}} ctx */
export default async function keyboard({page, baseUrl, config}) {
  const tenant = await createTenant(baseUrl, {customers: 4, name: 'Keyboard Flow Reseller', seed: 203});
  const token = tenant.tokens.reseller;
  await page.route('**/demo-config.json', (route) => route.fulfill({json: {...config, token, sampleCustomerId: null}}));
  const apiCall = async (method, p) => {
    const response = await fetch(new URL(`${config.apiBase}${p}`, baseUrl), {method, headers: {authorization: `Bearer ${token}`}});
    return {status: response.status, body: response.status === 204 ? null : await response.json()};
  };
  const faults = (method, rules) =>
    fetch(new URL('/__sandbox/faults', baseUrl), {
      method,
      headers: controlHeaders({authorization: `Bearer ${token}`, 'content-type': 'application/json'}),
      body: rules ? JSON.stringify({rules}) : undefined,
    });

  /** @type {{row: string, column: string, passed: boolean, detail: string}[]} */
  const cells = [];
  let flow = '';
  /** One cell: runs `check`, records its outcome, rethrows a failure (the flow fails like the cell). */
  const cell = async (column, check) => {
    try {
      const detail = await check();
      cells.push({row: flow, column, passed: true, detail: detail ?? 'ok'});
    } catch (error) {
      cells.push({row: flow, column, passed: false, detail: String(error?.message ?? error).split('\n')[0].slice(0, 400)});
      throw error;
    }
  };
  const tabTo = (m, options = {}) => tabUntil(page, focusMatches, m, {max: 80, ...options});
  const focused = () => page.evaluate(focusPath);
  const type = (text) => page.keyboard.type(text, {delay: 5});
  const clearField = async () => {
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
  };
  /** Waits until a live region says `text`. */
  const announced = async (text) => {
    let said = '';
    for (const until = Date.now() + 10_000; Date.now() < until; await page.waitForTimeout(100)) {
      said = await page.evaluate(liveRegionText);
      if (said.includes(text)) return `a live region says "${text}"`;
    }
    throw new Error(`no live region says "${text}"; they say: ${said}`);
  };
  const expectFocusBack = async (before, what) => {
    const after = await focused();
    assert.equal(after, before, `focus back after ${what}`);
    return `focus back on ${after}`;
  };
  const stamp = Date.now().toString(36);
  const name = `Keyboard Voice ${stamp}`;

  try {
    await openPortal(page, baseUrl, '#/customers');
    await waitForDefined(page, 'reseller-customer-table');
    const table = page.locator('reseller-customer-table');
    await table.locator('tbody tr[part~="row"]').first().waitFor();

    // create: New Customer → the form dialog → Create customer; the toast; focus back on the button.
    flow = 'create';
    let before = '';
    await cell('keyboard only', async () => {
      await tabTo({host: 'reseller-customer-table', name: '^New Customer$'});
      before = await focused();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', {name: 'New Customer'}).waitFor();
      await tabTo({name: '^Name', role: 'textbox'}, {max: 10});
      await type(name);
      await tabTo({name: '^Email', role: 'textbox'}, {max: 10});
      await type(`keyboard-${stamp}@e2e.example`);
      await tabTo({name: '^Create customer$', role: 'button'}, {max: 30});
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', {name: 'New Customer'}).waitFor({state: 'hidden'});
      return 'Tab to New Customer, Enter, type name and email, Tab to Create customer, Enter';
    });
    await cell('announced', () => announced(`Customer ${name} created.`));
    await cell('focus returns', () => expectFocusBack(before, 'the create dialog'));

    // find: the search box, typed; the one match.
    flow = 'find';
    await cell('keyboard only', async () => {
      await tabTo({role: 'searchbox', name: 'Search customers'}, {backward: true});
      await type(`keyboard voice ${stamp}`);
      await page.waitForFunction(
        (n) => {
          const rows = document.querySelector('reseller-customer-table')?.shadowRoot?.querySelectorAll('tbody tr[part~="row"]') ?? [];
          return rows.length === 1 && rows[0].textContent.includes(n);
        },
        name,
      );
      return 'Shift+Tab to the search box, type: one row, the new customer';
    });

    // delete (menu and dialog dismissed first): the row menu opens on Enter, Escape closes it with
    // focus back on its button; Delete opens the confirmation, Escape cancels it with focus back.
    const customers = (await apiCall('GET', `/customers?q=${encodeURIComponent(name)}`)).body.data;
    assert.equal(customers.length, 1, 'the customer was created on the server');
    const customerId = customers[0].id;
    flow = 'delete';
    let menuButton = '';
    await cell('menu: focus returns on Escape', async () => {
      await tabTo({host: 'reseller-customer-table', name: `^More actions for ${name}$`});
      menuButton = await focused();
      await page.keyboard.press('Enter');
      await page.waitForFunction(focusMatches, {role: 'menuitem'});
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('reseller-customer-table')?.shadowRoot?.querySelector('[role="menu"]:not([hidden])')?.checkVisibility?.());
      return expectFocusBack(menuButton, 'Escape in the row menu');
    });
    await cell('dialog: focus returns on Escape', async () => {
      await page.keyboard.press('Enter');
      await page.waitForFunction(focusMatches, {role: 'menuitem'});
      await tabUntilKey(page, 'ArrowDown', {role: 'menuitem', name: '^Delete$'});
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('alertdialog', {name: `Delete ${name}?`});
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({state: 'hidden'});
      return expectFocusBack(menuButton, 'Escape in the delete confirmation');
    });

    // open: the name link, Enter: the detail page, focus on its heading.
    flow = 'open';
    await cell('keyboard only', async () => {
      await tabTo({host: 'reseller-customer-table', role: 'link', name: `^${name}$`}, {backward: true});
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/#/customers/${customerId}`);
      await page.locator('reseller-customer-detail #name').waitFor();
      assert.ok(await page.evaluate(focusMatches, {tag: 'h1'}), `focus on the page heading, not ${await focused()}`);
      return 'Shift+Tab to the name link, Enter: the detail page, focus on its heading';
    });

    // edit: a failing save (injected 500) is announced and keeps the input; then the real save.
    flow = 'edit';
    const edited = `${name} edited`;
    await cell('error announced', async () => {
      await tabTo({host: 'reseller-customer-detail', role: 'textbox', name: '^Name'});
      await clearField();
      await type(edited);
      await faults('PUT', [{method: 'PATCH', path: `/customers/${customerId}`, status: 500}]);
      try {
        await tabTo({host: 'reseller-customer-detail', role: 'button', name: '^Update$'});
        await page.keyboard.press('Enter');
        return await announced('Your changes were not saved.');
      } finally {
        await faults('DELETE');
      }
    });
    await cell('keyboard only', async () => {
      assert.ok(await page.evaluate(focusMatches, {role: 'button', name: '^Update$'}), `focus stays on Update, not ${await focused()}`);
      await page.keyboard.press('Enter');
      await announced(`Changes to ${edited} saved.`);
      assert.equal((await apiCall('GET', `/customers/${customerId}`)).body.name, edited);
      return 'Tab to Name, select all, type, Tab to Update, Enter: saved on the server';
    });
    await cell('announced', () => announced(`Changes to ${edited} saved.`));

    // token: the Tokens tab by arrows, Generate token → the form dialog → the secret dialog; focus
    // back on Generate token; Revoke → the confirmation; the toasts.
    flow = 'token';
    const tokenName = `Keyboard key ${stamp}`;
    let generateButton = '';
    await cell('keyboard only', async () => {
      await tabTo({host: 'reseller-customer-detail', role: 'tab', name: 'Subscription'}, {backward: true});
      await tabUntilKey(page, 'ArrowRight', {role: 'tab', name: 'Tokens'});
      await page.keyboard.press('Enter');
      await waitForDefined(page, 'reseller-token-manager', 10_000);
      await page.locator('reseller-token-manager').getByText('This customer has no API tokens.').waitFor();
      await tabTo({host: 'reseller-token-manager', role: 'button', name: '^Generate token$'});
      generateButton = await focused();
      await page.keyboard.press('Enter');
      const form = page.getByRole('dialog', {name: 'Generate API token'});
      await form.waitFor();
      await tabTo({role: 'textbox', name: '^Token name'}, {max: 10});
      await type(tokenName);
      await tabTo({role: 'checkbox', name: 'Read usage'}, {max: 20});
      await page.keyboard.press('Space');
      await tabTo({role: 'button', name: '^Generate$'}, {max: 20});
      await page.keyboard.press('Enter');
      const secretView = page.getByRole('dialog', {name: 'Copy your new token'});
      await secretView.waitFor();
      await tabTo({role: 'button', name: '^I have stored it$'}, {max: 10});
      await page.keyboard.press('Enter');
      await secretView.waitFor({state: 'hidden'});
      return 'arrows to the Tokens tab, Enter; Generate token, type, Space on a scope, Generate; I have stored it';
    });
    await cell('announced', () => announced(`Token ${tokenName} created.`));
    await cell('focus returns', () => expectFocusBack(generateButton, 'the token dialogs'));
    await cell('revoke: focus returns on Escape', async () => {
      await tabTo({host: 'reseller-token-manager', role: 'button', name: `^Revoke ${tokenName}`});
      const revokeButton = await focused();
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('alertdialog', {name: `Revoke token ${tokenName}?`});
      await confirm.waitFor();
      await page.keyboard.press('Escape');
      await confirm.waitFor({state: 'hidden'});
      const back = await expectFocusBack(revokeButton, 'Escape in the revoke confirmation');
      await page.keyboard.press('Enter');
      await confirm.waitFor();
      await tabTo({role: 'button', name: '^Revoke token$'}, {max: 10});
      await page.keyboard.press('Enter');
      await confirm.waitFor({state: 'hidden'});
      await announced(`Token ${tokenName} revoked.`);
      assert.deepEqual((await apiCall('GET', `/customers/${customerId}/tokens`)).body.data, [], 'revoked on the server');
      return `${back}; then revoked by Tab and Enter, announced`;
    });

    // delete, for real: back to the list, the row menu, Delete, confirm; announced; focus stays in the table.
    flow = 'delete';
    await cell('keyboard only', async () => {
      await tabTo({tag: 'a', name: '^Customers$'}, {backward: true});
      await page.keyboard.press('Enter');
      await page.waitForURL('**/#/customers');
      await tabTo({host: 'reseller-customer-table', role: 'searchbox'});
      await clearField();
      await type(edited);
      await page.waitForFunction(
        (n) => [...(document.querySelector('reseller-customer-table')?.shadowRoot?.querySelectorAll('tbody tr[part~="row"]') ?? [])].map((r) => r.textContent).join('|').includes(n) ,
        edited,
      );
      await tabTo({host: 'reseller-customer-table', name: `^More actions for ${edited}$`});
      await page.keyboard.press('Enter');
      await page.waitForFunction(focusMatches, {role: 'menuitem'});
      await tabUntilKey(page, 'ArrowDown', {role: 'menuitem', name: '^Delete$'});
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('alertdialog', {name: `Delete ${edited}?`});
      await dialog.waitFor();
      await tabTo({role: 'button', name: '^Delete customer$'}, {max: 10});
      await page.keyboard.press('Enter');
      await dialog.waitFor({state: 'hidden'});
      assert.equal((await apiCall('GET', `/customers/${customerId}`)).status, 404, 'deleted on the server');
      return 'Shift+Tab to the breadcrumb, Enter; search; row menu, ArrowDown to Delete, Enter; Tab to Delete customer, Enter';
    });
    await cell('announced', () => announced(`Customer ${edited} deleted.`));
    await cell('focus after the row is gone', async () => {
      const where = await focused();
      assert.ok(await page.evaluate(focusMatches, {host: 'reseller-customer-table'}), `focus stays in the table, not ${where}`);
      return `focus on ${where}`;
    });

    // branding: the hex field typed, Save; announced; saved on the server.
    flow = 'branding';
    await cell('keyboard only', async () => {
      await tabTo({tag: 'a', name: '^Branding$'}, {backward: true});
      await page.keyboard.press('Enter');
      await page.waitForURL('**/#/branding');
      await page.locator('reseller-brand-editor [part~="form"]').waitFor();
      await tabTo({host: 'reseller-brand-editor', role: 'textbox', name: '^Hex value'});
      await clearField();
      await type('#aa2266');
      await tabTo({host: 'reseller-brand-editor', role: 'button', name: '^Save$'});
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.querySelector('reseller-brand-editor')?.shadowRoot?.querySelector('[part~="save-button"]')?.getAttribute('aria-disabled') === 'true',
      );
      const saved = (await apiCall('GET', '/branding')).body;
      assert.equal(saved.brand_color, '#aa2266');
      return 'Tab to Hex value, type, Tab to Save, Enter: saved on the server';
    });
    await cell('announced', () => announced('Brand colour saved.'));
  } finally {
    const dir = path.join(repoRoot, 'reports', 'reliability');
    mkdirSync(dir, {recursive: true});
    writeFileSync(
      path.join(dir, 'a11y-keyboard.json'),
      `${JSON.stringify({suite: 'a11y-keyboard', area: 'Accessibility', generated_at: new Date().toISOString(), cells}, null, 2)}\n`,
    );
  }
}

/** Presses `key` (an arrow) until the focused element matches `m`, at most 10 times. */
async function tabUntilKey(page, key, m) {
  for (let i = 0; i < 10; i++) {
    if (await page.evaluate(focusMatches, m)) return;
    await page.keyboard.press(key);
  }
  if (!(await page.evaluate(focusMatches, m))) throw new Error(`${key} never reached ${JSON.stringify(m)}`);
}

// The injected 500 on the edit's save (the error the flow checks is announced).
export const allowConsoleErrors = [/status of 500/, /PATCH .* failed/];
export const timeout = 120_000;
