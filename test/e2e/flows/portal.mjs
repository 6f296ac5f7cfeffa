/**
 * The portal loads on the sandbox: landmarks, skip link, strict CSP, no console or page errors
 * (the runner checks those), axe clean.
 */
import {assert, expectNoAxeViolations, openPortal, visiblePage} from '../helpers.mjs';

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function portal({page, baseUrl}) {
  const response = await openPortal(page, baseUrl, '');
  assert.equal(response?.status(), 200);

  // The server sends the strict policy with the page.
  const csp = response.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'(;|$)/, `CSP: ${csp}`);
  assert.match(csp, /style-src 'self'(;|$)/, `CSP: ${csp}`);

  // An empty hash routes to the customer list.
  await page.waitForURL(/#\/customers$/);
  assert.equal(await visiblePage(page), 'customers');
  assert.match(await page.title(), /^Customers · Northwind Voice/);
  await page.getByRole('heading', {level: 1, name: 'Customers'}).waitFor();

  // Landmarks.
  assert.equal(await page.getByRole('banner').count(), 1, 'one banner');
  assert.equal(await page.getByRole('navigation', {name: 'Main'}).count(), 1, 'a Main navigation');
  assert.equal(await page.getByRole('main').count(), 1, 'one main');
  assert.equal(await page.getByRole('contentinfo').count(), 1, 'one contentinfo');

  // The header says who is signed in, from GET /me on the same origin.
  await page.locator('#account').waitFor({state: 'visible'});
  assert.notEqual((await page.locator('#account-organization').textContent())?.trim(), '');

  // Skip link: first Tab stop, visible when focused, moves focus to main without changing the route.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', {name: 'Skip to content'});
  assert.ok(await skip.evaluate((el) => el === document.activeElement), 'skip link is the first Tab stop');
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0, 'skip link is on screen when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.match(page.url(), /#\/customers$/);

  await expectNoAxeViolations(page);
}
