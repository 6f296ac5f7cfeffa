import {ContextProvider} from '@lit/context';
import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {initialState} from '@lit/task';
import type {Transcript, TranscriptPage} from '../../contract/schemas.js';
import {clientContext} from '../../context/client-context.js';
import {ApiController, isAccessError} from '../../controllers/api-controller.js';
import {LiveController} from '../../controllers/live-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import {ToastController} from '../../controllers/toast-controller.js';
import {ResellerStateChangeEvent} from '../../events.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {shared, tokens} from '../../styles/index.js';
import {pageCount, paginationStyles, renderPagination} from '../shared/pagination.js';
import {renderAccess, renderEmpty, renderLoadError} from '../shared/states.js';
import {TranscriptDocumentsController, documentStyles} from '../shared/transcript-documents.js';
import {filtered, normalizeState, SEARCH_DEBOUNCE_MS, toQuery, type TranscriptListState} from './transcript-query.js';
import {TranscriptReader, readerStyles} from './transcript-reader.js';
import {renderTranscriptTable} from './transcript-rows.js';
import {renderToolbar} from './transcript-toolbar.js';
import {styles} from './transcription-list.styles.js';
import type {ElementDependencies} from '../shared/registration.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import {ConnectionMixin} from '../shared/connection.js';

/**
 * Transcription sessions of one customer (`customer-id`) or of all customers (without it): title,
 * customer, status, duration, language and created; filters for status, date range and title;
 * server-side paging; each session's documents with download; a finished one's text to read
 * (Read: the transcript viewer in a modal dialog, loaded on first use).
 *
 * @summary Transcription sessions and their documents: filters, paging, download.
 * @tag reseller-transcription-list
 * @csspart toolbar - The filters.
 * @csspart search - Title search.
 * @csspart filter - Status select.
 * @csspart from-input - From date.
 * @csspart to-input - To date.
 * @csspart field-error - The date range message.
 * @csspart table - The `<table>`.
 * @csspart header-row - Its header row.
 * @csspart header-cell - Every `<th>`.
 * @csspart row - Every transcript row (`data-status`).
 * @csspart cell - Every data cell.
 * @csspart skeleton - Placeholder rows while loading.
 * @csspart status-badge - A transcript's status.
 * @csspart read-button - A finished transcript's Read action.
 * @csspart reader - The Read dialog (`<dialog>`), holding a `<reseller-transcript-viewer>`.
 * @csspart reader-close-button - Its Close button.
 * @csspart documents-button - A row's Documents toggle.
 * @csspart documents-row - The row under an open transcript.
 * @csspart documents - Its list.
 * @csspart document - One document.
 * @csspart download-button - Download.
 * @csspart documents-empty - "No documents yet."
 * @csspart pagination - The pagination bar.
 * @csspart page-size - Its select.
 * @csspart range - "1–25 of 80".
 * @csspart page-button - First/previous/next/last.
 * @csspart state - Empty, no-match, error and access blocks.
 * @csspart state-title - A state's title.
 * @csspart state-message - A state's message.
 * @csspart clear-button - Clear filters.
 * @csspart retry-button - Try again.
 * @cssprop --reseller-color-brand - Brand colour.
 * @cssprop --reseller-color-success - Done badge.
 * @cssprop --reseller-color-danger - Failed badge and errors.
 * @cssprop --reseller-color-surface - Background.
 * @cssprop --reseller-color-text - Text colour.
 * @cssprop --reseller-color-border - Table lines.
 * @cssprop --reseller-radius - Corner radius.
 * @fires {ResellerTranscriptOpenEvent} reseller-transcript-open - Cancelable: the operator reads a transcript (default: the viewer in a dialog).
 * @fires {ResellerStateChangeEvent} reseller-state-change - Status, from, to, q, page or per-page changed by the operator.
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: a download failed.
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (with an element-own client).
 */
export class ResellerTranscriptionList extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, paginationStyles, documentStyles, readerStyles, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-toast-region': ResellerToastRegion};

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  readonly #toast = new ToastController(this, {i18n: this.#i18n});
  readonly #documents = new TranscriptDocumentsController(this, {i18n: this.#i18n, toast: this.#toast, api: this.#api});
  /** The Read dialog's viewer uses this element's client (its own token, or the provider's). */
  readonly #clientProvider = new ContextProvider(this, {context: clientContext});
  readonly #reader = new TranscriptReader(this, {i18n: this.#i18n, strings: () => this.strings});

  /** One customer's transcripts; without it, every customer's (with a Customer column). */
  @property({type: Number, attribute: 'customer-id'}) customerId: number | null = null;
  /** Status filter: `all`, `queued`, `processing`, `done` or `failed`. */
  @property({reflect: true}) status = 'all';
  /** Created on or after this day (`YYYY-MM-DD`). */
  @property({reflect: true}) from = '';
  /** Created on or before this day (`YYYY-MM-DD`). */
  @property({reflect: true}) to = '';
  /** Search in titles (and customer names). */
  @property({reflect: true}) q = '';
  /** Page, from 1. */
  @property({type: Number, reflect: true}) page = 1;
  /** Rows per page: 25, 50, 75 or 100. */
  @property({type: Number, reflect: true, attribute: 'per-page'}) perPage = 25;
  /** The element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;

  #state: TranscriptListState = normalizeState(this);
  #searchText = '';
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #last: TranscriptPage | null = null;
  #lastKey = '';
  #warnedId = false;

  readonly #list = new ResourceController(this, {
    api: this.#api,
    args: () => [this.#key] as const,
    load: (client, [key], {signal, fresh}) =>
      this.#customer === undefined ? initialState : (client.listTranscripts(JSON.parse(key), {signal, fresh}) as Promise<TranscriptPage>),
    onComplete: (page) => {
      this.#last = page;
      this.#lastKey = this.#key;
      if (this.#state.page > pageCount(page.total, page.per_page)) this.#commit({page: pageCount(page.total, page.per_page)});
    },
  });

  /** Under `<reseller-provider live>`: statuses and new transcriptions (its customer's, or any for all) appear in place. */
  protected readonly live = new LiveController(this, {
    api: this.#api,
    onEvent: (event) => {
      const id = event.transcript?.customer_id;
      if (event.type === 'reset' || (event.type === 'transcript' && (!this.#customer || id === this.#customer))) void this.#list.refresh();
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#clientProvider.setValue(this.#api.client);
    this.#state = normalizeState(this);
    if (changed.has('q')) this.#searchText = this.#state.q;
    if (changed.has('customerId') && this.#customer === undefined && !this.#warnedId) {
      this.#warnedId = true;
      console.warn(`<reseller-transcription-list>: customer-id="${this.getAttribute('customer-id') ?? String(this.customerId)}" is not a customer id; nothing is shown.`);
    }
    if (changed.has('customerId') && changed.get('customerId') !== undefined) this.#documents.close();
  }

  /** Loads the current page again from the server. */
  reload(): Promise<unknown> {
    return this.#list.reload();
  }

  /**
   * Opens a finished transcript for reading, as its Read button does: fires the cancelable
   * `reseller-transcript-open`, then (unless cancelled) shows the viewer in a modal dialog.
   */
  read(transcript: Transcript): Promise<void> {
    return this.#reader.open(transcript);
  }

  protected override render() {
    const t = this.#i18n.t.bind(this.#i18n);
    const error = this.#list.error;
    if (isAccessError(error)) return renderAccess(this.#i18n, error);
    if (this.#customer === undefined) return nothing;
    const complete = this.#list.value ?? null;
    const shown = complete ?? (this.#lastKey === this.#key ? this.#last : null);
    const rangeError = this.#state.from && this.#state.to && this.#state.from > this.#state.to ? t('field.dateRange') : '';
    return html`${renderToolbar({
        i18n: this.#i18n,
        state: this.#state,
        searchText: this.#searchText,
        rangeError,
        onSearchInput: (value) => {
          this.#searchText = value;
          clearTimeout(this.#searchTimer);
          this.#searchTimer = setTimeout(() => this.#applySearch(), SEARCH_DEBOUNCE_MS);
        },
        onSearch: () => this.#applySearch(),
        onStatus: (status) => this.#commit({status, page: 1}),
        onDate: (which, value) => this.#commit({[which]: value, page: 1}),
      })}
      ${error
        ? renderLoadError(this.#i18n, t('transcriptions.loadError'), error, () => void this.reload())
        : complete?.total === 0
          ? this.#renderNone()
          : renderTranscriptTable({
              i18n: this.#i18n,
              allCustomers: this.#customer === null,
              openId: this.#documents.openId,
              onToggle: (tr) => this.#documents.toggle(tr.id),
              onRead: (tr) => void this.read(tr),
              documents: (tr) => this.#documents.render(tr.title),
            }, shown?.data ?? null, this.#last?.data.length || Math.min(this.#state.perPage, 10))}
      ${!error && this.#last && this.#last.total > 0 && complete?.total !== 0
        ? renderPagination({
            i18n: this.#i18n,
            label: this.#i18n.t('transcriptions.paging.label'),
            page: this.#state.page,
            perPage: this.#state.perPage,
            total: this.#last.total,
            onPage: (page) => this.#commit({page}),
            onPerPage: (perPage) => this.#commit({perPage: perPage as TranscriptListState['perPage'], page: 1}),
          })
        : nothing}
      ${this.#reader.render()}`;
  }

  #renderNone() {
    const t = this.#i18n.t.bind(this.#i18n);
    if (!filtered(this.#state)) return renderEmpty({title: t('transcriptions.empty')});
    return html`<div class="state empty no-match" part="state no-match" role="status">
      <p class="state-title" part="state-title">${t('transcriptions.noResults')}</p>
      <button type="button" class="button" part="clear-button"
        @click=${() => this.#commit({status: 'all', from: '', to: '', q: '', page: 1})}>${t('common.clearFilters')}</button>
    </div>`;
  }


  /** The customer filter: an id, null for all customers, undefined when `customer-id` is not valid. */
  get #customer(): number | null | undefined {
    const id = this.customerId;
    if (id === null || id === 0) return null;
    return Number.isInteger(id) && id > 0 ? id : undefined;
  }

  get #key(): string {
    return JSON.stringify(toQuery(this.#state, this.#customer ?? null));
  }

  #commit(patch: Partial<TranscriptListState>): void {
    Object.assign(this, {...this.#state, ...patch});
    this.#state = normalizeState(this);
    this.#documents.close();
    this.dispatchEvent(new ResellerStateChangeEvent({...this.#state}));
  }

  #applySearch(): void {
    clearTimeout(this.#searchTimer);
    const q = this.#searchText.trim();
    if (q !== this.#state.q) this.#commit({q, page: 1});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-transcription-list': ResellerTranscriptionList;
  }
}
