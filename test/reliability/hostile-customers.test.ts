/**
 * Hostile content, customers: every payload stored through the sandbox API as a customer name, in
 * the email's local part (where the validator allows it), as a phone number (rejected), as a
 * metadata key (rejected) and value; then rendered by the customer table, the customer detail form
 * of each customer, the delete confirm naming the customer (with the server's error message as a
 * payload too) and the toast after a delete. Cells: reports/reliability/hostile-customers.json.
 */
import {fixture, html} from '@open-wc/testing';
import '../../src/define/index.js';
import type {Customer} from '../../src/contract/schemas.js';
import {API_BASE, clearFaults, createTenant, setFaults, type Tenant} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';
import {guardPage, record, toastTexts} from './matrix.js';
import {bidiLeaks, pwnTrap, recordRow, renderedText, standardColumns, watchDocument} from './hostile.helpers.js';
import {PAYLOADS, stored} from './payloads.js';

const SUITE = 'hostile-customers';

let tenant: Tenant;
async function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${API_BASE}${path}`, {
    method,
    headers: {authorization: `Bearer ${tenant.token}`, ...(body !== undefined ? {'content-type': 'application/json'} : {})},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const sr = (el: Element) => el.shadowRoot!;

async function inContainer<E extends HTMLElement>(el: E, width = 760): Promise<HTMLElement> {
  const provider = document.createElement('reseller-provider');
  provider.token = tenant.token;
  provider.clientOptions = {cacheTtlMs: 0, retry: false};
  provider.append(el);
  const container = await fixture<HTMLDivElement>(html`<div class="container">${provider}</div>`);
  container.style.width = `${width}px`;
  return container;
}

describe('reliability: hostile content in customers', function () {
  this.timeout(120_000);
  const customers: Customer[] = [];
  const emails = {stored: 0, rejected: 0, other: [] as string[]};
  const phones = {rejected: 0, other: [] as string[]};
  const keys = {rejected: 0, other: [] as string[]};
  let pwned: number[];

  before(async function () {
    this.timeout(120_000);
    pwned = pwnTrap();
    tenant = await createTenant({customers: 0});
    for (const p of PAYLOADS) {
      // The payload in the email's local part first; the validator decides.
      const local = p.text.replace(/\s/g, '').slice(0, 60) || 'x';
      let res = await call('POST', '/customers', {name: p.text, email: `${local}.${p.n}@hostile.example`, metadata: {payload: p.text.slice(0, 500), n: String(p.n)}});
      if (res.status === 201) emails.stored++;
      else if (res.status === 422 && JSON.stringify(await res.json()).includes('email')) {
        emails.rejected++;
        res = await call('POST', '/customers', {name: p.text, email: `payload${p.n}@hostile.example`, metadata: {payload: p.text.slice(0, 500), n: String(p.n)}});
      } else emails.other.push(`${p.n}: ${res.status}`);
      if (res.status !== 201) throw new Error(`payload ${p.n} (${p.kind}) could not be stored as a name: ${res.status} ${await res.text()}`);
      const customer = (await res.json()) as Customer;
      customers.push(customer);
      const phone = await call('PATCH', `/customers/${customer.id}`, {phone: p.text});
      if (phone.status === 422) phones.rejected++;
      else phones.other.push(`${p.n}: ${phone.status}`);
      const key = await call('PATCH', `/customers/${customer.id}`, {metadata: {[p.text]: 'x'}});
      if (key.status === 422) keys.rejected++;
      else keys.other.push(`${p.n}: ${key.status}`);
    }
  });

  it('storage: names and metadata values stored as sent; emails validated; phones and metadata keys rejected (422)', async () => {
    const names = customers.filter((c, i) => c.name === stored(PAYLOADS[i]!.text)).length;
    const values = customers.filter((c, i) => c.metadata.payload === PAYLOADS[i]!.text.slice(0, 500)).length;
    const total = PAYLOADS.length;
    await recordRow(SUITE, 'sandbox API (storage)', {
      'customer name': {detail: `${names}/${total} names stored exactly (trimmed)`, failure: names === total ? null : `${total - names} changed on the way`},
      email: {
        detail: `${emails.rejected} payload emails rejected (422 fields.email), ${emails.stored} legal local parts stored`,
        failure: emails.other.length ? `unexpected answers ${emails.other.join(', ')}` : emails.rejected === 0 ? 'the validator accepted every payload email' : null,
      },
      phone: {detail: `${phones.rejected}/${total} payload phones rejected (422)`, failure: phones.other.length ? `not rejected: ${phones.other.slice(0, 5).join(', ')}` : null},
      'metadata key': {detail: `${keys.rejected}/${total} payload keys rejected (422)`, failure: keys.other.length ? `not rejected: ${keys.other.slice(0, 5).join(', ')}` : null},
      'metadata value': {detail: `${values}/${total} values stored exactly`, failure: values === total ? null : `${total - values} changed on the way`},
    });
  });

  it('customer table: every payload name and email rendered as text, layout and bidi hold', async () => {
    const guard = guardPage();
    const watch = watchDocument();
    const el = document.createElement('reseller-customer-table');
    el.setAttribute('per-page', '100');
    const container = await inContainer(el);
    await waitFor(() => sr(el).querySelectorAll('tbody tr[part~="row"]').length === customers.length, 'all rows show');
    await new Promise((r) => requestAnimationFrame(r));
    const problems = guard.stop();
    const added = watch.stop();
    const columns = standardColumns(el, container, {pwned, violations: [...problems.violations, ...added], expected: customers.flatMap((c) => [c.name, c.email]), what: `${customers.length} rows`});
    await recordRow(SUITE, 'customer-table (names, emails)', columns);
  });

  it('customer detail: each payload customer in the form (name, email, metadata), heading and tabs', async () => {
    const guard = guardPage();
    const watch = watchDocument();
    const failures: Record<string, string[]> = {};
    let last: Record<string, {detail: string; failure: string | null}> = {};
    for (const customer of customers) {
      const el = document.createElement('reseller-customer-detail');
      el.setAttribute('customer-id', String(customer.id));
      const container = await inContainer(el, 600);
      await waitFor(() => !!sr(el).querySelector('form[part~="form"]'), `detail ${customer.id} shows its form`);
      await new Promise((r) => requestAnimationFrame(r));
      const columns = standardColumns(el, container, {
        pwned, violations: [], expected: [customer.name, customer.email, customer.metadata.payload!], what: 'detail',
      });
      for (const [column, c] of Object.entries(columns)) if (c.failure) (failures[column] ??= []).push(`#${customer.metadata.n}: ${c.failure}`);
      last = columns;
      container.remove();
    }
    const problems = guard.stop();
    const added = watch.stop();
    const columns = Object.fromEntries(Object.entries(last).map(([column, c]) => [column, {
      detail: c.detail.replace(/^detail:/, `detail of ${customers.length} customers:`),
      failure: failures[column]?.length ? `${failures[column].length} customer(s): ${failures[column].slice(0, 3).join(' | ')}` : null,
    }]));
    const violations = [...problems.violations, ...added];
    columns['no CSP / Trusted Types violation']!.failure ??= violations.length ? violations.slice(0, 5).join(' | ') : null;
    await recordRow(SUITE, 'customer-detail (form, heading)', columns);
  });

  it('delete confirm names each customer; the server’s error message (a payload) shows as text; the toast after a delete too', async () => {
    const guard = guardPage();
    const watch = watchDocument();
    const el = document.createElement('reseller-customer-table');
    el.setAttribute('per-page', '100');
    const container = await inContainer(el);
    await waitFor(() => sr(el).querySelectorAll('tbody tr[part~="row"]').length === customers.length, 'all rows show');
    const dialog = sr(el).querySelector('reseller-confirm-dialog')!;
    const dialogText = () => renderedText(dialog).replace(/\s+/g, ' ');
    const missing: string[] = [];
    const leaks: string[] = [];
    for (const [i, customer] of customers.entries()) {
      const payload = PAYLOADS[(i + 7) % PAYLOADS.length]!;
      // A code the kit does not know, so it shows the server's own words (a known code shows the kit's).
      await setFaults(tenant.token, [{method: 'DELETE', path: '/customers/*', status: 500, body_raw: JSON.stringify({error: {code: 'reseller_custom_failure', message: payload.text}})}]);
      sr(el).querySelector<HTMLButtonElement>(`tbody tr[data-id="${customer.id}"] [part~="menu-button"]`)!.click();
      await waitFor(() => !!sr(el).querySelector('[part~="menu"]')?.matches(':popover-open'), 'the row menu opens');
      [...sr(el).querySelectorAll<HTMLElement>('[part~="menu"] [role="menuitem"]')].find((b) => b.textContent!.trim() === 'Delete')!.click();
      await waitFor(() => !!dialog.shadowRoot!.querySelector('dialog')?.open, `the confirm opens for #${String(customer.metadata.n)}`);
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
      await waitFor(() => !!dialog.shadowRoot!.querySelector('[part~="error"]'), `the failure shows for #${String(customer.metadata.n)}`);
      const text = dialogText();
      leaks.push(...bidiLeaks(dialog).map((l) => `#${String(customer.metadata.n)} ${l}`));
      if (!text.includes(customer.name.replace(/\s+/g, ' '))) missing.push(`name #${customer.metadata.n}`);
      if (!text.includes(stored(payload.text, 10_000).replace(/\s+/g, ' '))) missing.push(`server message #${payload.n}`);
      (dialog as HTMLElement & {cancel: () => void}).cancel();
      await waitFor(() => !dialog.shadowRoot!.querySelector('dialog')?.open, 'the confirm closes');
    }
    await clearFaults(tenant.token);
    // One real delete: the toast names the customer.
    const victim = customers[47]!; // the RLO payload: the toast must isolate it
    sr(el).querySelector<HTMLButtonElement>(`tbody tr[data-id="${victim.id}"] [part~="menu-button"]`)!.click();
    await waitFor(() => !!sr(el).querySelector('[part~="menu"]')?.matches(':popover-open'), 'the row menu opens');
    [...sr(el).querySelectorAll<HTMLElement>('[part~="menu"] [role="menuitem"]')].find((b) => b.textContent!.trim() === 'Delete')!.click();
    await waitFor(() => !!dialog.shadowRoot!.querySelector('dialog')?.open, 'the confirm opens');
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitFor(() => toastTexts().some((t) => t.includes(victim.name)), 'the toast names the deleted customer');
    const region = document.querySelector('reseller-toast-region') as HTMLElement;
    const problems = guard.stop();
    const added = watch.stop();
    const columns = standardColumns(dialog as HTMLElement, container, {pwned, violations: [...problems.violations, ...added], expected: [], what: `confirm dialog × ${customers.length}, toast`});
    columns['shown as text'] = {
      detail: `confirm heading/message name each of ${customers.length} customers, the server's message (a payload) in the dialog's error, the toast names the deleted one`,
      failure: missing.length ? `missing: ${missing.slice(0, 5).join(', ')}` : null,
    };
    if (leaks.length) columns['bidi isolated'] = {detail: columns['bidi isolated']!.detail, failure: `${leaks.length} leak(s) in the open dialog, e.g. ${leaks.slice(0, 3).join(' | ')}`};
    const toastColumns = standardColumns(region, document.body, {pwned, violations: [], expected: [victim.name], what: 'toast'});
    for (const key of ['no active markup', 'bidi isolated'] as const) {
      if (toastColumns[key].failure) columns[key] = {detail: columns[key]!.detail, failure: [columns[key]!.failure, `toast: ${toastColumns[key].failure}`].filter(Boolean).join('; ')};
    }
    await recordRow(SUITE, 'confirm dialog + toast (customer names, server messages)', columns);
  });

  after(async () => {
    await record(SUITE, 'Hostile content', []);
  });
});
