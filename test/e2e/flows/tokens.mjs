/**
 * Tokens on a customer's detail page: open the customer, the Tokens tab (its element loads on
 * demand), generate a token (the secret shows once, then is gone from the page), and revoke it
 * through the confirmation. The customer is made for this flow and deleted afterwards.
 */
import {apiClient, assert, expectNoAxeViolations, openPortal, waitForDefined} from '../helpers.mjs';

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {apiBase: string, token: string}}} ctx */
export default async function tokens({page, baseUrl, config}) {
  const apiCall = apiClient(baseUrl, config);
  const stamp = Date.now().toString(36);
  const {body: customer} = await apiCall('POST', '/customers', {name: `Token Flow ${stamp}`, email: `tokens-${stamp}@e2e.example`});
  try {
    await generateAndRevoke({page, baseUrl, customer, stamp, apiCall});
  } finally {
    await apiCall('DELETE', `/customers/${customer.id}`).catch(() => {});
  }
}

async function generateAndRevoke({page, baseUrl, customer, stamp, apiCall}) {
  await openPortal(page, baseUrl, `#/customers/${customer.id}`);
  await waitForDefined(page, 'reseller-customer-detail');
  const detail = page.locator('reseller-customer-detail');
  await detail.getByRole('tab', {name: 'Tokens'}).click();
  await waitForDefined(page, 'reseller-token-manager', 10_000);
  const manager = page.locator('reseller-token-manager');
  assert.equal(await manager.getAttribute('customer-id'), String(customer.id), 'the tab shows this customer');
  await manager.getByText('This customer has no API tokens.').waitFor();

  // Events reach the page; keep what they carry.
  await page.evaluate(() => {
    window.__tokenEvents = [];
    for (const type of ['reseller-token-created', 'reseller-token-revoked']) {
      document.addEventListener(type, (e) => window.__tokenEvents.push({type, detail: JSON.stringify(e.detail)}));
    }
  });

  // Generate.
  const name = `E2E key ${stamp}`;
  await manager.getByRole('button', {name: 'Generate token'}).click();
  const form = page.getByRole('dialog', {name: 'Generate API token'});
  await form.waitFor();
  await form.getByLabel('Token name').fill(name);
  await form.getByRole('checkbox', {name: /Read usage/}).check();
  await form.getByLabel('Expires').selectOption('30');
  await form.getByRole('button', {name: 'Generate', exact: true}).click();

  const secretView = page.getByRole('dialog', {name: 'Copy your new token'});
  await secretView.waitFor();
  const secret = await secretView.getByLabel('Token secret').inputValue();
  assert.match(secret, /^sk_/, 'the secret shows');
  assert.match((await secretView.textContent()) ?? '', /you cannot see it again/);
  await secretView.getByRole('button', {name: 'I have stored it'}).click();
  await secretView.waitFor({state: 'hidden'});

  const row = manager.getByRole('row').filter({hasText: name});
  await row.waitFor();
  const shown = await page.evaluate((s) => {
    const all = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el.outerHTML);
        if ('value' in el && typeof el.value === 'string') all.push(el.value);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return all.some((text) => text.includes(s));
  }, secret);
  assert.equal(shown, false, 'after dismissing, the secret is nowhere in the page');
  const [created] = await page.evaluate(() => window.__tokenEvents);
  assert.equal(created?.type, 'reseller-token-created');
  assert.ok(created.detail.includes(name) && !created.detail.includes(secret), 'the created event names the token, without its secret');
  await expectNoAxeViolations(page);

  // Revoke.
  await row.getByRole('button', {name: new RegExp(`^Revoke ${name}`)}).click();
  const confirm = page.getByRole('alertdialog', {name: `Revoke token ${name}?`});
  await confirm.waitFor();
  await confirm.getByRole('button', {name: 'Revoke token'}).click();
  await confirm.waitFor({state: 'hidden'});
  await row.waitFor({state: 'detached'});
  await manager.getByText('This customer has no API tokens.').waitFor();
  const events = await page.evaluate(() => window.__tokenEvents);
  assert.equal(events[1]?.type, 'reseller-token-revoked');
  const {body} = await apiCall('GET', `/customers/${customer.id}/tokens`);
  assert.deepEqual(body.data, [], 'revoked on the server');
}

export const timeout = 60_000;
