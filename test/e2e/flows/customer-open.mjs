/**
 * The portal's routing meets the kit: opening a customer from <reseller-customer-table> (a Name
 * link, `detail-href="#/customers/{id}"`) shows that customer on the detail page.
 */
import {assert, openPortal, waitForDefined} from '../helpers.mjs';

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function customerOpen({page, baseUrl}) {
  await openPortal(page, baseUrl, '#/customers');
  await waitForDefined(page, 'reseller-customer-table');
  const table = page.locator('reseller-customer-table');
  const firstRow = table.getByRole('row').nth(1);
  const nameLink = firstRow.getByRole('link').first();
  await nameLink.waitFor();
  const href = await nameLink.getAttribute('href');
  const id = /^#\/customers\/(\d+)$/.exec(href ?? '')?.[1];
  assert.ok(id, `the Name link points into the portal: ${href}`);

  const opened = page.evaluate(
    () => new Promise((resolve) => document.addEventListener('reseller-customer-open', (e) => resolve(/** @type {any} */ (e).detail.id), {once: true})),
  );
  await nameLink.click();
  assert.equal(String(await opened), id, 'the open event names the clicked customer');
  await page.waitForURL(`**/#/customers/${id}`);
  await page.locator('section[data-page="customer"]').waitFor({state: 'visible'});
  assert.equal(await page.locator('reseller-customer-detail').getAttribute('customer-id'), id);
  assert.equal((await page.locator('#h-customer').textContent())?.trim(), `Customer ${id}`);
}
