/**
 * <reseller-transcription-list> against the sandbox: one customer or all, status and date filters
 * and paging on the server, documents with download, states.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/transcription-list.js';
import type {DocumentPage, TranscriptPage} from '../../src/contract/schemas.js';
import type {ResellerStateChangeEvent, ResellerToastEvent, ResellerTranscriptOpenEvent} from '../../src/events.js';
import {clearFaults, clearRequests, createTranscript, requests, setFaults} from '../helpers/sandbox.js';
import {settle, waitFor} from '../helpers/wait.js';
import {$, $$, api, bareCustomer, column, createTenant, focused, mount, nextDownload, nextEvent, row, rowIds, settled, type Tenant} from './org-lists.helpers.js';

const SEED = 4242;
const transcripts = (tenant: Tenant, query: string) => api<TranscriptPage>(tenant, 'GET', `/transcripts?${query}`);
const listing = (tenant: Tenant, attrs: Record<string, string | number> = {}) => mount('reseller-transcription-list', tenant.token, attrs);
const headers = (el: Element) => $$(el, 'thead th').map((th) => th.textContent!.trim());

/** The customer of the tenant with the most transcripts. */
async function busiestCustomer(tenant: Tenant): Promise<{id: number; count: number}> {
  const all = await transcripts(tenant, 'per_page=100');
  const counts = new Map<number, number>();
  for (const t of all.data) counts.set(t.customer_id, (counts.get(t.customer_id) ?? 0) + 1);
  const [id, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return {id, count};
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true}));
}

async function setDate(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('change', {bubbles: true}));
}

describe('<reseller-transcription-list>', () => {
  it("one customer: its sessions with title, status, duration, language and created; no Customer column", async () => {
    const tenant = await createTenant({customers: 12, seed: SEED});
    const customer = await busiestCustomer(tenant);
    const server = await transcripts(tenant, `customer_id=${customer.id}`);
    const el = await listing(tenant, {'customer-id': customer.id});
    expect(headers(el)).to.deep.equal(['Title', 'Status', 'Duration', 'Language', 'Created', 'Documents']);
    expect(rowIds(el)).to.deep.equal(server.data.map((t) => t.id));
    expect(column(el, 'title')).to.deep.equal(server.data.map((t) => t.title));
    const label = {queued: 'Queued', processing: 'Processing', done: 'Done', failed: 'Failed'};
    expect(column(el, 'status')).to.deep.equal(server.data.map((t) => label[t.status]));
    const first = server.data[0]!;
    const minutes = Math.round(first.duration_seconds / 60);
    expect(column(el, 'duration')[0]).to.contain(String(minutes % 60));
    expect(column(el, 'language')[0]).to.equal(new Intl.DisplayNames(['en'], {type: 'language'}).of(first.language));
    expect(column(el, 'created')[0]).to.match(/\d/);
    await expect(el).to.be.accessible();
  });

  it('all customers: a Customer column, server paging with the total, next page from the keyboard', async () => {
    const tenant = await createTenant({customers: 30, seed: SEED});
    const first = await transcripts(tenant, 'page=1&per_page=25');
    expect(first.total, 'the seed makes more than one page').to.be.above(25);
    const el = await listing(tenant);
    expect(headers(el)).to.include('Customer');
    expect(column(el, 'customer')).to.deep.equal(first.data.map((t) => t.customer_name));
    expect(rowIds(el)).to.deep.equal(first.data.map((t) => t.id));
    expect($(el, '[part~="range"]').textContent).to.contain(`1–25 of ${first.total.toLocaleString('en')}`);

    const second = await transcripts(tenant, 'page=2&per_page=25');
    const changed = nextEvent<ResellerStateChangeEvent>(el, 'reseller-state-change');
    $$<HTMLButtonElement>(el, '[part~="page-button"]')[2]!.focus();
    await sendKeys({press: 'Enter'});
    expect((await changed).detail).to.include({page: 2});
    await settled(el);
    await waitUntil(() => rowIds(el)[0] === second.data[0]!.id, 'page 2 shows');
    expect(rowIds(el)).to.deep.equal(second.data.map((t) => t.id));
    expect(el.getAttribute('page')).to.equal('2');
    const log = await requests(tenant.token);
    expect(log.some((r) => r.path === '/transcripts' && /page=2/.test(r.query) && /per_page=25/.test(r.query))).to.be.true;
  });

  it('status filter: asks the server for one status', async () => {
    const tenant = await createTenant({customers: 20, seed: SEED});
    const done = await transcripts(tenant, 'status=done&per_page=25');
    const el = await listing(tenant);
    await clearRequests(tenant.token);
    await choose($<HTMLSelectElement>(el, '[part~="filter"]'), 'done');
    await settled(el);
    await waitUntil(() => rowIds(el).join() === done.data.map((t) => t.id).join(), 'the filtered page shows');
    expect($$(el, 'tbody tr[part~="row"]').every((tr) => tr.dataset.status === 'done')).to.be.true;
    expect(el.getAttribute('status')).to.equal('done');
    expect((await requests(tenant.token)).some((r) => r.path === '/transcripts' && /status=done/.test(r.query))).to.be.true;
  });

  it('date range: from and to go to the server; an inverted range says so', async () => {
    const tenant = await createTenant({customers: 20, seed: SEED});
    const all = await transcripts(tenant, 'per_page=100');
    const day = all.data[3]!.created_at.slice(0, 10);
    const server = await transcripts(tenant, `from=${day}&to=${day}`);
    const el = await listing(tenant);
    await setDate($<HTMLInputElement>(el, '[part~="from-input"]'), day);
    await setDate($<HTMLInputElement>(el, '[part~="to-input"]'), day);
    await settled(el);
    await waitUntil(() => rowIds(el).join() === server.data.map((t) => t.id).join(), 'the range shows');
    expect(server.data.every((t) => t.created_at.startsWith(day))).to.be.true;
    const log = await requests(tenant.token);
    expect(log.some((r) => r.path === '/transcripts' && r.query.includes(`from=${day}`) && r.query.includes(`to=${day}`))).to.be.true;

    await setDate($<HTMLInputElement>(el, '[part~="to-input"]'), '2000-01-01');
    await el.updateComplete;
    expect($(el, '[part~="field-error"]').textContent).to.contain('The end date must be on or after the start date.');
    expect($(el, '[part~="to-input"]').getAttribute('aria-invalid')).to.equal('true');
  });

  it('no match: says so and clears the filters', async () => {
    const tenant = await createTenant({customers: 5, seed: SEED});
    const el = await listing(tenant, {q: 'no transcript is called this'});
    expect($(el, '[part~="no-match"]').textContent).to.contain('No transcriptions match these filters.');
    $<HTMLButtonElement>(el, '[part~="clear-button"]').click();
    await settled(el);
    expect(el.q).to.equal('');
    expect(rowIds(el).length).to.be.above(0);
  });

  it("a transcript's documents open under its row and download as a file with its name", async () => {
    const tenant = await createTenant({customers: 8, seed: SEED});
    const docs = await api<DocumentPage>(tenant, 'GET', '/transcripts/documents?format=txt');
    const doc = docs.data[0]!;
    const all = await api<DocumentPage>(tenant, 'GET', `/transcripts/documents?transcript_id=${doc.transcript_id}`);
    const el = await listing(tenant, {'customer-id': doc.customer_id, 'per-page': 100});
    const toggle = row(el, doc.transcript_id).querySelector<HTMLButtonElement>('[part~="documents-button"]')!;
    toggle.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => $$(el, '[part~="document"]').length === all.data.length, 'the documents show');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, `#${toggle.getAttribute('aria-controls')}`)).to.exist;
    expect($$(el, '[part~="document"] .filename').map((s) => s.textContent)).to.deep.equal(all.data.map((d) => d.filename));
    await expect(el).to.be.accessible();

    // The element saves through an <a download> with a blob: URL; the helper keeps the browser from saving it.
    const anchor = nextDownload(el);
    const button = $$(el, '[part~="document"]').find((li) => li.dataset.id === String(doc.id))!.querySelector<HTMLButtonElement>('[part~="download-button"]')!;
    expect(button.textContent).to.contain(`Download ${doc.filename}`);
    button.click();
    const a = await anchor;
    expect(a.download).to.equal(doc.filename);
    expect(a.href).to.match(/^blob:/);
    const blob = await (await fetch(a.href)).blob();
    expect(blob.type).to.match(/^text\/plain/);
    expect(await blob.text()).to.contain('Language:');
    await waitUntil(() => !el.shadowRoot!.querySelector('a[download]'), 'the temporary link is gone');

    // Enter on the toggle again closes the documents.
    toggle.focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part~="documents-row"]')).to.equal(null);
    expect(focused()).to.equal(toggle);
  });

  it('a failed download toasts; nothing is saved', async () => {
    const tenant = await createTenant({customers: 8, seed: SEED});
    const doc = (await api<DocumentPage>(tenant, 'GET', '/transcripts/documents')).data[0]!;
    const el = await listing(tenant, {'customer-id': doc.customer_id, 'per-page': 100});
    row(el, doc.transcript_id).querySelector<HTMLButtonElement>('[part~="documents-button"]')!.click();
    await waitUntil(() => $$(el, '[part~="download-button"]').length, 'the documents show');
    await setFaults(tenant.token, [{method: 'GET', path: '/transcripts/documents/*/download', status: 500}]);
    let clicked = false;
    el.shadowRoot!.addEventListener('click', (e) => {
      if ((e.target as Element).localName === 'a') clicked = true;
    }, {capture: true});
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    $$<HTMLButtonElement>(el, '[part~="download-button"]')[0]!.click();
    const {detail} = await toast;
    expect(detail.kind).to.equal('error');
    expect(detail.message).to.match(/^Could not download .+\./);
    expect(clicked).to.be.false;
  });

  describe('Read', () => {
    const SEGMENTS = [
      {speaker: 'Ana', text: 'Welcome to the quarterly review.'},
      {speaker: 'Ben', text: 'The budget is on track.'},
    ];
    const viewerOf = (el: Element) => $(el, 'dialog[part~="reader"]').querySelector('reseller-transcript-viewer');
    const segmentsShown = (el: Element) => [...(viewerOf(el)?.shadowRoot?.querySelectorAll('[part~="segment"] .text') ?? [])].map((p) => p.textContent);

    /** A customer with one finished transcript (two segments) and one still processing. */
    async function arrange() {
      const {tenant, customer} = await bareCustomer();
      const id = await createTranscript(tenant.token, {customer_id: customer.id, title: 'Quarterly <b>review</b>', segments: SEGMENTS});
      const processing = await createTranscript(tenant.token, {customer_id: customer.id, title: 'Still running', status: 'processing'});
      const el = await listing(tenant, {'customer-id': customer.id});
      return {tenant, customer, id, processing, el};
    }

    it('each finished transcript has Read (named after it); it fires reseller-transcript-open and opens the viewer, loaded then, in a modal dialog; Escape closes it and focus returns', async () => {
      const {customer, id, processing, el} = await arrange();
      expect(rowIds(el).sort()).to.deep.equal([id, processing].sort());
      expect(row(el, processing).querySelector('[part~="read-button"]'), 'no Read before it is done').to.equal(null);
      const read = row(el, id).querySelector<HTMLButtonElement>('[part~="read-button"]')!;
      expect(read.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Read Quarterly <b>review</b>');
      expect(customElements.get('reseller-transcript-viewer'), 'the viewer is not loaded with the list').to.equal(undefined);

      const opened = nextEvent<ResellerTranscriptOpenEvent>(el, 'reseller-transcript-open');
      read.focus();
      await sendKeys({press: 'Enter'});
      const event = await opened;
      expect(event.detail).to.deep.equal({id, customerId: customer.id, title: 'Quarterly <b>review</b>'});
      expect(event.cancelable && event.composed && event.bubbles).to.be.true;
      await waitFor(() => segmentsShown(el).length === SEGMENTS.length, 'the viewer in the dialog shows the transcript', {observe: () => segmentsShown(el)});
      const dialog = $<HTMLDialogElement>(el, 'dialog[part~="reader"]');
      expect(dialog.open).to.be.true;
      expect(dialog.matches(':modal')).to.be.true;
      expect(dialog.getAttribute('aria-label')).to.equal('Transcript: Quarterly <b>review</b>');
      expect(segmentsShown(el)).to.deep.equal(SEGMENTS.map((x) => x.text));
      expect(el.shadowRoot!.querySelector('b'), 'the title stays text').to.equal(null);
      expect(focused()).to.equal($(el, '[part~="reader-close-button"]'));
      await expect(el).to.be.accessible();

      await sendKeys({press: 'Escape'});
      await waitFor(() => !dialog.open, 'Escape closes the dialog');
      await el.updateComplete;
      expect(viewerOf(el)).to.equal(null);
      expect(focused()).to.equal(read);
    });

    it('cards (a 320 px list): the card\'s Read opens the viewer in the modal dialog; Escape closes it and focus returns to that Read', async () => {
      const {id, el} = await arrange();
      el.parentElement!.style.inlineSize = '320px';
      await waitFor(() => getComputedStyle(row(el, id)).display !== 'table-row', 'the rows become cards at 320 px');
      const read = row(el, id).querySelector<HTMLButtonElement>('[part~="read-button"]')!;
      const box = read.getBoundingClientRect();
      expect(box.width, 'Read is shown in the card').to.be.above(0);
      expect(box.right, 'Read sits inside the 320 px list').to.be.at.most(el.getBoundingClientRect().right + 0.5);
      read.focus();
      await sendKeys({press: 'Enter'});
      await waitFor(() => segmentsShown(el).length === SEGMENTS.length, 'the viewer in the dialog shows the transcript', {observe: () => segmentsShown(el)});
      const dialog = $<HTMLDialogElement>(el, 'dialog[part~="reader"]');
      expect(dialog.matches(':modal'), 'the dialog is modal').to.be.true;
      expect(segmentsShown(el)).to.deep.equal(SEGMENTS.map((x) => x.text));
      await sendKeys({press: 'Escape'});
      await waitFor(() => !dialog.open, 'Escape closes the dialog');
      await el.updateComplete;
      expect(focused()).to.equal(read);
    });

    it('a host that cancels reseller-transcript-open keeps the dialog shut and the content unrequested', async () => {
      const {tenant, id, el} = await arrange();
      el.addEventListener('reseller-transcript-open', (e) => e.preventDefault());
      await clearRequests(tenant.token);
      const opened = nextEvent<ResellerTranscriptOpenEvent>(el, 'reseller-transcript-open');
      row(el, id).querySelector<HTMLButtonElement>('[part~="read-button"]')!.click();
      expect((await opened).defaultPrevented).to.be.true;
      await settle(300, 'an uncancelled Read has shown the dialog and asked for the content by then');
      expect($<HTMLDialogElement>(el, 'dialog[part~="reader"]').open).to.be.false;
      expect((await requests(tenant.token)).filter((r) => r.path.endsWith('/content'))).to.deep.equal([]);
    });
  });

  it('renders XSS-looking customer names as text', async () => {
    const tenant = await createTenant({customers: 6, seed: SEED});
    const customer = await busiestCustomer(tenant);
    const evil = '<img src=x onerror=alert(1)>';
    await api(tenant, 'PATCH', `/customers/${customer.id}`, {name: evil});
    const el = await listing(tenant, {'per-page': 100});
    expect(column(el, 'customer').filter((n) => n === evil)).to.have.length(customer.count);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('empty: no sessions yet; axe clean', async () => {
    const {tenant, customer} = await bareCustomer();
    const el = await listing(tenant, {'customer-id': customer.id});
    expect($(el, '[part~="empty"]').textContent).to.contain('No transcriptions yet.');
    expect($(el, '[part~="pagination"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('loading: placeholder rows (aria-busy), then the data', async () => {
    const tenant = await createTenant({customers: 5, seed: SEED});
    await setFaults(tenant.token, [{method: 'GET', path: '/transcripts', delay_ms: 800}]);
    const el = document.createElement('reseller-transcription-list');
    el.token = tenant.token;
    document.body.append(el);
    try {
      await el.updateComplete;
      expect($(el, 'table').getAttribute('aria-busy')).to.equal('true');
      expect($$(el, '[part~="skeleton"] tr').length).to.be.above(0);
      await settled(el);
      expect(rowIds(el).length).to.be.above(0);
    } finally {
      el.remove();
    }
  });

  it('error with retry; axe clean', async () => {
    const tenant = await createTenant({customers: 5, seed: SEED});
    await setFaults(tenant.token, [{method: 'GET', path: '/transcripts', status: 500}]);
    const el = await listing(tenant);
    expect($(el, '[part~="error"]').textContent).to.contain('Could not load transcriptions.');
    await expect(el).to.be.accessible();
    await clearFaults(tenant.token);
    $<HTMLButtonElement>(el, '[part~="retry-button"]').click();
    await settled(el);
    expect(rowIds(el).length).to.be.above(0);
  });

  it('a RESELLEE token: "reseller access required"; axe clean', async () => {
    const tenant = await createTenant({customers: 2});
    const el = await mount('reseller-transcription-list', tenant.reselleeToken);
    expect($(el, '[part~="access-required"]').textContent).to.contain('Reseller access required');
    expect($(el, '[part~="toolbar"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an invalid customer-id shows nothing and asks for nothing', async () => {
    const tenant = await createTenant({customers: 2});
    await clearRequests(tenant.token);
    const el = document.createElement('reseller-transcription-list');
    el.token = tenant.token;
    el.setAttribute('customer-id', 'abc');
    document.body.append(el);
    try {
      await el.updateComplete;
      await settle(200, 'a GET /transcripts the element would start reaches the sandbox');
      expect(el.shadowRoot!.childElementCount).to.equal(0);
      expect((await requests(tenant.token)).filter((r) => r.path === '/transcripts')).to.have.length(0);
    } finally {
      el.remove();
    }
  });
});

