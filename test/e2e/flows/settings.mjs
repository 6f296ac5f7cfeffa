/**
 * Settings page: locale, theme and brand colour apply to the provider and :root, survive a reload
 * (browser storage; never the token), and the page stays axe clean in dark mode. The portal's own
 * chrome follows the locale (Dutch, Arabic right to left).
 */
import {assert, expectNoAxeViolations, openPortal} from '../helpers.mjs';

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function settings({page, baseUrl}) {
  await openPortal(page, baseUrl, '#/settings');
  const root = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return {
        lang: document.documentElement.lang,
        locale: document.getElementById('provider')?.getAttribute('locale'),
        localeProperty: /** @type {any} */ (document.getElementById('provider'))?.locale,
        scheme: style.colorScheme,
        brand: style.getPropertyValue('--reseller-color-brand').trim(),
      };
    });

  const before = await root();
  assert.deepEqual(before, {lang: 'en', locale: 'en', localeProperty: 'en', scheme: 'light', brand: '#1d5fd1'});

  await page.getByRole('radio', {name: 'Dark'}).check();
  await page.getByLabel('Brand colour').fill('#aa2266');
  await page.getByLabel('Language').selectOption('nl');
  assert.deepEqual(await root(), {lang: 'nl', locale: 'nl', localeProperty: 'nl', scheme: 'dark', brand: '#aa2266'});
  assert.equal((await page.locator('#setting-brand-value').textContent())?.trim(), '#aa2266');
  // The portal's own chrome follows the locale: status, heading, navigation, title.
  assert.equal((await page.locator('#settings-status').textContent())?.trim(), 'Instellingen opgeslagen.');
  assert.equal((await page.locator('#h-settings').textContent())?.trim(), 'Instellingen');
  assert.deepEqual(await page.getByRole('navigation', {name: 'Hoofdmenu'}).getByRole('link').allTextContents(), [
    'Klanten', 'Klantdetails', 'Gebruiksoverzicht', 'Rapporten', 'Huisstijl', 'Instellingen',
  ]);
  assert.match(await page.title(), /^Instellingen · Northwind Voice-partnerportaal$/);

  await expectNoAxeViolations(page);

  // Persisted across a reload.
  await page.reload();
  await page.locator('html[data-portal-ready]').waitFor({state: 'attached'});
  assert.deepEqual(await root(), {lang: 'nl', locale: 'nl', localeProperty: 'nl', scheme: 'dark', brand: '#aa2266'});
  assert.equal(await page.getByLabel('Taal').inputValue(), 'nl');
  assert.equal(await page.getByRole('radio', {name: 'Donker'}).isChecked(), true);

  // Arabic: the chrome in Arabic and the page right to left.
  await page.getByLabel('Taal').selectOption('ar');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal((await page.locator('#h-settings').textContent())?.trim(), 'الإعدادات');
  await expectNoAxeViolations(page);

  // Reset the brand colour, back to light and English (left to right again).
  await page.getByRole('button', {name: 'إعادة تعيين'}).click();
  await page.getByRole('radio', {name: 'فاتح'}).check();
  await page.getByLabel('اللغة').selectOption('en');
  assert.deepEqual(await root(), before);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  assert.equal((await page.locator('#h-settings').textContent())?.trim(), 'Settings');
}
