/**
 * The sandbox API answers on the portal's own origin: /me with the dev token, 401 without.
 */
import {assert, openPortal} from '../helpers.mjs';

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {token: string, apiBase: string}}} ctx */
export default async function api({page, baseUrl, config}) {
  await openPortal(page, baseUrl, '#/customers');
  assert.equal(config.apiBase, '/api/v3/reseller');

  // From the page, same origin, as the kit calls it.
  const me = await page.evaluate(async ({apiBase, token}) => {
    const response = await fetch(`${apiBase}/me`, {headers: {authorization: `Bearer ${token}`}});
    return {status: response.status, origin: new URL(response.url).origin, body: await response.json()};
  }, config);
  assert.equal(me.status, 200);
  assert.equal(me.origin, new URL(baseUrl).origin);
  assert.equal(me.body.role, 'RESELLER');
  assert.equal(typeof me.body.organization?.name, 'string');

  // The header shows that organization.
  await page.locator('#account').waitFor({state: 'visible'});
  assert.equal((await page.locator('#account-organization').textContent())?.trim(), me.body.organization.name);

  // Without a token: 401 with a contract error body (asked outside the page: no console noise).
  const anonymous = await page.request.get(`${baseUrl}${config.apiBase}/me`);
  assert.equal(anonymous.status(), 401);
  const error = await anonymous.json();
  assert.equal(typeof error.error?.code, 'string');
  assert.equal(typeof error.error?.message, 'string');
}
