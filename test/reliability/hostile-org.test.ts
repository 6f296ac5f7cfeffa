/**
 * Hostile content, organization lists and server messages: every payload stored as a user name,
 * a token name (first 100 characters) and a transcript title (POST /__sandbox/transcripts; the
 * document file names derive from it), rendered by the user list, token manager and transcription
 * list (with documents opened), and as transcript segments, speakers and a title in the transcript
 * viewer (searched, so matches are marked inside the hostile text); every payload as the server's error message of a load, rendered by
 * each element's error state; CSS-injection brand colours refused by the editor, the schema and
 * the sandbox. Cells: reports/reliability/hostile-org.json.
 */
import {fixture, html} from '@open-wc/testing';
import '../../src/define/index.js';
import {BrandingUpdate, type Customer} from '../../src/contract/schemas.js';
import {API_BASE, clearFaults, createTenant, requests, clearRequests, setFaults, type Tenant} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';
import {deepElements, guardPage} from './matrix.js';
import {bidiLeaks, pwnTrap, recordRow, standardColumns, watchDocument} from './hostile.helpers.js';
import {COLOR_INJECTIONS, PAYLOADS, stored} from './payloads.js';
import {CONTROL_CHARACTER} from '../../src/contract/constants.js';

/** The payloads a user name may hold: one with control characters (line breaks, tabs, escapes) is refused at invite (422). */
const USER_PAYLOADS = PAYLOADS.filter((p) => !CONTROL_CHARACTER.test(stored(p.text)));

const SUITE = 'hostile-org';

let tenant: Tenant;
async function call(method: string, path: string, body?: unknown, base = API_BASE): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: {authorization: `Bearer ${tenant.token}`, ...(body !== undefined ? {'content-type': 'application/json'} : {})},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
async function ok<T>(response: Promise<Response>): Promise<T> {
  const res = await response;
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const sr = (el: Element) => el.shadowRoot!;

async function mount(tag: string, attrs: Record<string, string | number>, width = 760): Promise<{el: HTMLElement; container: HTMLElement}> {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  const provider = document.createElement('reseller-provider');
  provider.token = tenant.token;
  provider.clientOptions = {cacheTtlMs: 0, retry: false};
  provider.append(el);
  const container = await fixture<HTMLDivElement>(html`<div>${provider}</div>`);
  container.style.width = `${width}px`;
  return {el, container};
}

describe('reliability: hostile content in users, tokens, transcripts, server messages, brand colours', function () {
  this.timeout(120_000);
  let customer: Customer;
  let pwned: number[];
  const titles: string[] = [];

  before(async function () {
    this.timeout(120_000);
    pwned = pwnTrap();
    tenant = await createTenant({customers: 0});
    customer = await ok<Customer>(call('POST', '/customers', {name: 'Hostile Lists BV', email: 'lists@hostile.example'}));
    for (const p of PAYLOADS) {
      const invited = await call('POST', `/customers/${customer.id}/users`, {name: p.text, email: `user${p.n}@hostile.example`});
      if (USER_PAYLOADS.includes(p)) await ok(Promise.resolve(invited));
      else if (invited.status !== 422 || (await invited.json()).error?.field_codes?.name !== 'control_characters') throw new Error(`payload ${p.n}: a user name with control characters must be refused with 422 control_characters, got ${invited.status}`);
      await ok(call('POST', '/tokens', {customer_id: customer.id, name: p.text.slice(0, 100), permissions: ['usage:read']}));
      await ok(call('POST', '/transcripts', {customer_id: customer.id, title: p.text, documents: ['txt', 'srt']}, '/__sandbox'));
      titles.push(p.text);
    }
  });

  const listRow = async (row: string, tag: string, attrs: Record<string, string | number>, expected: string[], open?: (el: HTMLElement) => Promise<void>, count = PAYLOADS.length) => {
    const guard = guardPage();
    const watch = watchDocument();
    const {el, container} = await mount(tag, attrs);
    await waitFor(() => sr(el).querySelectorAll('tbody tr[part~="row"]').length >= count, `${tag} shows every row`);
    await open?.(el);
    await new Promise((r) => requestAnimationFrame(r));
    const problems = guard.stop();
    const columns = standardColumns(el, container, {pwned, violations: [...problems.violations, ...watch.stop()], expected, what: `${count} rows`});
    await recordRow(SUITE, row, columns);
  };

  it('user list: every payload user name as text', async () => {
    await listRow('user-list (user names)', 'reseller-user-list', {'customer-id': customer.id}, USER_PAYLOADS.map((p) => stored(p.text)), undefined, USER_PAYLOADS.length);
  });

  it('token manager: every payload token name as text', async () => {
    await listRow('token-manager (token names)', 'reseller-token-manager', {'customer-id': customer.id}, PAYLOADS.map((p) => stored(p.text, 100)));
  });

  it('transcription list: every payload title as text; each transcript’s documents (file names from the title)', async () => {
    await listRow('transcription-list (titles)', 'reseller-transcription-list', {'customer-id': customer.id, 'per-page': 100}, titles.map((t) => stored(t, 10_000)));
    // One transcript's documents open at a time: open each, check that state.
    const guard = guardPage();
    const watch = watchDocument();
    const {el, container} = await mount('reseller-transcription-list', {'customer-id': customer.id, 'per-page': 100});
    await waitFor(() => sr(el).querySelectorAll('tbody tr[part~="row"]').length >= PAYLOADS.length, 'every transcript shows');
    const failures: Record<string, string[]> = {};
    let columns: ReturnType<typeof standardColumns> = {};
    let files = 0;
    for (const row of [...sr(el).querySelectorAll<HTMLElement>('tbody tr[part~="row"]')]) {
      row.querySelector<HTMLButtonElement>('[part~="documents-button"]')!.click();
      await waitFor(() => sr(el).querySelectorAll(`#documents-${row.dataset.id} .filename`).length === 2, `the documents of ${row.dataset.id} show`);
      const names = [...sr(el).querySelectorAll(`#documents-${row.dataset.id} .filename`)].map((n) => n.textContent ?? '');
      files += names.length;
      columns = standardColumns(el, container, {pwned, violations: [], expected: names, what: 'documents'});
      for (const [column, c] of Object.entries(columns)) if (c.failure) (failures[column] ??= []).push(`${row.dataset.id}: ${c.failure}`);
    }
    const problems = guard.stop();
    const added = watch.stop();
    const merged = Object.fromEntries(Object.entries(columns).map(([column, c]) => [column, {
      detail: c.detail.replace('documents', `documents of ${PAYLOADS.length} transcripts (${files} file names, derived from the payload titles)`),
      failure: failures[column]?.length ? `${failures[column].length}: ${failures[column].slice(0, 3).join(' | ')}` : null,
    }]));
    const violations = [...problems.violations, ...added];
    if (violations.length) merged['no CSP / Trusted Types violation']!.failure = violations.slice(0, 5).join(' | ');
    await recordRow(SUITE, 'transcription-list (document file names)', merged);
  });

  it('transcript viewer: every payload as a segment text, a speaker (first 200 characters) and the title; searched, so matches are marked inside hostile text', async () => {
    const id = await ok<{id: number}>(call('POST', '/transcripts', {
      customer_id: customer.id,
      title: PAYLOADS[0]!.text,
      segments: PAYLOADS.map((p) => ({speaker: p.text.slice(0, 200), text: `${p.text.slice(0, 1900)} budget`})),
    }, '/__sandbox'));
    const guard = guardPage();
    const watch = watchDocument();
    const {el, container} = await mount('reseller-transcript-viewer', {'transcription-id': id.id});
    await waitFor(() => sr(el).querySelectorAll('[part~="segment"]').length === PAYLOADS.length, 'the viewer shows every segment');
    (el as HTMLElement & {search(q: string): void}).search('budget');
    await waitFor(() => sr(el).querySelectorAll('mark[part~="match"]').length === PAYLOADS.length, 'every segment has its match marked');
    await new Promise((r) => requestAnimationFrame(r));
    const problems = guard.stop();
    const expected = [stored(PAYLOADS[0]!.text, 10_000), ...PAYLOADS.map((p) => stored(p.text, 200)), ...PAYLOADS.map((p) => stored(p.text, 1900))];
    const columns = standardColumns(el, container, {pwned, violations: [...problems.violations, ...watch.stop()], expected, what: `${PAYLOADS.length} segments (speaker, text) and the title`});
    await recordRow(SUITE, 'transcript-viewer (segments, speakers, title)', columns);
  });

  it('customer detail tabs: tokens, users and transcriptions of the payload customer inside the detail', async () => {
    const guard = guardPage();
    const watch = watchDocument();
    const {el, container} = await mount('reseller-customer-detail', {'customer-id': customer.id});
    await waitFor(() => !!sr(el).querySelector('form[part~="form"]'), 'the detail shows');
    const expected: string[] = [];
    const inTab: [string, string, string[]][] = [
      ['tokens', 'reseller-token-manager', PAYLOADS.map((p) => stored(p.text, 100))],
      ['users', 'reseller-user-list', USER_PAYLOADS.map((p) => stored(p.text))],
      ['transcriptions', 'reseller-transcription-list', []],
    ];
    for (const [id, tag, names] of inTab) {
      sr(el).querySelector<HTMLButtonElement>(`#tab-${id}`)!.click();
      await waitFor(() => {
        const list = sr(el).querySelector(`#panel-${id} ${tag}`);
        return !!list?.shadowRoot?.querySelector('tbody tr[part~="row"]');
      }, `the ${id} tab shows its rows`, {timeout: 15_000});
      expected.push(...names);
    }
    await new Promise((r) => requestAnimationFrame(r));
    const problems = guard.stop();
    const columns = standardColumns(el, container, {pwned, violations: [...problems.violations, ...watch.stop()], expected, what: 'detail with its tokens, users and transcriptions tabs'});
    await recordRow(SUITE, 'customer-detail tabs (tokens, users, transcriptions)', columns);
  });

  it('server error messages: each payload as the message of a failed load, shown by every list element', async () => {
    const guard = guardPage();
    const watch = watchDocument();
    const elements: [string, string, Record<string, string | number>][] = [
      ['reseller-customer-table', '/customers', {}],
      ['reseller-user-list', `/customers/${customer.id}/users`, {'customer-id': customer.id}],
      ['reseller-token-manager', `/customers/${customer.id}/tokens`, {'customer-id': customer.id}],
      ['reseller-transcription-list', '/transcripts', {}],
      ['reseller-usage-chart', `/customers/${customer.id}/usage`, {'customer-id': customer.id}],
      ['reseller-subscription-panel', `/customers/${customer.id}/subscription`, {'customer-id': customer.id}],
      ['reseller-report-list', '/reports', {}],
    ];
    const failures: Record<string, string[]> = {};
    let columns: ReturnType<typeof standardColumns> = {};
    for (const p of PAYLOADS) {
      const [tag, path, attrs] = elements[p.n % elements.length]!;
      // A code the kit does not know, so it shows the server's own words (a known code shows the kit's).
      await setFaults(tenant.token, [{method: 'GET', path, status: 500, body_raw: JSON.stringify({error: {code: 'reseller_custom_failure', message: p.text}})}]);
      const {el, container} = await mount(tag, attrs);
      await waitFor(() => !!sr(el).querySelector('[part~="state"][part~="error"]'), `${tag} shows the error for #${p.n}`);
      columns = standardColumns(el, container, {pwned, violations: [], expected: [stored(p.text, 10_000)], what: 'error states'});
      for (const [column, c] of Object.entries(columns)) if (c.failure) (failures[column] ??= []).push(`#${p.n} ${tag}: ${c.failure}`);
      container.remove();
    }
    await clearFaults(tenant.token);
    const problems = guard.stop();
    const added = watch.stop();
    const merged = Object.fromEntries(Object.entries(columns).map(([column, c]) => [column, {
      detail: c.detail.replace('error states', `${PAYLOADS.length} error states over ${elements.length} elements`),
      failure: failures[column]?.length ? `${failures[column].length}: ${failures[column].slice(0, 3).join(' | ')}` : null,
    }]));
    const violations = [...problems.violations, ...added];
    if (violations.length) merged['no CSP / Trusted Types violation']!.failure = violations.slice(0, 5).join(' | ');
    await recordRow(SUITE, 'error states (server messages)', merged);
  });

  it('report list: each payload as the message of a failed Generate now, and as a recipient field’s message of a refused save', async () => {
    const guard = guardPage();
    const watch = watchDocument();
    const {el, container} = await mount('reseller-report-list', {});
    const list = el as HTMLElement & {generate: () => Promise<boolean>; openSettings: () => Promise<void>; updateComplete: Promise<boolean>};
    await waitFor(() => !!sr(el).querySelector('[part~="state"], tbody tr[part~="row"]'), 'the report list shows');
    const failures: Record<string, string[]> = {};
    let columns: ReturnType<typeof standardColumns> = {};
    const check = (what: string, expected: string[], label: string) => {
      columns = standardColumns(el, container, {pwned, violations: [], expected, what});
      for (const [column, c] of Object.entries(columns)) if (c.failure) (failures[column] ??= []).push(`${label}: ${c.failure}`);
    };
    for (const p of PAYLOADS) {
      await setFaults(tenant.token, [{method: 'POST', path: '/reports', status: 500, body_raw: JSON.stringify({error: {code: 'reseller_custom_failure', message: p.text}})}]);
      await list.generate();
      await list.updateComplete;
      check('Generate now failures', [stored(p.text, 10_000)], `#${p.n} generate`);
    }
    // The settings dialog: the server's 422 message beside the first recipient's field.
    await clearFaults(tenant.token);
    await list.openSettings();
    await waitFor(() => !!sr(el).querySelector('[part~="add-recipient"]'), 'the settings form shows');
    sr(el).querySelector<HTMLButtonElement>('[part~="add-recipient"]')!.click();
    await list.updateComplete;
    const input = sr(el).querySelector<HTMLInputElement>('[part~="recipient-input"]')!;
    input.value = 'ops@example.com';
    input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
    for (const p of PAYLOADS) {
      await setFaults(tenant.token, [{method: 'PUT', path: '/reports/settings', status: 422, fields: {'recipients.0': p.text}}]);
      sr(el).querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
      await waitFor(() => sr(el).querySelector('#recipient-0-error')?.textContent?.includes(stored(p.text, 10_000).slice(0, 20)) || (!p.text.trim() && sr(el).querySelector('[part~="alert"]')), `the message of #${p.n} shows`);
      check('recipient field messages', [], `#${p.n} settings`);
    }
    await clearFaults(tenant.token);
    const problems = guard.stop();
    const added = watch.stop();
    const merged = Object.fromEntries(Object.entries(columns).map(([column, c]) => [column, {
      detail: c.detail.replace('recipient field messages', `${PAYLOADS.length} Generate now failures and ${PAYLOADS.length} refused recipients`),
      failure: failures[column]?.length ? `${failures[column].length}: ${failures[column].slice(0, 3).join(' | ')}` : null,
    }]));
    const violations = [...problems.violations, ...added];
    if (violations.length) merged['no CSP / Trusted Types violation']!.failure = violations.slice(0, 5).join(' | ');
    await recordRow(SUITE, 'report-list (server messages: Generate now, recipients)', merged);
  });

  it('usage dashboard: payload customer names in the top-customers and near-quota tables', async () => {
    // A seeded tenant has usage; its customers are renamed to the payloads.
    const seeded = await createTenant({customers: PAYLOADS.length, seed: 21});
    const own = tenant;
    tenant = seeded;
    try {
      const page = await ok<{data: Customer[]}>(call('GET', '/customers?per_page=100'));
      const names = new Map<number, string>();
      for (const [i, c] of page.data.entries()) {
        const p = PAYLOADS[i % PAYLOADS.length]!;
        await ok(call('PATCH', `/customers/${c.id}`, {name: p.text}));
        names.set(c.id, stored(p.text));
      }
      const guard = guardPage();
      const watch = watchDocument();
      const {el, container} = await mount('reseller-usage-dashboard', {top: PAYLOADS.length});
      await waitFor(() => !!sr(el).querySelector('[part~="top-customers"] tbody tr'), 'the top customers show', {timeout: 15_000});
      await new Promise((r) => requestAnimationFrame(r));
      const shownIds = [...sr(el).querySelectorAll<HTMLElement>('[part~="top-customers"] tbody tr, [part~="near-quota"] tbody tr')].map((r) => Number(r.dataset.id));
      const expected = shownIds.map((id) => names.get(id)).filter((n): n is string => !!n);
      const problems = guard.stop();
      const columns = standardColumns(el, container, {pwned, violations: [...problems.violations, ...watch.stop()], expected, what: `${expected.length} customer rows`});
      if (expected.length < 10) columns['shown as text']!.failure = `only ${expected.length} payload customers listed`;
      await recordRow(SUITE, 'usage-dashboard (customer names)', columns);
    } finally {
      tenant = own;
    }
  });

  it('brand colours that try CSS injection are refused by the editor, the schema and the sandbox (422)', async () => {
    const guard = guardPage();
    const {el, container} = await mount('reseller-brand-editor', {'apply-to': '.nothing-here'});
    await waitFor(() => !!sr(el).querySelector('form[part~="form"] #hex'), 'the editor shows its form');
    const before = (await ok<{brand_color: string | null}>(call('GET', '/branding'))).brand_color;
    const editor: string[] = [];
    const schema: string[] = [];
    const sandbox: string[] = [];
    await clearRequests(tenant.token);
    for (const value of COLOR_INJECTIONS) {
      const hex = sr(el).querySelector<HTMLInputElement>('#hex')!;
      hex.value = value;
      hex.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
      hex.dispatchEvent(new Event('change', {bubbles: true}));
      await (el as HTMLElement & {updateComplete: Promise<boolean>}).updateComplete;
      const saved = await (el as HTMLElement & {save: () => Promise<boolean>}).save();
      const error = sr(el).querySelector('[part~="color-error"]')?.textContent?.trim() ?? '';
      if (saved || !error || hex.getAttribute('aria-invalid') !== 'true') editor.push(`${JSON.stringify(value)} (saved ${saved}, message "${error}")`);
      if (BrandingUpdate.safeParse({brand_color: value}).success) schema.push(JSON.stringify(value));
      const res = await call('PATCH', '/branding', {brand_color: value});
      if (res.status !== 422) sandbox.push(`${JSON.stringify(value)} → ${res.status}`);
    }
    const patches = (await requests(tenant.token)).filter((r) => r.method === 'PATCH' && r.path === '/branding').length;
    const after = (await ok<{brand_color: string | null}>(call('GET', '/branding'))).brand_color;
    const styleLeak = deepElements(document.documentElement).some((n) => n instanceof HTMLElement && /javascript|expression|display:\s*none/i.test(n.getAttribute('style') ?? ''));
    const problems = guard.stop();
    const n = COLOR_INJECTIONS.length;
    await recordRow(SUITE, 'brand colour (CSS injection)', {
      'refused by the editor': {detail: `${n} values: a message at the field, aria-invalid, save() false, no PATCH from the editor (${patches - n} sent)`, failure: editor.length ? editor.join('; ') : patches !== n ? `the editor sent ${patches - n} PATCH(es)` : null},
      'refused by the schema': {detail: `${n} values fail BrandingUpdate (zod)`, failure: schema.length ? `accepted: ${schema.join(', ')}` : null},
      'refused by the sandbox': {detail: `${n} values answered 422, stored colour unchanged`, failure: sandbox.length ? sandbox.join(', ') : after !== before ? `stored colour changed to ${after}` : null},
      'no script execution': {detail: 'window.__pwned never called, no style attribute with the value anywhere', failure: pwned.length || styleLeak ? `pwned ${pwned.join(',')} style leak ${styleLeak}` : null},
      'no CSP / Trusted Types violation': {detail: 'no securitypolicyviolation', failure: problems.violations.length ? problems.violations.join(' | ') : null},
    });
    void container;
    void bidiLeaks;
  });
});
