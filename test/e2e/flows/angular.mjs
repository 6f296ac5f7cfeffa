/**
 * The Angular 21 host (hosts/angular/, built from the packed tarball by the runner: host-apps.mjs)
 * under the README's strict policy, on the sandbox's origin. Its main.ts registers the provider and
 * the table before Angular renders, and the app sets the token only after fetching it: here that
 * fetch (/demo-config.json) is answered only once the table is defined and connected, so the
 * elements certainly upgrade without credentials and must wait. The table's rows come with no 401,
 * no request without Authorization, one request per resource and the host's `[perPage]`
 * (tableThenDetail in host-apps.mjs). The production build links the
 * host's stylesheet (inlineCritical: false), so its theme applies. A click on a name reaches the
 * host's `(reseller-customer-open)` handler, which loads the detail's define module on demand.
 */
import path from 'node:path';
import {assert} from '../helpers.mjs';
import {HOSTS_DIR, readmePolicy, serveStatic, tableThenDetail, watchHostPage} from '../host-apps.mjs';

export const timeout = 45_000;

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function angular({page, baseUrl}) {
  await serveStatic(page, baseUrl, '/angular/', path.join(HOSTS_DIR, 'angular/dist/angular-host/browser'), readmePolicy());
  const watch = await watchHostPage(page);
  // The host's token arrives only after the elements are on the page, upgraded, without it.
  let tableWaited = false;
  await page.route(`${baseUrl}/demo-config.json`, async (route) => {
    const answer = await route.fetch();
    await page.waitForFunction(() => customElements.get('reseller-customer-table') !== undefined && document.querySelector('reseller-customer-table')?.isConnected === true);
    tableWaited = true;
    await route.fulfill({response: answer});
  });
  const response = await page.goto(`${baseUrl}/angular/`);
  assert.equal(response?.status(), 200);
  await page.locator('[data-host="angular"]').waitFor();
  const id = await tableThenDetail(page, watch, 'Angular host');
  assert.ok(tableWaited, 'the table was on the page before the host had its token');
  assert.equal(await page.evaluate(() => document.querySelector('reseller-customer-detail')?.customerId), id, '[customerId] set the property');
}
