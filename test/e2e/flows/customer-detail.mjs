/**
 * Customer detail in the portal: open a customer from the table, edit and save, fail a save (fault
 * injected through the sandbox control API) and see the input kept, switch tabs by keyboard.
 * Changes only the customer it opens, and puts its name back at the end.
 */
import {assert, controlHeaders, expectNoAxeViolations, openPortal, waitForDefined} from '../helpers.mjs';

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {token: string}}} ctx */
export default async function customerDetail({page, baseUrl, config}) {
  await openPortal(page, baseUrl, '#/customers');
  await waitForDefined(page, 'reseller-customer-table');

  // Open the first customer by its name, as an operator does.
  const firstRow = page.locator('reseller-customer-table tbody tr[part~="row"]').first();
  await firstRow.waitFor();
  const id = await firstRow.getAttribute('data-id');
  await firstRow.locator('td.col-name').getByRole('link').or(firstRow.locator('td.col-name').getByRole('button')).first().click();
  await page.waitForURL(`**/#/customers/${id}`);
  // The portal registers a page's elements when the page is first shown (demo/main.ts), not before.
  await waitForDefined(page, 'reseller-customer-detail');
  const detail = page.locator('reseller-customer-detail');
  assert.equal(await detail.getAttribute('customer-id'), id);

  const name = detail.locator('#name');
  await name.waitFor();
  const original = await name.inputValue();
  const update = detail.locator('[part~="update"]');
  assert.equal(await update.isDisabled(), true, 'Update starts disabled');

  // Edit and save.
  const edited = `E2E Detail ${Date.now()}`;
  await name.fill(edited);
  assert.equal(await update.isDisabled(), false, 'Update enabled after an edit');
  await update.click();
  await page.locator('reseller-toast-region').getByText(`Changes to ${edited} saved.`).waitFor();
  assert.equal(await update.isDisabled(), true, 'Update disabled again after the save');
  const saved = await (await fetch(`${baseUrl}/api/v3/reseller/customers/${id}`, {headers: {authorization: `Bearer ${config.token}`}})).json();
  assert.equal(saved.name, edited);

  // A failing save (500 from the sandbox's fault injection): the message, the input kept.
  const faults = (method, rules) => fetch(`${baseUrl}/__sandbox/faults`, {
    method, headers: controlHeaders({authorization: `Bearer ${config.token}`, 'content-type': 'application/json'}), body: rules ? JSON.stringify({rules}) : undefined,
  });
  await faults('PUT', [{method: 'PATCH', path: `/customers/${id}`, status: 500}]);
  try {
    await name.fill(`${edited} (unsaved)`);
    await update.click();
    await detail.locator('[part~="alert"]').getByText('Your changes were not saved.').waitFor();
    assert.equal(await name.inputValue(), `${edited} (unsaved)`, 'the typed name is kept');
    assert.equal(await update.isDisabled(), false, 'Update stays enabled');
  } finally {
    await faults('DELETE');
  }

  // Opening another customer with unsaved edits asks first; "Keep editing" (the default button)
  // keeps the edit and puts the URL back.
  await page.evaluate((other) => (location.hash = `#/customers/${other}`), Number(id) + 1);
  const keep = detail.locator('reseller-confirm-dialog [part~="cancel-button"]');
  await keep.waitFor();
  assert.equal((await keep.textContent())?.trim(), 'Keep editing');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/#/customers/${id}`);
  assert.equal(await detail.getAttribute('customer-id'), id);
  assert.equal(await name.inputValue(), `${edited} (unsaved)`, 'the edit survives the question');

  // Switch tabs with the keyboard: focus the selected tab, arrow to Usage, Enter.
  await detail.locator('#tab-subscription').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.equal(await detail.getAttribute('tab'), 'usage');
  const usagePanel = detail.locator('#panel-usage');
  await usagePanel.waitFor({state: 'visible'});
  await usagePanel.locator('reseller-usage-chart, [part~="quota"]').first().waitFor();
  assert.equal(await name.inputValue(), `${edited} (unsaved)`, 'switching tabs keeps the input');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await detail.locator('#panel-subscription reseller-subscription-panel [part~="plan"]').waitFor();

  await expectNoAxeViolations(page);

  // Put the name back (and leave nothing unsaved behind).
  await name.fill(original);
  await update.click();
  await page.locator('reseller-toast-region').getByText(`Changes to ${original} saved.`).waitFor();
}

export const allowConsoleErrors = [/status of 500/, /PATCH .* failed/];
export const timeout = 60_000;
