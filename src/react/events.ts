/**
 * Which kit events each React wrapper maps, and to which prop. Data only (no DOM, no React), so
 * tools and tests can read it; src/react/index.ts builds the wrappers from it.
 *
 * An element's list holds the events it fires itself and those that bubble out of its shadow root
 * from the elements it renders: the customer detail's tabs (subscription, tokens) fire theirs
 * through the detail, the dashboard's chart its toasts and request errors through the dashboard.
 */
import type {EventName} from '@lit/react';
import type {
  ResellerAuthErrorEvent,
  ResellerBrandChangeEvent,
  ResellerCustomerCreatedEvent,
  ResellerCustomerDeletedEvent,
  ResellerCustomerOpenEvent,
  ResellerCustomerUpdatedEvent,
  ResellerRequestErrorEvent,
  ResellerStateChangeEvent,
  ResellerToastEvent,
  ResellerTokenCreatedEvent,
  ResellerTokenRevokedEvent,
} from '../events.js';
import type {ResellerSubscriptionChangeEvent} from '../elements/subscription-panel/subscription-panel.js';

/** The React prop of each event of the kit, with its typed event. */
export const EVENT_PROPS = {
  onCustomerOpen: 'reseller-customer-open' as EventName<ResellerCustomerOpenEvent>,
  onCustomerCreated: 'reseller-customer-created' as EventName<ResellerCustomerCreatedEvent>,
  onCustomerUpdated: 'reseller-customer-updated' as EventName<ResellerCustomerUpdatedEvent>,
  onCustomerDeleted: 'reseller-customer-deleted' as EventName<ResellerCustomerDeletedEvent>,
  onTokenCreated: 'reseller-token-created' as EventName<ResellerTokenCreatedEvent>,
  onTokenRevoked: 'reseller-token-revoked' as EventName<ResellerTokenRevokedEvent>,
  onBrandChange: 'reseller-brand-change' as EventName<ResellerBrandChangeEvent>,
  onSubscriptionChange: 'reseller-subscription-change' as EventName<ResellerSubscriptionChangeEvent>,
  onStateChange: 'reseller-state-change' as EventName<ResellerStateChangeEvent>,
  onRequestError: 'reseller-request-error' as EventName<ResellerRequestErrorEvent>,
  onAuthError: 'reseller-auth-error' as EventName<ResellerAuthErrorEvent>,
  onToast: 'reseller-toast' as EventName<ResellerToastEvent>,
};
export type EventProp = keyof typeof EVENT_PROPS;

/** Each wrapped tag and the event props of its wrapper. */
export const ELEMENT_EVENTS = {
  'reseller-provider': ['onAuthError', 'onRequestError'],
  'reseller-customer-table': ['onCustomerOpen', 'onCustomerDeleted', 'onCustomerCreated', 'onStateChange', 'onToast', 'onRequestError'],
  'reseller-customer-form': ['onCustomerCreated', 'onToast', 'onRequestError'],
  // Fires the native `input` and `change`.
  'reseller-phone-field': [],
  'reseller-customer-detail': [
    'onCustomerUpdated',
    'onStateChange',
    'onSubscriptionChange',
    'onTokenCreated',
    'onTokenRevoked',
    'onToast',
    'onRequestError',
  ],
  'reseller-subscription-panel': ['onSubscriptionChange', 'onToast', 'onRequestError'],
  'reseller-usage-chart': ['onStateChange', 'onToast', 'onRequestError'],
  'reseller-usage-dashboard': ['onCustomerOpen', 'onStateChange', 'onToast', 'onRequestError'],
  'reseller-token-manager': ['onTokenCreated', 'onTokenRevoked', 'onToast', 'onRequestError'],
  'reseller-user-list': ['onToast', 'onRequestError'],
  'reseller-transcription-list': ['onStateChange', 'onToast', 'onRequestError'],
  'reseller-brand-editor': ['onBrandChange', 'onToast', 'onRequestError'],
  'reseller-brand-logo': ['onRequestError'],
} as const satisfies Record<string, readonly EventProp[]>;
export type WrappedTag = keyof typeof ELEMENT_EVENTS;

/** The events map `createComponent` takes for `tag`: `{onCustomerOpen: 'reseller-customer-open', …}`, typed. */
export function eventsOf<T extends WrappedTag>(tag: T): Pick<typeof EVENT_PROPS, (typeof ELEMENT_EVENTS)[T][number]> {
  const picked: Partial<Record<EventProp, string>> = {};
  for (const prop of ELEMENT_EVENTS[tag]) picked[prop] = EVENT_PROPS[prop];
  return picked as Pick<typeof EVENT_PROPS, (typeof ELEMENT_EVENTS)[T][number]>;
}
