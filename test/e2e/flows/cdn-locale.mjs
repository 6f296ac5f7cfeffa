/**
 * The single-file CDN bundle honours the provider's `locale` and `i18n`, as the npm build does: the
 * real demo/cdn.html (its policy and scripts), served with `locale="nl"` on `<reseller-provider>` in
 * the markup and a string override set as a property before the bundle runs. The table inside
 * speaks Dutch (the Dutch strings are inlined in the bundle, no chunk is fetched) and shows the
 * override.
 *
 * (Before the fix, the bundle defined <reseller-customer-table> before <reseller-provider>: the
 * table's locale and override requests went unanswered and it stayed English.)
 */
import {assert, CDN_BUNDLE, waitForDefined} from '../helpers.mjs';
import {existsSync} from 'node:fs';

const BUNDLE = '/dist/cdn/reseller-elements.js';
const OVERRIDE = 'Klant toevoegen';

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function cdnLocale({page, baseUrl}) {
  assert.ok(existsSync(CDN_BUNDLE), `${BUNDLE} is missing: run \`npm run build\` first`);
  await page.route(`${baseUrl}/cdn-nl.html`, async (route) => {
    const real = await route.fetch({url: `${baseUrl}/cdn.html`});
    const html = await real.text();
    const tag = '<reseller-provider id="provider"';
    assert.ok(html.includes(tag), 'cdn.html has the provider markup');
    await route.fulfill({response: real, body: html.replace(tag, `${tag} locale="nl"`)});
  });
  // The host's overrides: a property, set once the markup is parsed and before module scripts run.
  await page.addInitScript((text) => {
    document.addEventListener('readystatechange', () => {
      const provider = document.getElementById('provider');
      if (document.readyState === 'interactive' && provider) provider.i18n = {nl: {'table.newCustomer': text}};
    });
  }, OVERRIDE);
  /** @type {string[]} */
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));

  const response = await page.goto(`${baseUrl}/cdn-nl.html`);
  assert.equal(response?.status(), 200);
  await waitForDefined(page, 'reseller-customer-table', 20_000);

  const table = page.locator('reseller-customer-table');
  // Column headers from the Dutch catalogue (pierces the shadow root).
  await table.getByRole('columnheader', {name: /Geregistreerd/}).first().waitFor({timeout: 15_000});
  await table.getByRole('button', {name: OVERRIDE}).waitFor({timeout: 5_000});
  assert.equal(await table.getByRole('button', {name: 'New Customer'}).count(), 0, 'no English "New Customer" button');
  assert.equal(await table.getByRole('searchbox').first().getAttribute('placeholder'), 'Zoek op naam of e-mail');

  const kit = requested.filter((p) => /^\/(src|node_modules|@vite|@fs|@id)\//.test(p) || (p.startsWith('/dist/') && p !== BUNDLE));
  assert.deepEqual(kit, [], 'the Dutch strings come from the single bundle, no other file');
}
