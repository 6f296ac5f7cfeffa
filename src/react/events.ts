/**
 * Which kit events each React wrapper maps, and to which prop. Data only (no DOM, no React), so
 * tools and tests can read it; src/react/index.ts builds the wrappers from it.
 *
 * An element's list holds the events it fires itself and those that bubble out of its shadow root
 * from the elements it renders: the customer detail's tabs (subscription, tokens) fire theirs
 * through the detail, the dashboard's chart its toasts and request errors through the dashboard.
 */
import type {EventName} from '@lit/react';
// The global event map's `reseller-*` entries (declared next to the event classes).
import type {} from '../events.js';
import type {} from '../elements/subscription-panel/subscription-panel.js';

/** An event name typed with its event class, from the global event map. */
const kitEvent = <K extends keyof GlobalEventHandlersEventMap & `reseller-${string}`>(name: K) => name as EventName<GlobalEventHandlersEventMap[K]>;

/** The React prop of each event of the kit, with its typed event. */
export const EVENT_PROPS = {
  onCustomerOpen: kitEvent('reseller-customer-open'),
  onCustomerCreated: kitEvent('reseller-customer-created'),
  onCustomerUpdated: kitEvent('reseller-customer-updated'),
  onCustomerDeleted: kitEvent('reseller-customer-deleted'),
  onTokenCreated: kitEvent('reseller-token-created'),
  onTokenRevoked: kitEvent('reseller-token-revoked'),
  onBrandChange: kitEvent('reseller-brand-change'),
  onSubscriptionChange: kitEvent('reseller-subscription-change'),
  onStateChange: kitEvent('reseller-state-change'),
  onRequestError: kitEvent('reseller-request-error'),
  onAuthError: kitEvent('reseller-auth-error'),
  onToast: kitEvent('reseller-toast'),
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
