/**
 * The transcript viewer in the width matrix (width-matrix.helpers.ts: 320-1920 px, both directions,
 * nothing overflows, actions reachable by pointer and keyboard, axe clean), with long data: long
 * speaker names, an unbroken 110-character word, Arabic text and a long title; and in German (the
 * longest tool labels) at every width in both directions.
 */
import {expect} from '@open-wc/testing';
import '../../src/define/transcript-viewer.js';
import type {Customer} from '../../src/contract/schemas.js';
import {api} from '../helpers/api.js';
import {rendered} from '../helpers/dom.js';
import {horizontalOverflow, mountAt, nextFrame, resize, WIDTHS} from '../helpers/layout.js';
import {createTenant, createTranscript, type Tenant} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';
import {widthMatrix, type Case} from './width-matrix.helpers.js';

/** The long transcript's segments: long speakers, an unbroken word, right-to-left text. */
const LONG_SEGMENTS = [
  {speaker: 'Dr. Maximiliane Annabella von Schwarzenberg-Oppenheimer (Procurement)', text: 'Welcome; the reference is PO-2026-000123456789-REGIONAL-PROCUREMENT-OFFICE-NORTH-WEST-ACCOUNTS-PAYABLE-DEPARTMENT.'},
  {speaker: 'ليلى عبد الرحمن', text: 'الميزانية للربع القادم جاهزة، وسنرسل المحضر بعد الظهر.'},
  {speaker: 'Tom', text: 'Budget approved. Next item on the agenda.'},
];

const CASES: Case[] = [
  // A transcript with long speaker names, an unbroken 90-character word and an Arabic segment (before()).
  {tag: 'reseller-transcript-viewer', transcript: true, ready: '[part~="segments"]',
    targets: ['[part~="search"]', '[part~="copy-button"]', '[part~="documents-button"]', '[part~="segments"]'],
    order: ['[part~="search"]', '[part~="copy-button"]']},
];

describe('the transcript viewer at every container width', () => {
  let tenant: Tenant;
  let customer: Customer;
  let transcriptId = 0;
  before(async function () {
    this.timeout(30_000);
    tenant = await createTenant({customers: 3});
    customer = (await api<{data: Customer[]}>(tenant, 'GET', '/customers?sort=id')).data[0]!;
    transcriptId = await createTranscript(tenant.token, {customer_id: customer.id, title: `Quarterly review with ${customer.name}: procurement, budget and the regional roll-out`, segments: LONG_SEGMENTS, documents: ['txt', 'srt']});
  });
  widthMatrix(CASES, () => ({tenant, customer, transcriptId}));
});

describe('the transcript viewer in German (long labels)', () => {
  it(`at ${WIDTHS.join(', ')} px in both directions: nothing overflows, the tools stay inside their line, the search field keeps a usable width`, async function () {
    this.timeout(60_000);
    const tenant = await createTenant({customers: 2});
    const first = (await api<{data: Customer[]}>(tenant, 'GET', '/customers?sort=id')).data[0]!;
    const id = await createTranscript(tenant.token, {customer_id: first.id, title: 'Quartalsbesprechung der Beschaffungsabteilung', segments: LONG_SEGMENTS});
    const problems: string[] = [];
    for (const dir of ['ltr', 'rtl'] as const) {
      const el = document.createElement('reseller-transcript-viewer');
      el.token = tenant.token;
      el.setAttribute('transcription-id', String(id));
      const german = document.createElement('div');
      german.lang = 'de';
      german.append(el);
      const {box} = await mountAt(german, WIDTHS[0], dir);
      await rendered(el, {busy: '[part~="loading"]', ready: '[part~="segments"]'}, 'the viewer shows the transcript');
      const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
      await waitFor(() => part('copy-button').textContent!.includes('Text kopieren') && part('documents-button').textContent!.includes('Herunterladen'), 'the German labels',
        {observe: () => `${part('copy-button').textContent} | ${part('documents-button').textContent}`});
      for (const width of WIDTHS) {
        await resize(box, width);
        await el.updateComplete;
        await nextFrame();
        for (const p of horizontalOverflow(box, el)) problems.push(`${dir} ${width}px: ${p}`);
        const tools = el.shadowRoot!.querySelector('.tools')!.getBoundingClientRect();
        for (const name of ['search', 'previous-button', 'next-button', 'copy-button', 'documents-button']) {
          const r = part(name).getBoundingClientRect();
          if (r.left < tools.left - 0.5 || r.right > tools.right + 0.5) problems.push(`${dir} ${width}px: ${name} ${Math.round(r.left)}-${Math.round(r.right)} outside the tools ${Math.round(tools.left)}-${Math.round(tools.right)}`);
        }
        if (part('search').getBoundingClientRect().width < 150) problems.push(`${dir} ${width}px: the search field is ${Math.round(part('search').getBoundingClientRect().width)} px wide`);
      }
      await expect(el, `axe in German, ${dir}`).to.be.accessible();
    }
    expect(problems).to.deep.equal([]);
  });
});

