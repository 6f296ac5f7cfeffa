/**
 * Which kit events each React wrapper maps, and to which prop. Data only (no DOM, no React), so
 * tools and tests can read it; src/react/index.ts builds the wrappers from it.
 *
 * An element's list holds the events it fires itself and those that bubble out of its shadow root
 * from the elements it renders: the customer detail's tabs (subscription, tokens) fire theirs
 * through the detail, the dashboard's chart its toasts and request errors through the dashboard.
 */
import type {EventName} from '@lit/react';
import type {ResellerElementEvents} from '../element-events.js';
// The global event map's `reseller-*` entries (declared next to the event classes).
import type {} from '../events.js';

/** The event name of each React prop. */
const EVENT_NAMES = {
  onCustomerOpen: 'reseller-customer-open',
  onCustomerCreated: 'reseller-customer-created',
  onCustomerUpdated: 'reseller-customer-updated',
  onCustomerDeleted: 'reseller-customer-deleted',
  onTokenCreated: 'reseller-token-created',
  onTokenUpdated: 'reseller-token-updated',
  onTokenRevoked: 'reseller-token-revoked',
  onUserUpdated: 'reseller-user-updated',
  onInvitationResent: 'reseller-invitation-resent',
  onBrandChange: 'reseller-brand-change',
  onSubscriptionChange: 'reseller-subscription-change',
  onReportGenerated: 'reseller-report-generated',
  onReportSettingsSaved: 'reseller-report-settings-saved',
  onTranscriptOpen: 'reseller-transcript-open',
  onStateChange: 'reseller-state-change',
  onRequestError: 'reseller-request-error',
  onAuthError: 'reseller-auth-error',
  onToast: 'reseller-toast',
} as const satisfies Record<string, keyof GlobalEventHandlersEventMap & `reseller-${string}`>;

/** The React prop of each event of the kit, with its event class from the global event map. */
export const EVENT_PROPS = EVENT_NAMES as {[P in keyof typeof EVENT_NAMES]: EventName<GlobalEventHandlersEventMap[(typeof EVENT_NAMES)[P]]>};
export type EventProp = keyof typeof EVENT_NAMES;

/** Each wrapped tag and the event props of its wrapper. */
export const ELEMENT_EVENTS = {
  // Its own errors, and every event that bubbles through it from the elements inside.
  'reseller-provider': [
    'onAuthError',
    'onRequestError',
    'onCustomerOpen',
    'onCustomerCreated',
    'onCustomerUpdated',
    'onCustomerDeleted',
    'onTokenCreated',
    'onTokenUpdated',
    'onTokenRevoked',
    'onUserUpdated',
    'onInvitationResent',
    'onSubscriptionChange',
    'onReportGenerated',
    'onReportSettingsSaved',
    'onBrandChange',
    'onTranscriptOpen',
    'onStateChange',
    'onToast',
  ],
  'reseller-customer-table': ['onCustomerOpen', 'onCustomerDeleted', 'onCustomerCreated', 'onStateChange', 'onToast', 'onRequestError'],
  'reseller-customer-form': ['onCustomerCreated', 'onToast', 'onRequestError'],
  // Fires the native `input` and `change`.
  'reseller-phone-field': [],
  'reseller-customer-detail': [
    'onCustomerUpdated',
    'onCustomerDeleted',
    'onStateChange',
    'onSubscriptionChange',
    'onTokenCreated',
    'onTokenUpdated',
    'onTokenRevoked',
    'onUserUpdated',
    'onInvitationResent',
    'onTranscriptOpen',
    'onToast',
    'onRequestError',
  ],
  'reseller-subscription-panel': ['onSubscriptionChange', 'onToast', 'onRequestError'],
  'reseller-usage-chart': ['onStateChange', 'onToast', 'onRequestError'],
  'reseller-usage-dashboard': ['onCustomerOpen', 'onStateChange', 'onToast', 'onRequestError'],
  'reseller-token-manager': ['onTokenCreated', 'onTokenUpdated', 'onTokenRevoked', 'onToast', 'onRequestError'],
  'reseller-user-list': ['onUserUpdated', 'onInvitationResent', 'onToast', 'onRequestError'],
  'reseller-transcript-viewer': ['onToast', 'onRequestError'],
  'reseller-report-list': ['onReportGenerated', 'onReportSettingsSaved', 'onToast', 'onRequestError'],
  'reseller-transcription-list': ['onTranscriptOpen', 'onStateChange', 'onToast', 'onRequestError'],
  'reseller-brand-editor': ['onBrandChange', 'onToast', 'onRequestError'],
  'reseller-brand-logo': ['onRequestError'],
} as const satisfies {[T in keyof ResellerElementEvents]: readonly EventProp[]};
export type WrappedTag = keyof typeof ELEMENT_EVENTS;

/**
 * The typed events map of `tag`'s wrapper: each prop's event class as that element fires it
 * (src/element-events.ts), e.g. the table's `onStateChange` gets
 * `ResellerStateChangeEvent<CustomerTableState>`.
 */
export type EventsOf<T extends WrappedTag> = {
  [P in (typeof ELEMENT_EVENTS)[T][number]]: EventName<
    ResellerElementEvents[T][(typeof EVENT_NAMES)[P] & keyof ResellerElementEvents[T]] & Event
  >;
};

/** The events map `createComponent` takes for `tag`: `{onCustomerOpen: 'reseller-customer-open', …}`, typed. */
export function eventsOf<T extends WrappedTag>(tag: T): EventsOf<T> {
  const picked: Partial<Record<EventProp, string>> = {};
  for (const prop of ELEMENT_EVENTS[tag]) picked[prop] = EVENT_NAMES[prop];
  return picked as EventsOf<T>;
}
