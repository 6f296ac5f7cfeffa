/**
 * The no-build-step page: the kit comes from the single CDN bundle only (no Vite, no sources, no
 * chunks), registers <reseller-provider>, and the provider gets the dev token as a property.
 * Needs `npm run build` (the runner builds when dist/cdn/reseller-elements.js is missing).
 */
import {existsSync} from 'node:fs';
import {assert, CDN_BUNDLE, expectNoAxeViolations, waitForDefined} from '../helpers.mjs';

const BUNDLE = '/dist/cdn/reseller-elements.js';

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {token: string}}} ctx */
export default async function cdn({page, baseUrl, config}) {
  assert.ok(existsSync(CDN_BUNDLE), `${BUNDLE} is missing: run \`npm run build\` first`);

  /** @type {string[]} */
  const requested = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(baseUrl).origin) requested.push(url.pathname);
  });

  const response = await page.goto(`${baseUrl}/cdn.html`);
  assert.equal(response?.status(), 200);
  assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  await waitForDefined(page, 'reseller-provider');
  await page.waitForFunction(() => /** @type {any} */ (document.getElementById('provider')).token != null);

  const scripts = await page.evaluate(() => [...document.scripts].map((s) => new URL(s.src, location.href).pathname));
  assert.deepEqual(scripts, ['/cdn-page.js', BUNDLE], 'the page has only the bundle and its own glue as scripts');
  assert.equal(requested.filter((p) => p === BUNDLE).length, 1, 'the bundle is fetched once');
  const kit = requested.filter((p) => /^\/(src|node_modules|@vite|@fs|@id)\//.test(p) || (p.startsWith('/dist/') && p !== BUNDLE));
  assert.deepEqual(kit, [], 'nothing of the kit is loaded besides the single bundle');

  const provider = await page.evaluate((token) => {
    const el = /** @type {any} */ (document.getElementById('provider'));
    return {
      isKitClass: el instanceof /** @type {any} */ (customElements.get('reseller-provider')),
      property: el.token === token,
      attribute: el.hasAttribute('token'),
      inDom: document.documentElement.outerHTML.includes(token),
    };
  }, config.token);
  assert.deepEqual(provider, {isKitClass: true, property: true, attribute: false, inDom: false});

  await expectNoAxeViolations(page);
}
