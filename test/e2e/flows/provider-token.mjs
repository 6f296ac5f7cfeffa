/**
 * The provider wraps the portal and holds the dev token as a property: not as an attribute, not
 * anywhere in the DOM (light or shadow), not in the URL or browser storage.
 */
import {assert, openPortal, waitForDefined} from '../helpers.mjs';

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {token: string}}} ctx */
export default async function providerToken({page, baseUrl, config}) {
  await openPortal(page, baseUrl, '#/customers');
  await waitForDefined(page, 'reseller-provider');

  const provider = page.locator('reseller-provider#provider');
  assert.equal(await provider.count(), 1);
  // It wraps the portal's content (header, navigation, main).
  assert.equal(await provider.locator('main#main').count(), 1);
  assert.equal(await provider.getByRole('navigation', {name: 'Main'}).count(), 1);

  // The kit's TS sources went through Vite's dev transform with working (legacy) decorators:
  // @property declared the reactive properties, and the api-base attribute reached its property.
  const decorated = await page.evaluate(() => {
    const ctor = /** @type {any} */ (customElements.get('reseller-provider'));
    const el = /** @type {any} */ (document.getElementById('provider'));
    return {
      apiBaseAttribute: ctor.elementProperties?.get('apiBase')?.attribute,
      tokenAttribute: ctor.elementProperties?.get('token')?.attribute,
      apiBase: el.apiBase,
    };
  });
  assert.deepEqual(decorated, {apiBaseAttribute: 'api-base', tokenAttribute: false, apiBase: '/api/v3/reseller'});

  await page.waitForFunction(() => /** @type {any} */ (document.getElementById('provider')).token != null);
  const found = await page.evaluate((token) => {
    const el = /** @type {any} */ (document.getElementById('provider'));
    // Everything serialisable in the document, shadow roots included.
    const chunks = [document.documentElement.outerHTML];
    const walk = (root) => {
      for (const node of root.querySelectorAll('*')) {
        for (const attr of node.attributes) chunks.push(attr.value);
        if (node.shadowRoot) {
          chunks.push(node.shadowRoot.innerHTML);
          walk(node.shadowRoot);
        }
      }
    };
    walk(document);
    const storage = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => s.getItem(k) ?? ''));
    return {
      property: el.token === token,
      attribute: el.hasAttribute('token'),
      inDom: chunks.some((c) => c.includes(token)),
      inUrl: location.href.includes(token),
      inStorage: storage.some((v) => v.includes(token)) || document.cookie.includes(token),
    };
  }, config.token);

  assert.equal(found.property, true, 'provider.token holds the dev token');
  assert.equal(found.attribute, false, 'no token attribute');
  assert.equal(found.inDom, false, 'the token is nowhere in the DOM');
  assert.equal(found.inUrl, false, 'the token is not in the URL');
  assert.equal(found.inStorage, false, 'the token is not in storage or cookies');
}
