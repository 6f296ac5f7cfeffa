/**
 * The portal loads only the shown page's data: opening Customers asks the API for the customer list
 * (and the chrome's account and brand), nothing for the usage, detail or branding pages; their
 * elements appear, and load, when their page is first shown, and stay when the user comes back.
 */
import {assert, openPortal, waitForDefined} from '../helpers.mjs';

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function routeLoading({page, baseUrl}) {
  /** API paths requested, in order (`/customers?…`, `/usage?…`). */
  const requested = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const at = url.pathname.indexOf('/api/v3/reseller/');
    if (at >= 0) requested.push(url.pathname.slice(at + '/api/v3/reseller'.length));
  });
  await openPortal(page, baseUrl, '#/customers');
  await waitForDefined(page, 'reseller-customer-table');
  await page.locator('reseller-customer-table tbody tr[part~="row"]').first().waitFor();
  assert.ok(requested.includes('/customers'), `the table asked for customers: ${requested.join(', ')}`);
  const hiddenPages = ['/usage', '/transcripts', '/branding/logo'];
  for (const path of requested) {
    assert.ok(!hiddenPages.some((p) => path.startsWith(p)), `nothing for a page not shown yet, got ${path} (all: ${requested.join(', ')})`);
  }
  for (const tag of ['reseller-usage-dashboard', 'reseller-transcription-list', 'reseller-brand-editor', 'reseller-customer-detail']) {
    assert.equal(await page.locator(tag).count(), 0, `<${tag}> is not in the document before its page is shown`);
  }

  // The usage page: its elements appear and ask for their data.
  await page.evaluate(() => (location.hash = '#/usage'));
  await page.locator('reseller-usage-dashboard').waitFor({state: 'visible'});
  await page.waitForFunction(() => document.querySelector('reseller-transcription-list')?.shadowRoot?.querySelector('tbody tr, [part~="card"]') != null, null, {timeout: 15_000})
    .catch(() => { throw new Error('the transcription list showed no rows within 15 s of opening the usage page'); });
  assert.ok(requested.some((p) => p.startsWith('/usage')), `the dashboard asked for usage: ${requested.join(', ')}`);
  assert.ok(requested.some((p) => p.startsWith('/transcripts')), `the list asked for transcripts: ${requested.join(', ')}`);

  // Back to Customers: the same table element, not a new one (its state is kept).
  const before = await page.evaluateHandle(() => document.querySelector('reseller-customer-table'));
  await page.evaluate(() => (location.hash = '#/customers'));
  await page.locator('section[data-page="customers"]').waitFor({state: 'visible'});
  assert.ok(await page.evaluate((el) => el === document.querySelector('reseller-customer-table') && el.isConnected, before), 'the table is the one shown before');
  assert.equal(await page.locator('reseller-usage-dashboard').count(), 1, 'the usage page stays mounted (hidden)');
}
