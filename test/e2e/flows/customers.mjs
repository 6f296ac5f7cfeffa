/**
 * Customers page: find a customer by search, open it by its name (the portal routes to its detail
 * page), and delete another through the row actions menu and the confirm dialog.
 */
import {apiClient, assert, openPortal, visiblePage, waitForDefined} from '../helpers.mjs';

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {apiBase: string, token: string}}} ctx */
export default async function customers({page, baseUrl, config}) {
  const apiCall = apiClient(baseUrl, config);
  const stamp = Date.now().toString(36);
  const {body: wanted} = await apiCall('POST', '/customers', {name: `Findable Voice ${stamp}`, email: `find-${stamp}@e2e.example`});
  const {body: doomed} = await apiCall('POST', '/customers', {name: `Doomed Voice ${stamp}`, email: `doomed-${stamp}@e2e.example`});

  try {
    await findOpenAndDelete({page, baseUrl, wanted, doomed, stamp, apiCall});
  } finally {
    // Leave the dev tenant as it was (other flows use its newest customer).
    await apiCall('DELETE', `/customers/${wanted.id}`).catch(() => {});
    await apiCall('DELETE', `/customers/${doomed.id}`).catch(() => {});
  }
}

async function findOpenAndDelete({page, baseUrl, wanted, doomed, stamp, apiCall}) {
  await openPortal(page, baseUrl, '#/customers');
  await waitForDefined(page, 'reseller-customer-table');
  const table = page.locator('reseller-customer-table');
  await table.locator('tbody tr[part~="row"]').first().waitFor();

  // Find by search (debounced, back to page 1), then open by the name link.
  const search = page.getByRole('searchbox', {name: 'Search customers'});
  await search.fill(`findable voice ${stamp}`);
  const link = table.getByRole('link', {name: wanted.name, exact: true});
  await link.waitFor();
  assert.equal(await table.locator('tbody tr[part~="row"]').count(), 1, 'one match');
  assert.equal(await table.getAttribute('q'), `findable voice ${stamp}`, 'the search is reflected');
  assert.equal(await link.getAttribute('href'), `#/customers/${wanted.id}`);
  await link.click();
  await page.waitForURL(`**/#/customers/${wanted.id}`);
  assert.equal(await visiblePage(page), 'customer');

  // Back to the list: delete another customer through its row menu.
  await page.goBack();
  await page.waitForURL('**/#/customers');
  await search.fill(`doomed voice ${stamp}`);
  const menuButton = table.getByRole('button', {name: `More actions for ${doomed.name}`});
  await menuButton.waitFor();
  await menuButton.click();
  await table.getByRole('menuitem', {name: 'Delete'}).click();
  const dialog = page.getByRole('alertdialog', {name: `Delete ${doomed.name}?`});
  await dialog.waitFor();
  assert.match((await dialog.textContent()) ?? '', /permanent/);
  await dialog.getByRole('button', {name: 'Delete customer'}).click();
  await dialog.waitFor({state: 'hidden'});
  await table.getByRole('link', {name: doomed.name, exact: true}).waitFor({state: 'detached'});
  await page.getByText(`Customer ${doomed.name} deleted.`).waitFor();
  assert.equal((await apiCall('GET', `/customers/${doomed.id}`)).status, 404, 'deleted on the server');
}
