/**
 * The React host (demo/react/, the `reseller-elements/react` wrappers): the table shows rows, a
 * click on a customer's name reaches the host's `onCustomerOpen` (it shows the opened id and routes
 * to the detail, which loads that customer), the usage dashboard's `onCustomerOpen` does the same,
 * branding shows the editor, and the table comes back (a fresh element) on the way back. No console
 * errors under the server's strict CSP.
 *
 * `hostAppFlow` is shared with the Vue host's flow (vue.mjs): both apps have the same pages.
 */
import {assert, waitForDefined} from '../helpers.mjs';

/**
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @param {'react' | 'vue'} host
 */
export async function hostAppFlow(page, baseUrl, host) {
  await page.goto(`${baseUrl}/${host}/#/customers`);
  await page.locator(`[data-host="${host}"]`).waitFor();
  await waitForDefined(page, 'reseller-customer-table');
  const status = page.getByTestId('host-events');

  // The table's rows, through the host's provider (its token).
  const table = page.locator('reseller-customer-table');
  const firstRow = table.locator('tbody tr[part~="row"]').first();
  await firstRow.waitFor();
  assert.ok((await table.locator('tbody tr[part~="row"]').count()) > 1, 'the table shows customers');
  const id = await firstRow.getAttribute('data-id');
  assert.match(id ?? '', /^\d+$/);
  // No detail-href: the name is a button and navigation is the host's (its open handler).
  const name = (await firstRow.locator('td.col-name button.open').textContent())?.trim();
  await firstRow.locator('td.col-name button.open').click();

  await page.waitForURL(`**/${host}/#/customers/${id}`);
  await status.getByText(`Opened customer ${id}`, {exact: true}).waitFor();
  const detail = page.locator('reseller-customer-detail');
  assert.equal(await detail.getAttribute('customer-id'), id, 'the host passed the opened id to the detail');
  await page.getByRole('heading', {level: 1, name: `Customer ${id}`}).waitFor();
  const nameInput = detail.locator('#name');
  await nameInput.waitFor();
  await page.waitForFunction((expected) => {
    const input = document.querySelector('reseller-customer-detail')?.shadowRoot?.querySelector('#name');
    return input !== null && input !== undefined && 'value' in input && input.value === expected;
  }, name);

  // Usage dashboard: its top customers open through the host too.
  await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'Usage dashboard'}).click();
  await page.waitForURL(`**/${host}/#/usage`);
  const dashboard = page.locator('reseller-usage-dashboard');
  const topRow = dashboard.locator('[part~="top-customers"] tbody tr[part~="row"]').first();
  await topRow.waitFor();
  const topId = await topRow.getAttribute('data-id');
  await topRow.locator('th').getByRole('link').or(topRow.locator('th').getByRole('button')).first().click();
  await page.waitForURL(`**/${host}/#/customers/${topId}`);
  await status.getByText(`Opened customer ${topId}`, {exact: true}).waitFor();
  assert.equal(await detail.getAttribute('customer-id'), topId);

  // Branding: the editor loads its form.
  await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'Branding'}).click();
  await page.waitForURL(`**/${host}/#/branding`);
  await page.locator('reseller-brand-editor [part~="form"]').waitFor();
  assert.equal(await page.locator('reseller-customer-detail').count(), 0, 'the detail left with its page');

  // Back to Customers: a new table element loads its rows again.
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await page.waitForURL(`**/${host}/#/customers/${id}`);
  await detail.locator('#name').waitFor();
  await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'Customers'}).click();
  await page.waitForURL(`**/${host}/#/customers`);
  await table.locator('tbody tr[part~="row"]').first().waitFor();
  assert.ok((await table.locator('tbody tr[part~="row"]').count()) > 1, 'the remounted table shows customers');
}

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function react({page, baseUrl}) {
  await hostAppFlow(page, baseUrl, 'react');
}
