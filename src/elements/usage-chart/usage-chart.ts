import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {PlanId, UsagePoint} from '../../contract/schemas.js';
import {isAbortError} from '../../api/errors.js';
import {ApiController, isAccessError} from '../../controllers/api-controller.js';
import {LiveController} from '../../controllers/live-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController, mapLoaded} from '../../controllers/resource-controller.js';
import {ToastController} from '../../controllers/toast-controller.js';
import {ResellerStateChangeEvent} from '../../events.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {shared} from '../../styles/shared.js';
import {tokens} from '../../styles/tokens.js';
import {bucketize, totals, type UsageBucket} from '../../usage/buckets.js';
import {defaultGranularity, firstDayOfWeek, matchPreset, presetRange, rangeProblem, MAX_RANGE_DAYS, type ChartGranularity, type RangePreset} from '../../usage/dates.js';
import {quotaLevelOf, type QuotaLevel} from '../../usage/quota.js';
import {normalizeChartState, type UsageChartState, type UsageMetric} from '../shared/chart-state.js';
import {quotaMessage, quotaStyles, renderQuotaMeter, renderQuotaSkeleton} from '../shared/quota-meter.js';
import {renderAccess} from '../shared/states.js';
import {renderControls, type ControlsHost} from './chart-controls.js';
import {AreaState, renderChartArea, type AreaHost} from './chart-area.js';
import {fetchUsageCsv} from './usage-export.js';
import {downloadText} from '../shared/download.js';
import {styles} from './usage-chart.styles.js';
import type {ElementDependencies} from '../shared/registration.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import {ConnectionMixin} from '../shared/connection.js';

/** The quota of the current billing period (one customer). */
export interface QuotaInfo {
  plan: PlanId;
  quotaMinutes: number;
  usedMinutes: number;
  period: {start: string; end: string};
}

/** What the chart loaded: the API's daily series and, for one customer, its quota. */
export interface UsageData {
  from: string;
  to: string;
  daily: UsagePoint[];
  quota: QuotaInfo | null;
}

/** The loading summary's figures (hidden; they size its line like a month of a busy reseller's usage). */
const PLACEHOLDER_MINUTES = 99_999;
const PLACEHOLDER_COUNT = 9_999;
/** The chart area's border, both sides (usage-chart.styles.ts); a host restyling it is corrected by the ResizeObserver. */
const AREA_BORDER = 2;

/**
 * Usage over a date range, for one customer (`customer-id`) or all customers: audio hours or
 * transcriptions per day, week or month as an SVG bar chart (a keyboard cursor and hover tooltips) or a
 * table, the quota of the current billing period (one customer), and a CSV export of what is shown.
 *
 * @summary Usage chart with range presets, granularity, quota meter, table view and CSV export.
 * @tag reseller-usage-chart
 * @slot summary - Content between the toolbar and the chart (the dashboard's totals).
 * @csspart toolbar - The controls bar.
 * @csspart range - The range preset select.
 * @csspart custom-range - The custom range form.
 * @csspart apply-button - Apply the custom range.
 * @csspart granularity - The granularity select.
 * @csspart metric - The metric select.
 * @csspart view-toggle - The chart/table toggle.
 * @csspart export-button - The CSV export button.
 * @csspart quota - The quota block.
 * @csspart meter - Its meter.
 * @csspart quota-status - Its warning/alert text.
 * @csspart custom-quota - The "custom" badge of an Enterprise quota.
 * @csspart chart-area - The fixed-height area of the chart and its states.
 * @csspart chart - The `<svg>`.
 * @csspart cursor - The keyboard cursor over the current period (`role="slider"`).
 * @csspart tooltip - The tooltip.
 * @csspart table - The table view's `<table>`.
 * @csspart table-scroll - The table view's scroll container.
 * @csspart row - A period's row.
 * @csspart total-row - The totals row.
 * @csspart summary - The totals sentence.
 * @csspart state - Loading, empty, error and access blocks.
 * @csspart state-title - A state's title.
 * @csspart state-message - A state's message.
 * @csspart retry-button - The error's retry.
 * @cssprop --reseller-color-brand - Bars, meter and focus.
 * @cssprop --reseller-color-warning - Quota warning.
 * @cssprop --reseller-color-danger - Quota alert.
 * @cssprop --reseller-color-border - Grid lines.
 * @fires {ResellerStateChangeEvent} reseller-state-change - from, to, granularity or metric changed by the operator.
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: an export failed.
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (with an element-own client).
 */
export class ResellerUsageChart extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, quotaStyles, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-toast-region': ResellerToastRegion};

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  readonly #toast = new ToastController(this, {i18n: this.#i18n});

  /** The element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;
  /** One customer's usage; absent (or 0) for all customers. */
  @property({type: Number, attribute: 'customer-id'}) customerId: number | null = null;
  /** First day of the range, `YYYY-MM-DD` (default: 29 days before `to`, or the last 30 days). */
  @property({reflect: true}) from: string | null = null;
  /** Last day of the range, `YYYY-MM-DD` (default: today in the viewer's time zone). */
  @property({reflect: true}) to: string | null = null;
  /** `day`, `week` or `month` (default: by the range's length). */
  @property({reflect: true}) granularity: ChartGranularity | null = null;
  /** `hours` (audio hours, default) or `transcriptions`. */
  @property({reflect: true}) metric: UsageMetric | null = null;
  /** IANA time zone of the presets' "today" (default: the viewer's). */
  @property({attribute: 'time-zone'}) timeZone: string | null = null;
  /** Show the data table instead of the chart. */
  @property({type: Boolean, reflect: true, attribute: 'table-view'}) tableView = false;

  @state() private customOpen = false;
  @state() private customError: string | null = null;
  @state() private draft: {from: string; to: string} | null = null;
  @state() private exporting = false;
  /** The period under the keyboard cursor (-1: the last one). */
  @state() private active = -1;
  /** The bar whose tooltip shows, or -1. */
  @state() private shown = -1;
  @state() private width = 640;

  #state: UsageChartState = normalizeChartState(this);
  #level: QuotaLevel | null = null;
  #announcement = '';
  #memo: {data: UsageData | null; key: string; buckets: UsageBucket[]} = {data: null, key: '', buckets: []};
  readonly #area = new AreaState();
  #resize: ResizeObserver | null = null;
  #observedArea: HTMLElement | null = null;

  readonly #usage = new ResourceController(this, {
    api: this.#api,
    args: () => [this.#customer, this.#state.from, this.#state.to] as const,
    // From a warm cache the data is there in the first update (mapLoaded: no loading skeleton).
    load: (client, [id, from, to], {signal, fresh}): UsageData | Promise<UsageData> => {
      if (id) {
        return mapLoaded(client, client.getCustomerUsage(id, {from, to}, {signal, fresh}), (u) => {
          const quota = {plan: u.plan, quotaMinutes: u.quota_minutes, usedMinutes: u.transcription_minutes, period: u.billing_period};
          return {from: u.from, to: u.to, daily: u.daily, quota};
        });
      }
      return mapLoaded(client, client.getUsage({from, to}, {signal, fresh}), (u) => ({from: u.from, to: u.to, daily: u.daily, quota: null}));
    },
    onComplete: (data) => this.#announce(data.quota ? quotaLevelOf(data.quota.usedMinutes, data.quota.quotaMinutes) : null),
  });
  /** Under `<reseller-provider live>`: the bars and the quota follow usage events (its customer's, or any for all) in place. */
  protected readonly live = new LiveController(this, {
    api: this.#api,
    onEvent: (event) => {
      if (event.type === 'reset' || (event.type === 'usage' && (!this.#customer || event.usage?.customer_id === this.#customer))) void this.#usage.refresh();
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize ??= new ResizeObserver(([entry]) => {
      // The plot's width is the chart area's inside (its border excluded): sized from the host, the
      // SVG ran 2 px past the area and lost its end edge to the area's clipping.
      const area = this.renderRoot.querySelector<HTMLElement>('.area:not(.table-area)');
      const width = area?.isConnected ? area.clientWidth : Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0 && width !== this.width) this.width = width;
    });
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#observedArea = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before the first render the host is an empty block: its width costs a small layout, and
    // drawing the plot at that width (less the area's border) means the ResizeObserver's first
    // report changes nothing, instead of drawing the chart twice in its first frame.
    if (!this.hasUpdated && this.isConnected) {
      const width = this.clientWidth - AREA_BORDER;
      if (width > 0) this.width = width;
    }
    const before = this.#state;
    this.#state = normalizeChartState(this, {timeZone: this.timeZone ?? undefined});
    if (before.from !== this.#state.from || before.to !== this.#state.to || before.granularity !== this.#state.granularity) {
      this.active = -1;
      this.shown = -1;
    }
    if (changed.has('customerId')) this.#level = null;
  }

  protected override updated(): void {
    this.#area.placeTooltip(this.renderRoot, this.shown, this.width);
    // Size the plot from the chart area once it exists (the observer then sees its changes too).
    // Not after a disconnect (an update can still run then): that observation would outlive it.
    const area = this.isConnected ? this.renderRoot.querySelector<HTMLElement>('.area:not(.table-area)') : null;
    if (area && area !== this.#observedArea) {
      this.#observedArea = area;
      this.#resize?.observe(area);
    }
  }

  /** The chart's current range, granularity and metric (what the state-change event carries). */
  get state(): UsageChartState {
    return {...this.#state};
  }

  /** The buckets shown now (empty while loading or on error). */
  get buckets(): readonly UsageBucket[] {
    const data = this.#usage.value;
    return data ? this.#bucketsOf(data) : [];
  }

  /** Loads the usage again from the server. */
  reload(): Promise<unknown> {
    return this.#usage.reload();
  }

  /** Downloads the CSV of what is shown (`usage_<from>_<to>.csv`). Resolves true when downloaded. */
  async exportCsv(): Promise<boolean> {
    this.exporting = true;
    try {
      const {filename, text} = await fetchUsageCsv(this.#api.client, {...this.#state, weekStart: this.#weekStart, customerId: this.#customer});
      downloadText(this.renderRoot as ShadowRoot, filename, text);
      return true;
    } catch (error) {
      if (!isAbortError(error)) this.#toast.show(this.#i18n.t('usage.exportFailed', {message: this.#i18n.errorMessage(error)}), 'error');
      return false;
    } finally {
      this.exporting = false;
    }
  }

  protected override render() {
    const error = this.#usage.error;
    if (isAccessError(error)) return renderAccess(this.#i18n, error);
    const data = this.#usage.value ?? null;
    const buckets = data ? this.#bucketsOf(data) : null;
    const sum = buckets ? totals(buckets) : null;
    const i18n = this.#i18n;
    const range = {from: i18n.date(this.#state.from), to: i18n.date(this.#state.to)};
    return html`${renderControls(this.#controlsHost)}
      <slot name="summary"></slot>
      ${this.#customer ? (data?.quota ? this.#renderQuota(data.quota) : error ? nothing : renderQuotaSkeleton()) : nothing}
      <p class="visually-hidden" role="status">${this.#announcement}</p>
      ${renderChartArea(this.#areaHost(buckets, error))}
      ${sum && !error
        ? html`<p class="summary" part="summary">${i18n.t('usage.chartSummary', {hours: i18n.hours(sum.audioMinutes, {unit: false}), count: sum.transcriptions, ...range})}</p>`
        : error
          ? nothing
          : // Loading: the sentence's place (same words, four-digit figures, hidden), so the chart's
            // block size stays when the data arrives (a narrow chart wraps it the same way).
            html`<p class="summary pending" aria-hidden="true">${i18n.t('usage.chartSummary', {hours: i18n.hours(PLACEHOLDER_MINUTES, {unit: false}), count: PLACEHOLDER_COUNT, ...range})}</p>`}`;
  }

  #areaHost(buckets: UsageBucket[] | null, error: unknown): AreaHost {
    return {
      i18n: this.#i18n,
      area: this.#area,
      state: this.#state,
      buckets,
      error,
      tableView: this.tableView,
      width: this.width,
      active: this.active,
      shown: this.shown,
      onRetry: () => void this.reload(),
      onActive: (i, focus) => void this.#setActive(i, focus),
      onShown: (i) => (this.shown = i),
    };
  }

  get #controlsHost(): ControlsHost {
    const preset = matchPreset(this.#state, {timeZone: this.timeZone ?? undefined});
    return {
      i18n: this.#i18n,
      state: this.#state,
      preset,
      custom: this.customOpen || preset === 'custom',
      customError: this.customError,
      draft: this.draft,
      tableView: this.tableView,
      exporting: this.exporting,
      onPreset: (p) => this.#onPreset(p),
      onCustom: (from, to) => this.#onCustom(from, to),
      onGranularity: (granularity) => this.#commit({granularity}),
      onMetric: (metric) => this.#commit({metric}),
      onToggleTable: () => (this.tableView = !this.tableView),
      onExport: () => void this.exportCsv(),
    };
  }

  get #customer(): number | null {
    return this.customerId && this.customerId > 0 ? this.customerId : null;
  }

  get #weekStart(): number {
    return firstDayOfWeek(this.#i18n.locale);
  }

  #bucketsOf(data: UsageData): UsageBucket[] {
    const key = `${this.#state.granularity}|${this.#weekStart}`;
    if (this.#memo.data !== data || this.#memo.key !== key) {
      this.#memo = {data, key, buckets: bucketize(data.daily, {from: data.from, to: data.to, granularity: this.#state.granularity, weekStart: this.#weekStart})};
    }
    return this.#memo.buckets;
  }

  #onPreset(preset: RangePreset | 'custom'): void {
    this.customError = null;
    this.draft = null;
    if (preset === 'custom') {
      this.customOpen = true;
      return;
    }
    this.customOpen = false;
    const range = presetRange(preset, {timeZone: this.timeZone ?? undefined});
    this.#commit({...range, granularity: defaultGranularity(range)});
  }

  #onCustom(from: string, to: string): void {
    this.draft = {from, to};
    const problem = rangeProblem(from, to);
    if (problem) {
      this.customError = problem === 'order' ? this.#i18n.t('field.dateRange')
        : problem === 'tooLong' ? this.#i18n.t('usage.rangeTooLong', {days: MAX_RANGE_DAYS})
          : this.#i18n.t('field.dateInvalid');
      return;
    }
    this.customError = null;
    this.draft = null;
    this.#commit({from, to, granularity: defaultGranularity({from, to})});
  }

  /** An operator's change: set the reflected properties and tell the host. */
  #commit(patch: Partial<UsageChartState>): void {
    const next = {...this.#state, ...patch};
    Object.assign(this, next);
    this.#state = normalizeChartState(this, {timeZone: this.timeZone ?? undefined});
    this.dispatchEvent(new ResellerStateChangeEvent({...this.#state}));
  }

  async #setActive(i: number, focus: boolean): Promise<void> {
    this.active = i;
    this.shown = i;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<SVGElement>('.thumb')?.focus();
  }

  #renderQuota(q: QuotaInfo) {
    return renderQuotaMeter(this.#i18n, {
      used: q.usedMinutes, quota: q.quotaMinutes, label: this.#i18n.t('usage.quota.label'), period: q.period, custom: q.plan === 'enterprise',
    });
  }

  /** The quota level changed: say so once in the live region. */
  #announce(level: QuotaLevel | null): void {
    if (level === this.#level) return;
    const first = this.#level === null;
    this.#level = level;
    const message = level ? quotaMessage(this.#i18n, level) : '';
    if (message || !first) this.#announcement = message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-usage-chart': ResellerUsageChart;
  }
}
