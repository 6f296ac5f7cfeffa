/**
 * <reseller-transcript-viewer> against the sandbox: the text with speakers and times, search with
 * highlighted matches and keyboard next/previous, copy, download, right-to-left segments, hostile
 * text inert, a two-hour transcript, and the states.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/transcript-viewer.js';
import type {Customer, TranscriptContent} from '../../src/contract/schemas.js';
import type {ResellerTranscriptViewer} from '../../src/elements/transcript-viewer/transcript-viewer.js';
import {api} from '../helpers/api.js';
import {$, $$, focused, nextDownload, nextEvent, rendered} from '../helpers/dom.js';
import {createTenant, createTranscript, type Tenant} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';

const HOSTILE = [
  {speaker: '<img src=x onerror="window.__pwned=1">', text: '<script>window.__pwned=1</script> budget <b>bold</b>'},
  {speaker: 'Layla', text: 'الميزانية budget مرحبا'},
  {speaker: 'Tom', text: 'The budget is fine. Budget approved.'},
];

async function firstCustomer(tenant: Tenant): Promise<Customer> {
  return (await api<{data: Customer[]}>(tenant, 'GET', '/customers?sort=id')).data[0]!;
}

async function mountViewer(token: string | null, id: number, attrs: Record<string, string | number> = {}, width?: number): Promise<ResellerTranscriptViewer> {
  const el = document.createElement('reseller-transcript-viewer');
  el.token = token;
  el.setAttribute('transcription-id', String(id));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  const box = await fixture<HTMLDivElement>(html`<div>${el}</div>`);
  if (width) box.style.inlineSize = `${width}px`;
  if (id > 0) await rendered(el, {busy: '[part~="loading"]', ready: '[part~="segments"], [part~="state"]'}, 'the viewer settles');
  else await el.updateComplete;
  return el;
}

const segmentTexts = (el: Element) => $$(el, '[part~="segment"] .text').map((p) => p.textContent!);

describe('<reseller-transcript-viewer>', () => {
  let tenant: Tenant;
  let customer: Customer;
  let hostile: number;
  before(async () => {
    tenant = await createTenant({customers: 3});
    customer = await firstCustomer(tenant);
    hostile = await createTranscript(tenant.token, {customer_id: customer.id, title: 'Hostile <i>title</i>', segments: HOSTILE, documents: ['txt', 'srt']});
  });

  it('shows every segment with its speaker and time, as the API answers it; axe clean', async () => {
    const id = await createTranscript(tenant.token, {customer_id: customer.id, title: 'Weekly call', language: 'en-GB', duration_seconds: 300});
    const content = await api<TranscriptContent>(tenant, 'GET', `/transcripts/${id}/content?limit=2000`);
    const el = await mountViewer(tenant.token, id);
    expect(segmentTexts(el)).to.deep.equal(content.segments.map((s) => s.text));
    expect($$(el, '[part~="speaker"]').map((s) => s.textContent)).to.deep.equal(content.segments.map((s) => s.speaker));
    expect($(el, '[part~="time"]').textContent).to.equal(`0:${String(Math.floor(content.segments[0]!.start_ms / 1000)).padStart(2, '0')}`);
    expect($(el, '[part~="segments"]').getAttribute('aria-label')).to.equal('Transcript: Weekly call');
    await expect(el).to.be.accessible();
  });

  it('search highlights every match in <mark>, counts them, and Enter / the match buttons (keyboard) move between them', async () => {
    const el = await mountViewer(tenant.token, hostile);
    const input = $<HTMLInputElement>(el, '[part~="search"]');
    input.focus();
    await sendKeys({type: 'budget'});
    await waitFor(() => $$(el, 'mark').length === 4, 'four highlighted matches');
    expect($$(el, 'mark').map((m) => m.textContent)).to.deep.equal(['budget', 'budget', 'budget', 'Budget']);
    expect($(el, '[part~="match-count"]').textContent).to.equal('Match 1 of 4');
    expect($(el, '[part~="match-count"]').getAttribute('role')).to.equal('status');
    expect($$(el, 'mark').indexOf($(el, 'mark.current'))).to.equal(0);
    await sendKeys({press: 'Enter'});
    await waitFor(() => $(el, '[part~="match-count"]').textContent === 'Match 2 of 4', 'match 2 after Enter');
    expect($$(el, 'mark').indexOf($(el, 'mark.current'))).to.equal(1);
    // Tab reaches the previous-match button; Enter on it twice wraps to the last match.
    await sendKeys({press: 'Tab'});
    expect(focused()).to.equal($(el, '[part~="previous-button"]'));
    await sendKeys({press: 'Enter'});
    await sendKeys({press: 'Enter'});
    await waitFor(() => $(el, '[part~="match-count"]').textContent === 'Match 4 of 4', 'wrapped to the last match');
    $<HTMLButtonElement>(el, '[part~="next-button"]').click();
    await waitFor(() => $(el, '[part~="match-count"]').textContent === 'Match 1 of 4', 'next button wraps to match 1');
    input.focus();
    input.select();
    await sendKeys({type: 'zzz'});
    await waitFor(() => $(el, '[part~="match-count"]').textContent === 'No matches', 'no matches');
    expect($$(el, 'mark')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('hostile text stays text; an Arabic segment reads right to left by itself', async () => {
    const el = await mountViewer(tenant.token, hostile);
    expect(segmentTexts(el)).to.deep.equal(HOSTILE.map((s) => s.text));
    expect($$(el, '[part~="segments"] script, [part~="segments"] img, [part~="segments"] b')).to.have.length(0);
    expect((window as unknown as {__pwned?: number}).__pwned).to.equal(undefined);
    const arabic = $$(el, '[part~="segment"] .text')[1]!;
    expect(arabic.getAttribute('dir')).to.equal('auto');
    expect(getComputedStyle(arabic).direction).to.equal('rtl');
    expect(getComputedStyle($$(el, '[part~="segment"] .text')[2]!).direction).to.equal('ltr');
  });

  it('copies the whole text and downloads a document of the transcript', async () => {
    const el = await mountViewer(tenant.token, hostile);
    const toast = nextEvent<CustomEvent<{message: string}>>(el, 'reseller-toast');
    // MiniBrowser (WebKit under WebDriver) has no clipboard at all: there the failure is toasted instead.
    const copied = await el.copy();
    expect((await toast).detail.message).to.equal(copied ? 'Copied to clipboard' : 'Could not copy to the clipboard');
    if (!(/AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent))) expect(copied).to.equal(true);
    $<HTMLButtonElement>(el, '[part~="documents-button"]').click();
    await waitFor(() => $$(el, '[part~="document"]').length === 2, 'two documents listed');
    expect($(el, '[part~="documents-button"]').getAttribute('aria-expanded')).to.equal('true');
    const download = $$<HTMLButtonElement>(el, '[part~="document"] [part~="download-button"]')[0]!;
    // The element saves through an <a download> with a blob: URL; the helper keeps the browser from saving it.
    const saved = nextDownload(el);
    download.click();
    const a = await saved;
    expect(a.download).to.match(/^hostile-i-title-i-\d+\.(txt|srt)$/);
    const text = await (await fetch(a.href)).text();
    for (const s of HOSTILE) expect(text).to.include(`${s.speaker}: ${s.text}`);
  });

  it('a two-hour transcript opens with its first block at once, builds the rest a block per task (off-screen-skipped), and search finds and marks across it', async () => {
    const id = await createTranscript(tenant.token, {customer_id: customer.id, title: 'Two hours', duration_seconds: 7200});
    // The id is set once the shadow root is observed: the first render that shows text is recorded.
    const el = await mountViewer(tenant.token, 0, {}, 320);
    let first = -1;
    const watch = new MutationObserver(() => {
      if (first < 0 && $(el, '[part~="segment"]')) first = $$(el, '[part~="segment"]').length;
    });
    watch.observe(el.shadowRoot!, {childList: true, subtree: true});
    el.transcriptionId = id;
    await rendered(el, {busy: '[part~="loading"]', ready: '[part~="segments"]'}, 'the two-hour transcript shows');
    watch.disconnect();
    const total = el.transcript!.total;
    expect(total).to.be.within(1400, 2500);
    expect(first, 'the first render shows the first block of 100 segments, not the whole transcript').to.equal(100);
    await waitFor(() => $$(el, '[part~="segment"]').length === total, `all ${total} segments built, a block per task`, {observe: () => $$(el, '[part~="segment"]').length});
    expect(segmentTexts(el)).to.deep.equal(el.transcript!.segments.map((s) => s.text));
    expect(getComputedStyle($(el, '.block')).contentVisibility ?? 'auto').to.equal('auto');
    el.search('agenda');
    await el.updateComplete;
    const expected = el.transcript!.segments.reduce((n, s) => n + (s.text.toLowerCase().split('agenda').length - 1), 0);
    expect(expected).to.be.above(10);
    expect(el.matchCount).to.equal(expected);
    expect($(el, 'mark.current')?.textContent, 'the current match is marked at once').to.equal('agenda');
    await waitFor(() => $$(el, 'mark').length === expected, `all ${expected} matches marked`, {observe: () => $$(el, 'mark').length});
    el.step(-1);
    await el.updateComplete;
    expect($(el, '[part~="match-count"]').textContent).to.equal(`Match ${expected} of ${expected}`);
    expect($$(el, 'mark').indexOf($(el, 'mark.current')), 'the last match is current').to.equal(expected - 1);
    el.search('');
    await waitFor(() => $$(el, 'mark').length === 0, 'an empty search leaves no mark');
    expect(el.scrollWidth).to.be.at.most(320);
  });

  it('states: not found (another tenant, another customer), access required, empty', async () => {
    const other = await createTenant({customers: 1});
    let el = await mountViewer(other.token, hostile);
    expect($(el, '[part~="state"]').getAttribute('part')).to.equal('state not-found');
    el = await mountViewer(tenant.token, hostile, {'customer-id': customer.id + 1});
    expect($(el, '[part~="state-title"]').textContent).to.equal('Transcript not found');
    el = await mountViewer(tenant.reselleeToken, hostile);
    expect($(el, '[part~="state"]').getAttribute('part')).to.equal('state access-required');
    await expect(el).to.be.accessible();
    const pending = await createTranscript(tenant.token, {customer_id: customer.id, title: 'Later', status: 'processing'});
    el = await mountViewer(tenant.token, pending);
    expect($(el, '[part~="state"]').getAttribute('part')).to.equal('state empty');
    expect($(el, '[part~="state-title"]').textContent).to.equal('This transcript has no text yet.');
  });
});
