import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {ContextProvider} from '@lit/context';
import type {AggregateUsage, CustomerUsageRow} from '../../contract/schemas.js';
import {clientContext} from '../../context/client-context.js';
import {ApiController, isAccessError} from '../../controllers/api-controller.js';
import {LiveController} from '../../controllers/live-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import {ResellerCustomerOpenEvent, type ResellerStateChangeEvent} from '../../events.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {shared} from '../../styles/shared.js';
import {tokens} from '../../styles/tokens.js';
import {previousRange, type ChartGranularity} from '../../usage/dates.js';
import {normalizeChartState, type UsageChartState, type UsageMetric} from '../shared/chart-state.js';
import {detailHref} from '../shared/links.js';
import {crossingText, renderAnnouncement} from '../shared/live-announce.js';
import {quotaLevel} from '../../usage/quota.js';
import {renderAccess, renderLoadError} from '../shared/states.js';
// A value import (the class module registers nothing) so tools see where the chart's tag comes from.
import {ResellerUsageChart} from '../usage-chart/usage-chart.js';
import {renderNearQuota, renderTopCustomers, renderTotals, type SectionsHost} from './dashboard-sections.js';
import {styles} from './usage-dashboard.styles.js';
import type {ElementDependencies} from '../shared/registration.js';
import {ConnectionMixin} from '../shared/connection.js';

/**
 * Reseller-wide usage over a date range: totals (audio hours, transcriptions, active customers)
 * with the change against the previous period of equal length, the all-customers
 * `<reseller-usage-chart>` (range, granularity, table view, CSV export), the top customers, and
 * the customers above 80 % of their quota this billing period.
 *
 * @summary Reseller usage overview: totals, chart, top customers, customers near quota, export.
 * @tag reseller-usage-dashboard
 * @csspart chart - The inner `<reseller-usage-chart>` (its own parts through `exportparts` are not forwarded).
 * @csspart totals - The totals list.
 * @csspart total - One total.
 * @csspart top-customers - The top customers section.
 * @csspart near-quota - The near-quota section.
 * @csspart row - Their rows.
 * @csspart show-all-button - "Show all (N)" / "Show the first 10" under a near-quota list longer than ten.
 * @csspart state - Error and access blocks.
 * @csspart state-title - A state's title.
 * @csspart state-message - A state's message.
 * @csspart retry-button - The error's retry.
 * @csspart announcement - The polite live region (visually hidden): a customer crossing 80 % / 100 % of its quota.
 * @cssprop --reseller-color-brand - Chart, links and focus.
 * @fires {ResellerCustomerOpenEvent} reseller-customer-open - Cancelable: the operator opens a customer.
 * @fires {ResellerStateChangeEvent} reseller-state-change - The range, granularity or metric changed (from the inner chart).
 */
export class ResellerUsageDashboard extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-usage-chart': ResellerUsageChart};

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  /** The inner chart uses this element's client (one cache: its GET /usage is the one made here). */
  readonly #clientProvider = new ContextProvider(this, {context: clientContext});

  /** The element's own string overrides (passed to the chart too). */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;
  /** Link of a customer's detail page, `{id}` replaced (e.g. `/customers/{id}`). */
  @property({attribute: 'detail-href'}) detailHref: string | null = null;
  /** First day of the range, `YYYY-MM-DD` (default: the last 30 days). */
  @property({reflect: true}) from: string | null = null;
  /** Last day of the range, `YYYY-MM-DD`. */
  @property({reflect: true}) to: string | null = null;
  /** Chart granularity: `day`, `week` or `month` (default by range). */
  @property({reflect: true}) granularity: ChartGranularity | null = null;
  /** Chart metric: `hours` or `transcriptions`. */
  @property({reflect: true}) metric: UsageMetric | null = null;
  /** How many top customers to list (default 10). */
  @property({type: Number}) top = 10;
  /** IANA time zone of the presets' "today" (default: the viewer's). */
  @property({attribute: 'time-zone'}) timeZone: string | null = null;

  #state: UsageChartState = normalizeChartState(this);
  /** The operator asked for every customer above 80 % (not only the first ten). */
  #nearQuotaAll = false;

  readonly #current = new ResourceController(this, {
    api: this.#api,
    args: () => [this.#state.from, this.#state.to] as const,
    load: (client, [from, to], {signal, fresh}) => client.getUsage({from, to}, {signal, fresh}),
  });
  readonly #previous = new ResourceController(this, {
    api: this.#api,
    args: () => [this.#state.from, this.#state.to] as const,
    load: (client, [from, to], {signal}) => client.getUsage(previousRange({from, to}), {signal}),
  });
  /** Under `<reseller-provider live>`: totals and lists follow usage events in place (the chart follows them itself). */
  protected readonly live = new LiveController(this, {
    api: this.#api,
    onEvent: (event) => {
      if (event.type !== 'transcript') void this.#current.refresh();
    },
    known: (id) => {
      const row = this.usage?.customers.find((c) => c.customer_id === id);
      return row && {name: row.name, level: quotaLevel(row.usage_percent, row.quota_minutes)};
    },
    announce: (crossing) => {
      this.announcement = crossingText(this.#i18n, crossing);
    },
  });
  /** The live region's text: the last quota crossing said. */
  @state() private announcement = '';

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.#clientProvider.setValue(this.#api.client);
    this.#state = normalizeChartState(this, {timeZone: this.timeZone ?? undefined});
  }

  /** The usage shown now (null while loading or on error). */
  get usage(): AggregateUsage | null {
    return this.#current.value ?? null;
  }

  /** Loads everything again from the server. */
  reload(): Promise<unknown> {
    const current = this.#current.reload();
    void this.#previous.reload();
    const chart = this.renderRoot.querySelector('reseller-usage-chart');
    // (Not upgraded when only the class was imported, without define/usage-dashboard.)
    const chartReload = chart instanceof ResellerUsageChart ? chart.reload() : undefined;
    return Promise.all([current, chartReload]).catch(() => {});
  }

  protected override render() {
    const error = this.#current.error;
    if (isAccessError(error)) return renderAccess(this.#i18n, error);
    const s = this.#state;
    const host = this.#sections;
    return html`<reseller-usage-chart part="chart" from=${s.from} to=${s.to} granularity=${s.granularity} metric=${s.metric}
        time-zone=${ifDefined(this.timeZone ?? undefined)} .strings=${this.strings} @reseller-state-change=${this.#onChartState}>
        <div slot="summary">${error ? this.#renderError(error) : renderTotals(host)}</div>
      </reseller-usage-chart>
      ${error ? nothing : html`<div class="lists">${renderTopCustomers(host)}${renderNearQuota(host)}</div>`}${renderAnnouncement(this.announcement)}`;
  }

  get #sections(): SectionsHost {
    return {
      i18n: this.#i18n,
      current: this.usage,
      previous: this.#previous.value ?? null,
      detailHref: this.detailHref,
      top: Number.isInteger(this.top) && this.top > 0 ? this.top : 10,
      nearQuotaAll: this.#nearQuotaAll,
      onToggleNearQuota: () => {
        this.#nearQuotaAll = !this.#nearQuotaAll;
        this.requestUpdate();
      },
      onOpen: (e, row) => this.#onOpen(e, row),
    };
  }

  #renderError(error: unknown) {
    return renderLoadError(this.#i18n, this.#i18n.t('dashboard.loadError'), error, () => void this.reload());
  }

  /** The chart's range, granularity or metric changed: follow it (the event goes on to the host). */
  #onChartState = (event: ResellerStateChangeEvent): void => {
    const {from, to, granularity, metric} = event.detail as unknown as UsageChartState;
    Object.assign(this, {from, to, granularity, metric});
  };

  /** A plain click on a customer: the cancelable open event; a modified click opens a tab as usual. */
  #onOpen(event: MouseEvent, row: CustomerUsageRow): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const href = detailHref(this.detailHref, row.customer_id);
    const follow = this.dispatchEvent(new ResellerCustomerOpenEvent({id: row.customer_id, href}));
    if (!follow || !href) event.preventDefault();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-usage-dashboard': ResellerUsageDashboard;
  }
}
