/**
 * Hash routing: every page by click and by keyboard, deep links, back/forward, unknown routes.
 */
import {assert, openPortal, tabUntil, visiblePage} from '../helpers.mjs';

const PAGES = [
  {link: 'Usage dashboard', page: 'usage', hash: '#/usage', heading: 'Usage dashboard'},
  {link: 'Branding', page: 'branding', hash: '#/branding', heading: 'Branding'},
  {link: 'Settings', page: 'settings', hash: '#/settings', heading: 'Settings'},
  {link: 'Customers', page: 'customers', hash: '#/customers', heading: 'Customers'},
];

/** @param {import('playwright-core').Page} page */
async function expectOn(page, {page: name, hash, heading, link}) {
  // The URL changes before the hashchange event reaches the router: wait for the page to show.
  await page.locator(`section[data-page="${name}"]`).waitFor({state: 'visible'});
  assert.equal(await visiblePage(page), name, `visible page for ${hash}`);
  assert.ok(page.url().endsWith(hash), `${page.url()} ends with ${hash}`);
  const h1 = page.locator(`section[data-page="${name}"] h1`);
  if (heading) assert.equal((await h1.textContent())?.trim(), heading);
  // Only the current page's link is marked current.
  const current = await page.locator('nav [aria-current="page"]').allTextContents();
  assert.deepEqual(current, link ? [link] : [], `aria-current for ${hash}`);
  // Focus moved to the new page's heading.
  assert.ok(await h1.evaluate((el) => el === document.activeElement), `focus on the ${name} heading`);
}

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {sampleCustomerId: number | null}}} ctx */
export default async function navigation({page, baseUrl, config}) {
  await openPortal(page, baseUrl, '#/customers');
  const nav = page.getByRole('navigation', {name: 'Main'});

  // By click.
  for (const target of PAGES) {
    await nav.getByRole('link', {name: target.link, exact: true}).click();
    await page.waitForURL(`**/${target.hash}`);
    await expectOn(page, target);
  }

  // By keyboard: from the page's heading (where focus is after a navigation) back to the
  // navigation with Shift+Tab, then Enter.
  for (const target of PAGES) {
    const onLink = (name) => document.activeElement?.closest('nav[aria-label="Main"]') != null && document.activeElement.textContent?.trim() === name;
    await tabUntil(page, onLink, target.link, {backward: true, max: 10});
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/${target.hash}`);
    await expectOn(page, target);
  }

  // Customer detail from the navigation: the newest customer of the dev tenant.
  assert.notEqual(config.sampleCustomerId, null, 'the sandbox has customers');
  await nav.getByRole('link', {name: 'Customer detail'}).click();
  const sample = String(config.sampleCustomerId);
  await page.waitForURL(`**/#/customers/${sample}`);
  await expectOn(page, {page: 'customer', hash: `#/customers/${sample}`, heading: `Customer ${sample}`, link: 'Customer detail'});
  assert.equal(await page.locator('reseller-customer-detail').getAttribute('customer-id'), sample);

  // A deep link to a customer, then back and forward.
  await page.goto(`${baseUrl}/#/usage`);
  await page.goto(`${baseUrl}/#/customers/123`);
  await page.locator('section[data-page="customer"]').waitFor({state: 'visible'});
  assert.equal((await page.locator('#h-customer').textContent())?.trim(), 'Customer 123');
  assert.equal(await page.locator('reseller-customer-detail').getAttribute('customer-id'), '123');
  assert.match(await page.title(), /^Customer 123 · /);
  // The navigation's detail link now remembers the last customer.
  assert.equal(await nav.getByRole('link', {name: 'Customer detail'}).getAttribute('href'), '#/customers/123');
  await page.goBack();
  await page.waitForURL('**/#/usage');
  await page.locator('section[data-page="usage"]').waitFor({state: 'visible'});
  await page.goForward();
  await page.waitForURL('**/#/customers/123');
  await page.locator('section[data-page="customer"]').waitFor({state: 'visible'});

  // The breadcrumb goes back to the list.
  await page.locator('.breadcrumb').getByRole('link', {name: 'Customers'}).click();
  await page.waitForURL('**/#/customers');
  await page.locator('section[data-page="customers"]').waitFor({state: 'visible'});

  // Unknown routes say so.
  await page.goto(`${baseUrl}/#/nope`);
  await page.locator('section[data-page="not-found"]').waitFor({state: 'visible'});
  assert.equal(await visiblePage(page), 'not-found');
  assert.equal(await page.locator('nav [aria-current="page"]').count(), 0);
}
