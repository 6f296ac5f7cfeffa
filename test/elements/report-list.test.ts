/**
 * <reseller-report-list> against the sandbox: the list equals `GET /reports` (months made by the
 * month-end job through the control API, the month so far by "Generate now"), Generate now (busy,
 * the report appears, the event; a failure keeps the list), the CSV and PDF downloads' content,
 * report settings (client checks, the server's per-address 422, a failed save keeps the input,
 * keyboard), states (loading error + retry, empty, RESELLEE access), hostile report data inert.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/report-list.js';
import type {Report, ReportPage, ReportSettings} from '../../src/contract/schemas.js';
import type {ResellerReportList} from '../../src/elements/report-list/report-list.js';
import type {ResellerReportGeneratedEvent, ResellerReportSettingsSavedEvent} from '../../src/events.js';
import {clearFaults, monthEnd, requests, setFaults} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';
import {$, $$, api, column, createCustomer, createTenant, fieldError, focused, nextDownload, nextEvent, rowIds, settled, typeInto, type Tenant} from './org-lists.helpers.js';

type Kit = ResellerReportList;

async function mount(token: string | null, attrs: Record<string, string> = {}): Promise<Kit> {
  const el = document.createElement('reseller-report-list');
  el.token = token;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  await fixture(html`<div>${el}</div>`);
  // A file's first loads also wait for the sandbox's first answers for a fresh tenant: with three
  // engines at once on a loaded machine (load 25-30) Chromium's took more than 10 s (as in elements.layout).
  await waitFor(() => el.shadowRoot?.querySelector('tbody tr[part~="row"], [part~="state"]'), 'the report list shows its data', {timeout: 30_000});
  await settled(el);
  return el;
}

/** `YYYY-MM-01` of the month `back` months before the current one (UTC). */
function firstOfMonth(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
}
const monthName = (period: string, locale = 'en') =>
  new Intl.DateTimeFormat(locale, {year: 'numeric', month: 'long', timeZone: 'UTC'}).format(new Date(`${period}-01T00:00:00Z`));
const serverList = (tenant: Tenant) => api<ReportPage>(tenant, 'GET', '/reports?per_page=100');
const dialog = (el: Kit) => $<HTMLDialogElement>(el, 'dialog.settings');
const recipients = (el: Kit) => $$<HTMLInputElement>(el, '[part~="recipient-input"]');

/** A seeded tenant with the reports of the last three complete months (made by the month-end job). */
async function tenantWithReports(): Promise<Tenant> {
  const tenant = await createTenant({customers: 6});
  for (const back of [2, 1, 0]) await monthEnd(tenant.token, firstOfMonth(back));
  return tenant;
}

async function openSettings(el: Kit): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="settings-button"]').focus();
  await sendKeys({press: 'Enter'});
  await waitUntil(() => dialog(el)?.open && focused() === $(el, '#report-enabled'), 'the settings dialog opens with its settings, focus on the checkbox', {timeout: 10_000});
}

describe('<reseller-report-list>', function () {
  this.timeout(60_000);

  it('lists what GET /reports answers: the month in the locale’s format, status, totals, generated at', async () => {
    const tenant = await tenantWithReports();
    const el = await mount(tenant.token);
    const page = await serverList(tenant);
    expect(page.data).to.have.length(3);
    expect(rowIds(el)).to.deep.equal(page.data.map((r) => r.id));
    expect($$(el, 'tbody th.col-month').map((th) => th.textContent!.trim())).to.deep.equal(page.data.map((r) => monthName(r.period)));
    expect(column(el, 'status')).to.deep.equal(page.data.map(() => 'Complete'));
    expect(column(el, 'customers')).to.deep.equal(page.data.map((r) => String(r.totals.customers)));
    expect(column(el, 'transcriptions')).to.deep.equal(page.data.map((r) => r.totals.transcriptions.toLocaleString('en')));
    expect(column(el, 'audio')).to.deep.equal(page.data.map((r) => `${(r.totals.audio_minutes / 60).toLocaleString('en', {minimumFractionDigits: 1, maximumFractionDigits: 1})} h`));
    expect(page.data.some((r) => r.totals.transcriptions > 0), 'the seed has usage in those months').to.be.true;
    expect($(el, '[part~="count"]').textContent).to.equal('3 reports');
    await expect(el).to.be.accessible();
  });

  it('shows months in the element’s language (Dutch, Arabic)', async () => {
    const tenant = await tenantWithReports();
    const period = (await serverList(tenant)).data[0]!.period;
    for (const lang of ['nl', 'ar']) {
      const el = await mount(tenant.token, {lang});
      await waitUntil(() => $(el, 'tbody th.col-month')?.textContent?.trim() === monthName(period, lang), `the month in ${lang}`);
    }
  });

  it('Generate now from the keyboard: busy while it runs, then the month so far appears first as In progress', async () => {
    const tenant = await tenantWithReports();
    const el = await mount(tenant.token);
    const before = rowIds(el);
    await setFaults(tenant.token, [{method: 'POST', path: '/reports', delay_ms: 800}]);
    const generated = nextEvent<ResellerReportGeneratedEvent>(el, 'reseller-report-generated');
    const button = $<HTMLButtonElement>(el, '[part~="generate-button"]');
    button.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => button.getAttribute('aria-busy') === 'true' && button.textContent!.trim() === 'Generating…', 'the button is busy');
    const {detail} = await generated;
    await clearFaults(tenant.token);
    const current = firstOfMonth(0).slice(0, 7);
    expect(detail.report.period).to.equal(current);
    expect(detail.report.complete).to.equal(false);
    expect(detail.report).to.deep.equal(await api<Report>(tenant, 'GET', `/reports/${detail.report.id}`));
    await el.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('false');
    expect(rowIds(el)).to.deep.equal([detail.report.id, ...before]);
    expect(rowIds(el)).to.deep.equal((await serverList(tenant)).data.map((r) => r.id));
    expect(column(el, 'status')[0]).to.equal('In progress');
    expect($(el, '[part~="count"]').textContent).to.equal('4 reports');
    expect(focused()).to.equal(button);
    // Again: the same month's report is refreshed in place, not added.
    const again = nextEvent<ResellerReportGeneratedEvent>(el, 'reseller-report-generated');
    await sendKeys({press: 'Enter'});
    expect((await again).detail.report.id).to.equal(detail.report.id);
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(4);
  });

  it('a failed Generate now says why beside the button and keeps the list', async () => {
    const tenant = await tenantWithReports();
    const el = await mount(tenant.token);
    const before = rowIds(el);
    await setFaults(tenant.token, [{method: 'POST', path: '/reports', status: 500}]);
    expect(await el.generate()).to.equal(false);
    await el.updateComplete;
    expect($(el, '[part~="generate-error"]').textContent).to.match(/^The report was not generated\. /);
    expect($(el, '[part~="generate-error"]').getAttribute('role')).to.equal('alert');
    expect(rowIds(el)).to.deep.equal(before);
    await clearFaults(tenant.token);
    expect(await el.generate()).to.equal(true);
    await el.updateComplete;
    expect($(el, '[part~="generate-error"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('downloads each report as CSV and PDF: named for the month, the server’s bytes', async () => {
    const tenant = await tenantWithReports();
    const el = await mount(tenant.token);
    const report = (await serverList(tenant)).data[0]!;
    const month = monthName(report.period);
    for (const format of ['csv', 'pdf'] as const) {
      const button = $<HTMLButtonElement>(el, `tbody tr[data-id="${report.id}"] [part~="download-button"][part~="${format}"]`);
      expect(button.getAttribute('aria-label')).to.equal(`Download the ${month} report as ${format.toUpperCase()}`);
      const saved = nextDownload(el);
      button.click();
      const a = await saved;
      expect(a.download).to.equal(`usage-report_${report.period}.${format}`);
      const bytes = new Uint8Array(await (await fetch(a.href)).arrayBuffer());
      const expected = new Uint8Array(await (await fetch(`/api/v3/reseller/reports/${report.id}/${format}`, {headers: {authorization: `Bearer ${tenant.token}`}})).arrayBuffer());
      if (format === 'csv') {
        const text = new TextDecoder().decode(bytes);
        expect(text).to.equal(new TextDecoder().decode(expected));
        expect(text.split('\r\n').filter((l) => l.includes(',total,'))).to.have.length(1);
      } else {
        expect(new TextDecoder().decode(bytes.slice(0, 5))).to.equal('%PDF-');
        // Generated at request time (its creation date differs): same size, same page count.
        expect(bytes.length).to.be.within(expected.length - 64, expected.length + 64);
      }
    }
  });

  it('a failed download toasts why and keeps the list', async () => {
    const tenant = await tenantWithReports();
    const el = await mount(tenant.token);
    const report = (await serverList(tenant)).data[0]!;
    await setFaults(tenant.token, [{method: 'GET', path: '/reports/*/pdf', status: 500}]);
    const toast = nextEvent<CustomEvent<{message: string; kind: string}>>(el, 'reseller-toast');
    expect(await el.download(report.id, 'pdf')).to.equal(false);
    const {detail} = await toast;
    expect(detail.kind).to.equal('error');
    expect(detail.message).to.match(new RegExp(`^Could not download usage-report_${report.period}\\.pdf\\. `));
    expect(rowIds(el)).to.have.length(3);
  });

  it('settings: keyboard, client checks, the server’s 422 per address, saved as typed', async () => {
    const tenant = await createTenant({customers: 0});
    const el = await mount(tenant.token);
    await openSettings(el);
    expect($<HTMLInputElement>(el, '#report-enabled').checked, 'reports are on by default').to.equal(true);
    expect(recipients(el)).to.have.length(0);
    // Add two addresses by keyboard: Add recipient puts focus in the new field.
    $<HTMLButtonElement>(el, '[part~="add-recipient"]').focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => focused() === recipients(el)[0], 'focus in the first new field');
    await typeInto(recipients(el)[0]!, 'finance@example.com');
    $<HTMLButtonElement>(el, '[part~="add-recipient"]').click();
    await waitUntil(() => focused() === recipients(el)[1], 'focus in the second new field');
    await typeInto(recipients(el)[1]!, 'FINANCE@example.com');
    const before = (await requests(tenant.token)).filter((r) => r.method === 'PUT').length;
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await waitUntil(() => fieldError(recipients(el)[1]!) === 'This address is already in the list.', 'the duplicate is marked at its field');
    expect(recipients(el)[1]!.getAttribute('aria-invalid')).to.equal('true');
    expect(focused()).to.equal(recipients(el)[1]);
    expect((await requests(tenant.token)).filter((r) => r.method === 'PUT').length, 'nothing sent').to.equal(before);
    // An address only the server refuses (two dots in a row): its 422 names recipients.1.
    recipients(el)[1]!.value = '';
    await typeInto(recipients(el)[1]!, 'ops..team@example.com');
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await waitUntil(() => fieldError(recipients(el)[1]!) !== '', 'the server’s message at the second address');
    expect(fieldError(recipients(el)[0]!)).to.equal('');
    expect(recipients(el).map((i) => i.value)).to.deep.equal(['finance@example.com', 'ops..team@example.com']);
    expect(dialog(el).open).to.equal(true);
    // Fixed, switched off and saved.
    recipients(el)[1]!.value = '';
    await typeInto(recipients(el)[1]!, 'ops.team@example.com');
    $<HTMLInputElement>(el, '#report-enabled').click();
    const saved = nextEvent<ResellerReportSettingsSavedEvent>(el, 'reseller-report-settings-saved');
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    const {detail} = await saved;
    await waitUntil(() => !dialog(el).open, 'the dialog closes');
    expect(detail.settings).to.deep.equal(await api<ReportSettings>(tenant, 'GET', '/reports/settings'));
    expect(detail.settings).to.include({enabled: false});
    expect(detail.settings.recipients).to.deep.equal(['finance@example.com', 'ops.team@example.com']);
    expect(focused()).to.equal($(el, '[part~="settings-button"]'));
  });

  it('settings: a failed save keeps what was typed; Escape closes and focus returns; remove moves focus', async () => {
    const tenant = await createTenant({customers: 0});
    await api(tenant, 'PUT', '/reports/settings', {enabled: true, recipients: ['a@example.com', 'b@example.com', 'c@example.com']});
    const el = await mount(tenant.token);
    await openSettings(el);
    expect(recipients(el).map((i) => i.value)).to.deep.equal(['a@example.com', 'b@example.com', 'c@example.com']);
    expect($$(el, '[part~="remove-recipient"]').map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Remove recipient 1', 'Remove recipient 2', 'Remove recipient 3']);
    $$<HTMLButtonElement>(el, '[part~="remove-recipient"]')[1]!.click();
    await waitUntil(() => recipients(el).length === 2 && focused() === recipients(el)[1], 'focus on the address now second');
    await typeInto(recipients(el)[1]!, '.uk');
    await setFaults(tenant.token, [{method: 'PUT', path: '/reports/settings', status: 500}]);
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await waitUntil(() => $(el, 'dialog.settings [part~="alert"]')?.textContent?.startsWith('The settings were not saved.'), 'the failure shows in the dialog');
    expect(recipients(el).map((i) => i.value)).to.deep.equal(['a@example.com', 'c@example.com.uk']);
    expect(dialog(el).open).to.equal(true);
    await clearFaults(tenant.token);
    expect((await api<ReportSettings>(tenant, 'GET', '/reports/settings')).recipients).to.have.length(3);
    await expect(el).to.be.accessible();
    recipients(el)[0]!.focus();
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !dialog(el).open && focused() === $(el, '[part~="settings-button"]'), 'Escape closes, focus back on Report settings');
    // Reopened: what was typed is still there.
    await openSettings(el);
    expect(recipients(el).map((i) => i.value)).to.deep.equal(['a@example.com', 'c@example.com.uk']);
  });

  it('states: empty, load error with retry, RESELLEE access required', async () => {
    const tenant = await createTenant({customers: 0});
    let el = await mount(tenant.token);
    expect($(el, '[part~="state"]').getAttribute('part')).to.equal('state empty');
    expect($(el, '[part~="state-title"]').textContent).to.equal('No reports yet.');
    await expect(el).to.be.accessible();

    await setFaults(tenant.token, [{method: 'GET', path: '/reports', status: 500, times: 1}]);
    el = await mount(tenant.token);
    expect($(el, '[part~="state"]').getAttribute('part')).to.equal('state error');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="retry-button"]').click();
    await waitUntil(() => $(el, '[part~="state"]')?.getAttribute('part') === 'state empty', 'the retry loads the (empty) list');
    await clearFaults(tenant.token);

    el = await mount(tenant.reselleeToken);
    expect($(el, '[part~="state"]').getAttribute('part')).to.equal('state access-required');
    expect($(el, '[part~="generate-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('hostile data stays text: customer names in the report file, server messages in the states', async () => {
    const tenant = await createTenant({customers: 0});
    const hostile = ['<img src=x onerror="window.__pwned=1">', '=HYPERLINK("http://evil.example")'];
    for (const [i, name] of hostile.entries()) await createCustomer(tenant, {name, email: `hostile${i}@example.com`});
    const el = await mount(tenant.token);
    const generated = nextEvent<ResellerReportGeneratedEvent>(el, 'reseller-report-generated');
    await el.generate();
    const {report} = (await generated).detail;
    expect(report.lines.map((l) => l.name).sort()).to.deep.equal([...hostile].sort());
    await el.updateComplete;
    const saved = nextDownload(el);
    $<HTMLButtonElement>(el, '[part~="download-button"][part~="csv"]').click();
    const text = await (await fetch((await saved).href)).text();
    expect(text).to.include('<img src=x onerror=""window.__pwned=1"">');
    expect(text).to.include(`'=HYPERLINK`);
    // A server message with markup, as the generate failure's text.
    await setFaults(tenant.token, [{method: 'POST', path: '/reports', status: 500, body_raw: JSON.stringify({error: {code: 'reseller_custom_failure', message: hostile[0]}})}]);
    await el.generate();
    await el.updateComplete;
    await clearFaults(tenant.token);
    expect($(el, '[part~="generate-error"]').textContent).to.include(hostile[0]);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as {__pwned?: number}).__pwned).to.equal(undefined);
  });
});
