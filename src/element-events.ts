/**
 * Each public tag's events with their exact classes: what the element fires and what bubbles out
 * of the elements it renders, with `reseller-state-change` typed by the element's own state. Types
 * only (no runtime code): the framework typings read it (src/react/events.ts for the React props,
 * src/vue/index.ts for Vue templates), so a handler's `event.detail` is the element's state, not
 * `Record<string, unknown>`.
 */
import type {CustomerTableState} from './elements/customer-table/table-query.js';
import type {TabId} from './elements/customer-detail/tab-loaders.js';
import type {TranscriptListState} from './elements/transcription-list/transcript-query.js';
import type {UsageChartState} from './elements/shared/chart-state.js';
import type {
  ResellerBrandChangeEvent,
  ResellerCustomerCreatedEvent,
  ResellerCustomerDeletedEvent,
  ResellerCustomerOpenEvent,
  ResellerCustomerUpdatedEvent,
  ResellerReportGeneratedEvent,
  ResellerReportSettingsSavedEvent,
  ResellerRequestErrorEvent,
  ResellerStateChangeEvent,
  ResellerSubscriptionChangeEvent,
  ResellerToastEvent,
  ResellerTokenCreatedEvent,
  ResellerTokenRevokedEvent,
  ResellerTokenUpdatedEvent,
  ResellerUserUpdatedEvent,
  ResellerInvitationResentEvent,
  ResellerTranscriptOpenEvent,
} from './events.js';

/** `<reseller-customer-detail>`'s state: the open tab. */
export interface CustomerDetailState {
  tab: TabId;
}

interface Common {
  'reseller-toast': ResellerToastEvent;
  'reseller-request-error': ResellerRequestErrorEvent;
}

export interface CustomerTableEvents extends Common {
  'reseller-customer-open': ResellerCustomerOpenEvent;
  'reseller-customer-deleted': ResellerCustomerDeletedEvent;
  'reseller-customer-created': ResellerCustomerCreatedEvent;
  'reseller-state-change': ResellerStateChangeEvent<CustomerTableState>;
}
export interface CustomerFormEvents extends Common {
  'reseller-customer-created': ResellerCustomerCreatedEvent;
}
export interface CustomerDetailEvents extends Common {
  'reseller-customer-updated': ResellerCustomerUpdatedEvent;
  'reseller-state-change': ResellerStateChangeEvent<CustomerDetailState>;
  'reseller-subscription-change': ResellerSubscriptionChangeEvent;
  'reseller-token-created': ResellerTokenCreatedEvent;
  'reseller-token-updated': ResellerTokenUpdatedEvent;
  'reseller-token-revoked': ResellerTokenRevokedEvent;
  'reseller-user-updated': ResellerUserUpdatedEvent;
  'reseller-invitation-resent': ResellerInvitationResentEvent;
  /** From the Transcriptions tab's list. */
  'reseller-transcript-open': ResellerTranscriptOpenEvent;
}
export interface SubscriptionPanelEvents extends Common {
  'reseller-subscription-change': ResellerSubscriptionChangeEvent;
}
export interface UsageChartEvents extends Common {
  'reseller-state-change': ResellerStateChangeEvent<UsageChartState>;
}
export interface UsageDashboardEvents extends Common {
  'reseller-customer-open': ResellerCustomerOpenEvent;
  /** From the chart it renders. */
  'reseller-state-change': ResellerStateChangeEvent<UsageChartState>;
}
export interface TokenManagerEvents extends Common {
  'reseller-token-created': ResellerTokenCreatedEvent;
  'reseller-token-updated': ResellerTokenUpdatedEvent;
  'reseller-token-revoked': ResellerTokenRevokedEvent;
}
export interface UserListEvents extends Common {
  'reseller-user-updated': ResellerUserUpdatedEvent;
  'reseller-invitation-resent': ResellerInvitationResentEvent;
}
export type TranscriptViewerEvents = Common;
export interface ReportListEvents extends Common {
  'reseller-report-generated': ResellerReportGeneratedEvent;
  'reseller-report-settings-saved': ResellerReportSettingsSavedEvent;
}
export interface TranscriptionListEvents extends Common {
  'reseller-transcript-open': ResellerTranscriptOpenEvent;
  'reseller-state-change': ResellerStateChangeEvent<TranscriptListState>;
}
export interface BrandEditorEvents extends Common {
  'reseller-brand-change': ResellerBrandChangeEvent;
}
export interface BrandLogoEvents {
  'reseller-request-error': ResellerRequestErrorEvent;
}

/** A state change from any element: the union of their states. */
export type AnyStateChangeEvent = ResellerStateChangeEvent<CustomerTableState | CustomerDetailState | UsageChartState | TranscriptListState>;

/** The kit's events by name: the `reseller-*` entries of the global event map. */
type KitEvents = {[K in keyof GlobalEventHandlersEventMap as K extends `reseller-${string}` ? K : never]: GlobalEventHandlersEventMap[K]};

/**
 * `<reseller-provider>`: its own auth and request errors, and every event that bubbles through it
 * from the elements inside (a host can listen once, on the provider).
 */
export type ProviderEvents = Omit<KitEvents, 'reseller-state-change'> & {'reseller-state-change': AnyStateChangeEvent};

/** Every public tag's events. */
export interface ResellerElementEvents {
  'reseller-provider': ProviderEvents;
  'reseller-customer-table': CustomerTableEvents;
  'reseller-customer-form': CustomerFormEvents;
  // Fires the native `input` and `change`.
  'reseller-phone-field': Record<never, never>;
  'reseller-customer-detail': CustomerDetailEvents;
  'reseller-subscription-panel': SubscriptionPanelEvents;
  'reseller-usage-chart': UsageChartEvents;
  'reseller-usage-dashboard': UsageDashboardEvents;
  'reseller-token-manager': TokenManagerEvents;
  'reseller-user-list': UserListEvents;
  'reseller-transcript-viewer': TranscriptViewerEvents;
  'reseller-report-list': ReportListEvents;
  'reseller-transcription-list': TranscriptionListEvents;
  'reseller-brand-editor': BrandEditorEvents;
  'reseller-brand-logo': BrandLogoEvents;
}
