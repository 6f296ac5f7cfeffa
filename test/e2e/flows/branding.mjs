/**
 * Branding: on its own tenant (the portal's config answered with that tenant's token), upload a logo
 * through the file button, pick a colour (the portal re-themes live), save, reload: the header shows
 * the logo and the portal's elements take the saved colour.
 */
import {assert, createTenant, expectNoAxeViolations, openPortal} from '../helpers.mjs';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const COLOUR = '#aa2266';

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {token: string, apiBase: string}}} ctx */
export default async function branding({page, baseUrl, config}) {
  // A flow that changes data gets its own tenant, so the other flows keep the dev tenant's default branding.
  const tenant = await createTenant(baseUrl, {customers: 3, name: 'Branding Flow Reseller', seed: 201});
  await page.route('**/demo-config.json', (route) => route.fulfill({json: {...config, token: tenant.tokens.reseller}}));

  await openPortal(page, baseUrl, '#/branding');
  const editor = page.locator('reseller-brand-editor');
  await editor.locator('[part~="form"]').waitFor();
  const headerLogo = page.locator('.portal-header reseller-brand-logo');
  await page.waitForFunction(() => document.querySelector('.portal-header reseller-brand-logo')?.getAttribute('data-state') === 'name');

  // Logo: the file button opens the picker; the preview shows before anything is saved.
  const chooser = page.waitForEvent('filechooser');
  await editor.getByRole('button', {name: /Upload logo/}).click();
  await (await chooser).setFiles({name: 'northwind.png', mimeType: 'image/png', buffer: PNG});
  await editor.locator('[part~="pending-name"]').waitFor();
  assert.match((await editor.locator('[part~="logo-image"]').getAttribute('src')) ?? '', /^blob:/);

  // Colour: typed in the hex field; the whole portal follows live.
  await editor.getByLabel('Hex value').fill(COLOUR);
  await editor.getByLabel('Hex value').press('Tab');
  const rootBrand = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--reseller-color-brand').trim());
  assert.equal(await rootBrand(), COLOUR);
  assert.equal(await editor.getByLabel('Pick a brand colour').inputValue(), COLOUR);

  await expectNoAxeViolations(page);
  await editor.getByRole('button', {name: 'Save', exact: true}).click();
  // Saved: the header logo follows the after-event at once.
  await headerLogo.locator('[part~="image"]').waitFor();
  await page.waitForFunction(() => document.querySelector('reseller-brand-editor')?.shadowRoot?.querySelector('[part~="save-button"]')?.getAttribute('aria-disabled') === 'true');

  // The server has it (the tenant's own token, from this flow).
  const saved = await (await fetch(new URL(`${config.apiBase}/branding`, baseUrl), {headers: {authorization: `Bearer ${tenant.tokens.reseller}`}})).json();
  assert.equal(saved.brand_color, COLOUR);
  assert.equal(saved.logo_content_type, 'image/png');

  // Reload on another page: branded from the saved branding.
  await page.reload();
  await openPortal(page, baseUrl, '#/customers');
  const logoImage = headerLogo.locator('[part~="image"]');
  await logoImage.waitFor({state: 'visible'});
  assert.ok(await logoImage.evaluate((img) => img.complete && img.naturalWidth > 0), 'the header logo loaded');
  assert.equal(await logoImage.getAttribute('alt'), 'Branding Flow Reseller');
  await page.waitForFunction((c) => getComputedStyle(document.documentElement).getPropertyValue('--reseller-color-brand').trim() === c, COLOUR);

  const table = page.locator('reseller-customer-table');
  await table.locator('[part~="row"]').first().waitFor();
  assert.equal(await table.evaluate((el) => getComputedStyle(el).getPropertyValue('--_brand').trim()), COLOUR);
  const newButton = table.locator('[part~="new-button"]').first();
  // The pointer is still where Save was clicked before the reload: move it off so the button shows
  // its resting colour (not the hover shade), and let the colour transition finish.
  await page.mouse.move(0, 0);
  let background = '';
  for (let i = 0; i < 50 && background !== 'rgb(170, 34, 102)'; i++) {
    if (i) await page.waitForTimeout(100);
    background = await newButton.evaluate((b) => getComputedStyle(b).backgroundColor);
  }
  assert.equal(background, 'rgb(170, 34, 102)');
  await expectNoAxeViolations(page);
}
