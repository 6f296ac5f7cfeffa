/**
 * The main entry of reseller-elements: element classes, events and types. Side-effect free:
 * importing it registers nothing (use `reseller-elements/define` or `reseller-elements/define/<name>`).
 * Every engineer adds the exports of their part here.
 */
export * from './events.js';
// Element classes are exported as `Reseller…Element`; the bare names are the React components'
// (reseller-elements/react) and stay here as deprecated aliases (./deprecated-names.ts).
export * from './deprecated-names.js';
// Each tag's events with their exact classes (state changes typed per element).
export type * from './element-events.js';
export * from './api/index.js';
export * from './context/index.js';
export {ResellerProvider as ResellerProviderElement, type ProviderClientOptions} from './elements/provider/provider.js';
export {ResellerCustomerTable as ResellerCustomerTableElement} from './elements/customer-table/customer-table.js';
export type {CustomerTableState, StatusFilter} from './elements/customer-table/table-query.js';
export {ResellerCustomerForm as ResellerCustomerFormElement} from './elements/customer-form/customer-form.js';
export {ResellerPhoneField as ResellerPhoneFieldElement, type PhoneResult} from './elements/phone-field/phone-field.js';
export {ResellerCustomerDetail as ResellerCustomerDetailElement} from './elements/customer-detail/customer-detail.js';
export {TABS as CUSTOMER_DETAIL_TABS, TAB_TAGS as CUSTOMER_DETAIL_TAB_TAGS, type TabId as CustomerDetailTab, type TabLoader, type TabLoaders} from './elements/customer-detail/tab-loaders.js';
export {ResellerSubscriptionPanel as ResellerSubscriptionPanelElement} from './elements/subscription-panel/subscription-panel.js';
export {ResellerUsageChart as ResellerUsageChartElement, type UsageData} from './elements/usage-chart/usage-chart.js';
export {METRICS as USAGE_METRICS, type UsageChartState, type UsageMetric} from './elements/shared/chart-state.js';
export {ResellerTokenManager as ResellerTokenManagerElement} from './elements/token-manager/token-manager.js';
export {ResellerUserList as ResellerUserListElement} from './elements/user-list/user-list.js';
export {ResellerTranscriptViewer as ResellerTranscriptViewerElement} from './elements/transcript-viewer/transcript-viewer.js';
export type {LoadedTranscript} from './elements/transcript-viewer/transcript-viewer.js';
export {ResellerReportList as ResellerReportListElement, REPORT_FORMATS, type ReportFormat} from './elements/report-list/report-list.js';
export {ResellerTranscriptionList as ResellerTranscriptionListElement} from './elements/transcription-list/transcription-list.js';
export {ResellerBrandEditor as ResellerBrandEditorElement} from './elements/brand-editor/brand-editor.js';
export {ResellerBrandLogo as ResellerBrandLogoElement} from './elements/brand-logo/brand-logo.js';
export {ResellerUsageDashboard as ResellerUsageDashboardElement} from './elements/usage-dashboard/usage-dashboard.js';
export {LiveChannel, liveChannel, type LiveChannelOptions, type LiveListener, type LiveMode} from './live/live-channel.js';
export {RANGE_PRESETS, firstDayOfWeek, presetRange, type RangePreset, type DateRange} from './usage/dates.js';
export {bucketize, type UsageBucket} from './usage/buckets.js';
export {
  registerLocale,
  loadLocale,
  localeDirection,
  SHIPPED_LOCALES,
  type MessageKey,
  type Messages,
  type LocaleMessages,
  type PluralCategory,
  type PartialMessages,
  type LocaleSource,
  type I18nOverrides,
} from './i18n/index.js';
export {
  applyBrandColor,
  bestTextOn,
  brandTokens,
  contrastRatio,
  isValidHexColor,
  normalizeHexColor,
  parseHexColor,
} from './styles/color.js';
