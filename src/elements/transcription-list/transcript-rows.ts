/** The transcript table: head, rows (with a Documents toggle and the open documents row) and skeleton rows. */
import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {repeat} from 'lit/directives/repeat.js';
import type {Transcript, TranscriptStatus} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import type {MessageKey} from '../../i18n/en.js';
import {fit} from '../../dom/fit.js';

const ALL = ['title', 'customer', 'status', 'duration', 'language', 'created'] as const;
type Column = (typeof ALL)[number];
const LABELS: Record<Column, MessageKey> = {
  title: 'transcriptions.columns.title',
  customer: 'transcriptions.columns.customer',
  status: 'transcriptions.columns.status',
  duration: 'transcriptions.columns.duration',
  language: 'transcriptions.columns.language',
  created: 'transcriptions.columns.created',
};
/** The table's own steps where it still does not fit (transcription-list.styles.ts: Language, Duration, Customer, then cards). */
const GIVE_WAY = ['no-language', 'no-duration', 'no-customer', 'stacked'] as const;
const BADGES: Record<TranscriptStatus, string> = {queued: 'badge', processing: 'badge brand', done: 'badge success', failed: 'badge danger'};

export interface TranscriptRowsHost {
  i18n: LocaleController;
  /** Listing all customers: show the Customer column. */
  allCustomers: boolean;
  /** The transcript whose documents are open (0: none). */
  openId: number;
  onToggle(transcript: Transcript): void;
  /** Read a finished transcript. */
  onRead(transcript: Transcript): void;
  documents(transcript: Transcript): TemplateResult;
}

export function columnsOf(host: Pick<TranscriptRowsHost, 'allCustomers'>): Column[] {
  return ALL.filter((c) => c !== 'customer' || host.allCustomers);
}

export function renderTranscriptTable(host: TranscriptRowsHost, transcripts: readonly Transcript[] | null, skeleton: number) {
  const {i18n} = host;
  const columns = columnsOf(host);
  return html`<div class="table-scroll" ${fit(GIVE_WAY)}>
    <table class="table" part="table" role="table" aria-busy=${transcripts ? 'false' : 'true'}>
      <caption class="visually-hidden">${i18n.t('transcriptions.heading')}</caption>
      <thead role="rowgroup">
        <tr part="header-row" role="row">
          ${columns.map((c) => html`<th scope="col" role="columnheader" part="header-cell" class=${`col-${c}`}>${i18n.t(LABELS[c])}</th>`)}
          <th scope="col" role="columnheader" part="header-cell" class="col-documents">${i18n.t('transcriptions.documents')}</th>
        </tr>
      </thead>
      ${transcripts
        ? html`<tbody role="rowgroup">${repeat(transcripts, (t) => t.id, (t) => renderRow(host, columns, t))}</tbody>`
        : html`<tbody part="skeleton" role="rowgroup" aria-hidden="true">
            ${Array.from({length: skeleton}, () => html`<tr class="skeleton-row">
              ${columns.map(() => html`<td><span class="skeleton"></span></td>`)}<td class="col-documents"></td></tr>`)}
          </tbody>`}
    </table>
  </div>`;
}

function renderRow(host: TranscriptRowsHost, columns: Column[], t: Transcript) {
  const {i18n} = host;
  const open = host.openId === t.id;
  const cells: Record<Column, () => unknown> = {
    title: () => html`<span class="truncate" dir="auto" title=${t.title}>${t.title}</span>`,
    customer: () => html`<span class="truncate" dir="auto" title=${t.customer_name}>${t.customer_name}</span>`,
    status: () => html`<span class=${BADGES[t.status]} part="status-badge">${i18n.t(`transcriptions.status.${t.status}`)}</span>`,
    duration: () => i18n.duration(t.duration_seconds / 60),
    language: () => {
      const name = languageName(i18n.locale, t.language);
      return html`<span class="truncate" title=${name}>${name}</span>`;
    },
    created: () => i18n.dateTime(t.created_at),
  };
  return html`<tr part="row" role="row" data-id=${t.id} data-status=${t.status}>
      ${columns.map((c) => html`<td part="cell" role="cell" class=${`col-${c}`} data-label=${ifDefined(c === 'title' || c === 'status' ? undefined : i18n.t(LABELS[c]))}>${cells[c]()}</td>`)}
      <td part="cell" role="cell" class="col-documents"><div class="row-actions">
        ${t.status === 'done'
          ? html`<button type="button" class="button ghost" part="read-button" @click=${() => host.onRead(t)}>${i18n.t('transcriptions.read')}<span
              class="visually-hidden"> ${t.title}</span></button>`
          : nothing}
        <button type="button" class="button ghost" part="documents-button" aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${ifDefined(open ? `documents-${t.id}` : undefined)} @click=${() => host.onToggle(t)}>${i18n.t('transcriptions.documents')}<span
          class="visually-hidden"> ${t.title}</span></button>
      </div></td>
    </tr>
    ${open
      ? html`<tr class="documents-row" part="documents-row" role="row" id=${`documents-${t.id}`}>
          <td role="cell" colspan=${columns.length + 1}>${host.documents(t)}</td>
        </tr>`
      : nothing}`;
}

const names = new Map<string, Intl.DisplayNames | null>();
/** "Dutch" for `nl` in English, the code itself where the engine cannot name it. */
function languageName(locale: string, code: string): string {
  if (!names.has(locale)) {
    try {
      names.set(locale, new Intl.DisplayNames([locale], {type: 'language'}));
    } catch {
      names.set(locale, null);
    }
  }
  try {
    return names.get(locale)?.of(code) ?? code;
  } catch {
    return code;
  }
}
