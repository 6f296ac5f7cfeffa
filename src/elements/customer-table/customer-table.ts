import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import type {Customer, CustomerPage, CustomerSort, Order} from '../../contract/schemas.js';
import {ApiController, isAccessError} from '../../controllers/api-controller.js';
import {ValidationError} from '../../api/errors.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import {ResellerStateChangeEvent} from '../../events.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {shared} from '../../styles/shared.js';
import {tokens} from '../../styles/tokens.js';
import {styles} from './customer-table.styles.js';
import {CustomerActionsController} from './table-actions.js';
import {pageCount, paginationStyles, renderPagination} from '../shared/pagination.js';
import {renderAccess, renderLoadError} from '../shared/states.js';
import {metadataKeys, normalizeState, SEARCH_DEBOUNCE_MS, toQuery, type CustomerTableState, type StatusFilter} from './table-query.js';
import {defineElement} from '../shared/registration.js';
import {renderHead, renderRows, renderSkeleton, type RowKey, type RowsHost} from './table-rows.js';
import {renderNoRows, renderToolbar, type ToolbarHost} from './table-toolbar.js';
import type {ElementDependencies} from '../shared/registration.js';
import {ResellerConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import {ConnectionMixin} from '../shared/connection.js';
import {fit} from '../../dom/fit.js';

/** The table's own steps where it still does not fit (customer-table.styles.ts: metadata, Registered, Phone, then cards). */
const GIVE_WAY = ['no-meta', 'no-created', 'no-phone', 'stacked'] as const;

const qConverter = {fromAttribute: (v: string | null) => v ?? '', toAttribute: (v: string) => v || null};

/**
 * The reseller's customers: a server-paged, sortable, filterable, searchable table with copy,
 * open, row actions and context menus, delete with confirmation, and every loading state. The
 * first load shows skeleton rows; while another page, sort or filter loads, the last rows stay
 * (dimmed, `aria-busy="true"` on the table) until the new ones arrive.
 *
 * @summary Customer list with paging, sorting, status filter, search, open and delete.
 * @tag reseller-customer-table
 * @csspart toolbar - The bar above the table (search, filter, New Customer).
 * @csspart search - The search input.
 * @csspart filter - The status select.
 * @csspart metadata-button - Opens the metadata dialog (filter, search within values, columns).
 * @csspart metadata-cell - Every metadata column's cell (also `cell`).
 * @csspart new-button - The New Customer button (`empty-new-button` in the empty state).
 * @csspart table - The `<table>`.
 * @csspart header-row - The header row.
 * @csspart header-cell - Every `<th>`.
 * @csspart sort-button - The button in each sortable header.
 * @csspart row - Every data row (`new-row` too for a customer just created here).
 * @csspart cell - Every data cell.
 * @csspart menu-button - The row actions button.
 * @csspart skeleton - The placeholder rows while the first page loads.
 * @csspart pagination - The pagination bar.
 * @csspart page-size - Its page size select.
 * @csspart range - The "1–25 of 120 · Page 1 of 5" text.
 * @csspart page-button - First/previous/next/last.
 * @csspart state - Empty, no-match, error and access blocks (also `empty`, `no-match`, `error`, `access-required`).
 * @csspart state-title - A state's title.
 * @csspart state-message - A state's message.
 * @csspart retry-button - The error's retry.
 * @csspart clear-button - No match: clear search and filter.
 * @csspart menu - The row actions / context menu.
 * @csspart menuitem - Its items (View, Delete).
 * @cssprop --reseller-color-brand - Brand colour (links, primary button, focus ring).
 * @cssprop --reseller-color-surface - Background.
 * @cssprop --reseller-color-text - Text colour.
 * @cssprop --reseller-color-border - Table lines.
 * @cssprop --reseller-radius - Corner radius.
 * @cssprop --reseller-density - Spacing multiplier (`0.75` compact).
 * @fires {ResellerCustomerOpenEvent} reseller-customer-open - Cancelable: the operator opens a customer.
 * @fires {ResellerCustomerDeletedEvent} reseller-customer-deleted - A customer was deleted.
 * @fires {ResellerStateChangeEvent} reseller-state-change - Sort, order, status, q, page, per-page or a metadata filter, search or column changed by the operator.
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: a confirmation (copied, deleted) is about to show.
 * @fires {ResellerCustomerCreatedEvent} reseller-customer-created - From the New Customer dialog inside: a customer was created.
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (with an element-own client).
 */
export class ResellerCustomerTable extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, paginationStyles, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-confirm-dialog': ResellerConfirmDialog, 'reseller-toast-region': ResellerToastRegion};

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  readonly #actions = new CustomerActionsController(this, {
    client: () => this.#api.client,
    i18n: this.#i18n,
    detailHref: () => this.detailHref,
    onDeleted: (c) => this.#refresh(() => this.#removed.add(c.id)),
    onCreated: (c) => void this.#refresh(() => (this.#created = [c, ...this.#created.filter((x) => x.id !== c.id)])),
    customer: (id) => this.#shown.find((c) => c.id === id),
  });

  /** The element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;
  /** Link of a customer's detail page, `{id}` replaced (e.g. `/customers/{id}`); Name and Email become links. */
  @property({attribute: 'detail-href'}) detailHref: string | null = null;
  /** Sort column: `id`, `name`, `email`, `phone`, `created_at` or `status`. */
  @property({reflect: true}) sort: CustomerSort = 'id';
  /** Sort direction: `asc` or `desc`. */
  @property({reflect: true}) order: Order = 'asc';
  /** Status filter: `all`, `active` or `inactive`. */
  @property({reflect: true}) status: StatusFilter = 'all';
  /** Search over name and email. */
  @property({reflect: true, converter: qConverter}) q = '';
  /** Page, from 1. */
  @property({type: Number, reflect: true}) page = 1;
  /** Rows per page: 25, 50, 75 or 100. */
  @property({type: Number, reflect: true, attribute: 'per-page'}) perPage = 25;
  /** Metadata filter `key:value`: only customers whose metadata has exactly that value under that key. */
  @property({reflect: true, attribute: 'metadata-filter', converter: qConverter}) metadataFilter = '';
  /** Search within metadata values. */
  @property({reflect: true, attribute: 'metadata-q', converter: qConverter}) metadataQ = '';
  /** Metadata keys shown as columns, comma-separated (`region,tier`); they give way first in a narrow container. */
  @property({reflect: true, attribute: 'metadata-columns', converter: qConverter}) metadataColumns = '';

  #state: CustomerTableState = normalizeState(this);
  #searchText = '';
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The last page loaded, and the client that loaded it: shown (busy) while another page, sort or
   * filter loads, instead of the skeleton; a new client (another token or API) starts over.
   */
  #last: CustomerPage | null = null;
  #lastClient: unknown = null;
  /** The rows rendered now (the delegated row listeners look customers up here). */
  #shown: readonly Customer[] = [];
  /** Customers created from here since the last change of page, sort or filter: pinned on top. */
  #created: Customer[] = [];
  /** Customers deleted while the page reloads: hidden at once. */
  #removed = new Set<number>();
  /** Whether the metadata dialog was asked for (it is loaded and rendered from then on). */
  #metadataWanted = false;
  /** Rows keyed by customer since a create or delete here, by position again after the operator's next change. */
  #keyById = false;
  readonly #rowKeys = new Map<number, RowKey>();
  /**
   * Next, Previous and Last go by the last page's cursors (deep pages cost the server what page 1
   * does): the cursor and the query it reads, used while that query stands.
   */
  #cursor: {key: string; cursor: string} | null = null;

  readonly #list = new ResourceController(this, {
    api: this.#api,
    args: () => [this.#key] as const,
    load: (client, key, {signal, fresh}) => {
      const query = toQuery(this.#state);
      const cursor = this.#cursor?.key === key[0] ? this.#cursor.cursor : undefined;
      if (!cursor) return client.listCustomers(query, {signal, fresh});
      // A cursor the server no longer takes (e.g. issued before a restart): the page by its number.
      return client.listCustomers({...query, cursor}, {signal, fresh}).catch((e: unknown) => {
        if (!(e instanceof ValidationError && e.fieldCodes.cursor)) throw e;
        this.#cursor = null;
        return client.listCustomers(query, {signal, fresh});
      });
    },
    onComplete: (page) => {
      this.#last = page;
      this.#lastClient = this.#api.client;
      this.#removed.clear();
      const pages = pageCount(page.total, page.per_page);
      if (this.#state.page > pages && !page.total_capped) this.#commit({page: pages});
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#state = normalizeState(this);
    if (changed.has('q')) this.#searchText = this.#state.q;
  }

  /** Loads the current page again from the server (after changes made elsewhere). */
  reload(): Promise<unknown> {
    return this.#list.reload();
  }

  /** The customers shown now (empty while loading or on error). */
  get customers(): readonly Customer[] {
    return this.#list.value?.data ?? [];
  }

  protected override render() {
    const error = this.#list.error;
    if (isAccessError(error)) return renderAccess(this.#i18n, error);
    const complete = this.#list.value ?? null;
    // Loading another page, sort or filter, or reloading (after a delete or create): keep the last
    // rows, marked busy, until the answer arrives (no skeleton flash, no rebuilt rows, no layout jump).
    const shown = complete ?? (this.#lastClient === this.#api.client ? this.#last : null);
    const toolbar = this.#toolbarHost;
    return html`${renderToolbar(toolbar)}
      ${error
        ? renderLoadError(this.#i18n, this.#i18n.t('table.loadError'), error, () => void this.reload())
        : complete?.total === 0 && !this.#created.length
          ? renderNoRows(toolbar, this.#state.q, () => this.#commit({q: '', status: 'all', metadataFilter: '', metadataQ: '', page: 1}))
          : this.#renderTable(shown, !complete)}
      ${!error && this.#last && this.#last.total > 0 && complete?.total !== 0 ? this.#renderPagination() : nothing}
      ${this.#actions.render()}
      ${this.#metadataWanted ? html`<reseller-metadata-dialog></reseller-metadata-dialog>` : nothing}`;
  }

  #renderTable(page: CustomerPage | null, busy: boolean) {
    const rows: RowsHost = {
      i18n: this.#i18n,
      state: this.#state,
      detailHref: this.detailHref,
      created: new Set(this.#created.map((c) => c.id)),
      keyById: this.#keyById,
      rowKeys: this.#rowKeys,
      onSort: (key) => this.#commit(key === this.#state.sort ? {order: this.#state.order === 'asc' ? 'desc' : 'asc', page: 1} : {sort: key, order: 'asc', page: 1}),
      actions: this.#actions,
    };
    const customers = page
      ? [...this.#created.filter((c) => !page.data.some((d) => d.id === c.id)), ...page.data].filter((c) => !this.#removed.has(c.id))
      : null;
    this.#shown = customers ?? [];
    const skeletonRows = this.#last?.data.length || Math.min(this.#state.perPage, 10);
    const columns = metadataKeys(this.#state.metadataColumns);
    return html`<div class="table-scroll" ${fit(GIVE_WAY)}>
      <table part="table" class="table" role="table" aria-busy=${busy ? 'true' : 'false'}>
        <caption class="visually-hidden">${this.#i18n.t('table.caption')}${busy ? html`, ${this.#i18n.t('table.loading')}` : nothing}</caption>
        ${renderHead(rows, columns)}
        ${customers ? renderRows(rows, customers, columns) : renderSkeleton(skeletonRows, columns.length)}
      </table>
    </div>`;
  }

  #renderPagination() {
    return renderPagination({
      i18n: this.#i18n,
      page: this.#state.page,
      perPage: this.#state.perPage,
      total: this.#last!.total,
      capped: this.#last!.total_capped,
      more: Boolean(this.#last!.next_cursor),
      rows: this.#last!.data.length,
      onPage: (page) => this.#goTo(page),
      onPerPage: (perPage) => this.#commit({perPage: perPage as CustomerTableState['perPage'], page: 1}),
    });
  }

  get #toolbarHost(): ToolbarHost {
    return {
      i18n: this.#i18n,
      searchText: this.#searchText,
      status: this.#state.status,
      metadataFilter: this.#state.metadataFilter,
      metadataQ: this.#state.metadataQ,
      onMetadata: () => void this.#editMetadata(),
      onSearchInput: (value) => {
        this.#searchText = value;
        clearTimeout(this.#searchTimer);
        this.#searchTimer = setTimeout(() => this.#applySearch(), SEARCH_DEBOUNCE_MS);
      },
      onSearch: () => this.#applySearch(),
      onStatus: (status) => this.#commit({status, page: 1}),
      onCreate: () => void this.#actions.create(),
    };
  }

  /** The query the current state asks for (the task's argument). */
  get #key(): string {
    return JSON.stringify(toQuery(this.#state));
  }

  /** An operator's change: set the reflected properties and tell the host. */
  #commit(patch: Partial<CustomerTableState>): void {
    this.#created = [];
    this.#keyById = false;
    Object.assign(this, {...this.#state, ...patch});
    this.#state = normalizeState(this);
    this.dispatchEvent(new ResellerStateChangeEvent({...this.#state}));
  }

  #goTo(page: number): void {
    const last = this.#last;
    const from = this.#state.page;
    const cursor = last?.page !== from ? null
      : page === from + 1 ? last.next_cursor : page === from - 1 && page > 1 ? last.prev_cursor : page > from + 1 ? last.last_cursor : null;
    this.#commit({page});
    this.#cursor = cursor ? {key: this.#key, cursor} : null;
  }

  #applySearch(): void {
    clearTimeout(this.#searchTimer);
    const q = this.#searchText.trim();
    if (q !== this.#state.q) this.#commit({q, page: 1});
  }

  /** Opens the metadata dialog (loaded on first use) and applies what the operator chose. */
  async #editMetadata(): Promise<void> {
    const {ResellerMetadataDialog} = await import('../metadata-dialog/metadata-dialog.js');
    defineElement('reseller-metadata-dialog', ResellerMetadataDialog);
    this.#metadataWanted = true;
    this.requestUpdate();
    await this.updateComplete;
    const s = this.#state;
    const keys = [...new Set(this.#shown.flatMap((c) => Object.keys(c.metadata)))];
    const choice = await this.renderRoot.querySelector('reseller-metadata-dialog')!.edit(
      {filter: s.metadataFilter, q: s.metadataQ, columns: metadataKeys(s.metadataColumns)}, keys);
    if (!choice) return;
    const columns = choice.columns.join(',');
    if (choice.filter !== s.metadataFilter || choice.q !== s.metadataQ) this.#commit({metadataFilter: choice.filter, metadataQ: choice.q, metadataColumns: columns, page: 1});
    else if (columns !== s.metadataColumns) this.#commit({metadataColumns: columns});
  }

  /** A change made here (create, delete): show it at once, then reload the page. */
  #refresh(change: () => void): Promise<unknown> {
    this.#keyById = true;
    change();
    return this.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-customer-table': ResellerCustomerTable;
  }
}
