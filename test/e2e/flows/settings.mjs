/**
 * Settings page: locale, theme and brand colour apply to the provider and :root, survive a reload
 * (browser storage; never the token), and the page stays axe clean in dark mode.
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

  await page.getByLabel('Language').selectOption('nl');
  await page.getByRole('radio', {name: 'Dark'}).check();
  await page.getByLabel('Brand colour').fill('#aa2266');
  assert.deepEqual(await root(), {lang: 'nl', locale: 'nl', localeProperty: 'nl', scheme: 'dark', brand: '#aa2266'});
  assert.equal((await page.locator('#setting-brand-value').textContent())?.trim(), '#aa2266');
  assert.match((await page.locator('#settings-status').textContent()) ?? '', /saved/i);

  await expectNoAxeViolations(page);

  // Persisted across a reload.
  await page.reload();
  await page.locator('html[data-portal-ready]').waitFor({state: 'attached'});
  assert.deepEqual(await root(), {lang: 'nl', locale: 'nl', localeProperty: 'nl', scheme: 'dark', brand: '#aa2266'});
  assert.equal(await page.getByLabel('Language').inputValue(), 'nl');
  assert.equal(await page.getByRole('radio', {name: 'Dark'}).isChecked(), true);

  // Reset the brand colour, back to light and English.
  await page.getByRole('button', {name: 'Reset'}).click();
  await page.getByRole('radio', {name: 'Light'}).check();
  await page.getByLabel('Language').selectOption('en');
  assert.deepEqual(await root(), before);
}
