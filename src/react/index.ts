/**
 * `reseller-elements/react`: React components for every element of the kit, made with
 * `@lit/react`'s `createComponent`. Properties (objects and functions too: `token`, `getToken`,
 * `strings`, `loaders`, …) are set as properties, the kit's events are typed callbacks
 * (`onCustomerOpen`, `onCustomerDeleted`, …), and a `ref` is the element itself.
 *
 * Importing this module registers every wrapped element (it imports their define modules), so a
 * host needs nothing else. React itself comes from the host (an optional peer dependency): this
 * module only hands it to `createComponent`.
 *
 * It also brings the JSX typings of the plain tags (`<reseller-customer-table per-page="50">`), for
 * hosts that write the tags directly (React 19 sets properties and `on<event-name>` listeners on
 * custom elements by itself): see ./jsx.ts.
 *
 * Events that bubble out of an element's own shadow root are listed for that element too: the
 * customer detail's tabs (subscription, tokens) fire theirs through the detail, the dashboard's
 * chart its toasts and request errors through the dashboard.
 */
import * as React from 'react';
import {createComponent, type EventName} from '@lit/react';
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
import {ResellerBrandEditor as BrandEditorElement} from '../define/brand-editor.js';
import {ResellerBrandLogo as BrandLogoElement} from '../define/brand-logo.js';
import {ResellerCustomerDetail as CustomerDetailElement} from '../define/customer-detail.js';
import {ResellerCustomerForm as CustomerFormElement, ResellerPhoneField as PhoneFieldElement} from '../define/customer-form.js';
import {ResellerCustomerTable as CustomerTableElement} from '../define/customer-table.js';
import {ResellerProvider as ProviderElement} from '../define/provider.js';
import {ResellerSubscriptionPanel as SubscriptionPanelElement} from '../define/subscription-panel.js';
import {ResellerTokenManager as TokenManagerElement} from '../define/token-manager.js';
import {ResellerTranscriptionList as TranscriptionListElement} from '../define/transcription-list.js';
import {ResellerUsageChart as UsageChartElement} from '../define/usage-chart.js';
import {ResellerUsageDashboard as UsageDashboardElement} from '../define/usage-dashboard.js';
import {ResellerUserList as UserListElement} from '../define/user-list.js';

export type {EventName, ReactWebComponent} from '@lit/react';
export type {ResellerIntrinsicElements} from './jsx.js';

/** The React prop of each event of the kit, with its typed event. */
const EVENTS = {
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
type Events = typeof EVENTS;
type EventProp = keyof Events;

/** The events map of one element: `{onCustomerOpen: 'reseller-customer-open', …}`, typed. */
function events<K extends EventProp>(...props: K[]): Pick<Events, K> {
  const picked = {} as Pick<Events, K>;
  for (const prop of props) picked[prop] = EVENTS[prop];
  return picked;
}

/** Every event the React wrappers map, prop name to event name (for hosts and tests). */
export const REACT_EVENT_PROPS: Readonly<Record<EventProp, string>> = EVENTS;

/** `<reseller-provider>`: the API client, token and locale for the elements inside (its children). */
export const ResellerProvider = createComponent({
  react: React,
  tagName: 'reseller-provider',
  elementClass: ProviderElement,
  events: events('onAuthError', 'onRequestError'),
  displayName: 'ResellerProvider',
});

export const ResellerCustomerTable = createComponent({
  react: React,
  tagName: 'reseller-customer-table',
  elementClass: CustomerTableElement,
  events: events('onCustomerOpen', 'onCustomerDeleted', 'onCustomerCreated', 'onStateChange', 'onToast', 'onRequestError'),
  displayName: 'ResellerCustomerTable',
});

export const ResellerCustomerForm = createComponent({
  react: React,
  tagName: 'reseller-customer-form',
  elementClass: CustomerFormElement,
  events: events('onCustomerCreated', 'onToast', 'onRequestError'),
  displayName: 'ResellerCustomerForm',
});

/** `<reseller-phone-field>`: the form's phone input (fires the native `input`/`change`). */
export const ResellerPhoneField = createComponent({
  react: React,
  tagName: 'reseller-phone-field',
  elementClass: PhoneFieldElement,
  displayName: 'ResellerPhoneField',
});

export const ResellerCustomerDetail = createComponent({
  react: React,
  tagName: 'reseller-customer-detail',
  elementClass: CustomerDetailElement,
  events: events(
    'onCustomerUpdated',
    'onStateChange',
    'onSubscriptionChange',
    'onTokenCreated',
    'onTokenRevoked',
    'onToast',
    'onRequestError',
  ),
  displayName: 'ResellerCustomerDetail',
});

export const ResellerSubscriptionPanel = createComponent({
  react: React,
  tagName: 'reseller-subscription-panel',
  elementClass: SubscriptionPanelElement,
  events: events('onSubscriptionChange', 'onToast', 'onRequestError'),
  displayName: 'ResellerSubscriptionPanel',
});

export const ResellerUsageChart = createComponent({
  react: React,
  tagName: 'reseller-usage-chart',
  elementClass: UsageChartElement,
  events: events('onStateChange', 'onToast', 'onRequestError'),
  displayName: 'ResellerUsageChart',
});

export const ResellerUsageDashboard = createComponent({
  react: React,
  tagName: 'reseller-usage-dashboard',
  elementClass: UsageDashboardElement,
  events: events('onCustomerOpen', 'onStateChange', 'onToast', 'onRequestError'),
  displayName: 'ResellerUsageDashboard',
});

export const ResellerTokenManager = createComponent({
  react: React,
  tagName: 'reseller-token-manager',
  elementClass: TokenManagerElement,
  events: events('onTokenCreated', 'onTokenRevoked', 'onToast', 'onRequestError'),
  displayName: 'ResellerTokenManager',
});

export const ResellerUserList = createComponent({
  react: React,
  tagName: 'reseller-user-list',
  elementClass: UserListElement,
  events: events('onToast', 'onRequestError'),
  displayName: 'ResellerUserList',
});

export const ResellerTranscriptionList = createComponent({
  react: React,
  tagName: 'reseller-transcription-list',
  elementClass: TranscriptionListElement,
  events: events('onStateChange', 'onToast', 'onRequestError'),
  displayName: 'ResellerTranscriptionList',
});

export const ResellerBrandEditor = createComponent({
  react: React,
  tagName: 'reseller-brand-editor',
  elementClass: BrandEditorElement,
  events: events('onBrandChange', 'onToast', 'onRequestError'),
  displayName: 'ResellerBrandEditor',
});

export const ResellerBrandLogo = createComponent({
  react: React,
  tagName: 'reseller-brand-logo',
  elementClass: BrandLogoElement,
  events: events('onRequestError'),
  displayName: 'ResellerBrandLogo',
});

/** Each tag and its React component, for hosts that look components up by tag. */
export const REACT_COMPONENTS = {
  'reseller-provider': ResellerProvider,
  'reseller-customer-table': ResellerCustomerTable,
  'reseller-customer-form': ResellerCustomerForm,
  'reseller-phone-field': ResellerPhoneField,
  'reseller-customer-detail': ResellerCustomerDetail,
  'reseller-subscription-panel': ResellerSubscriptionPanel,
  'reseller-usage-chart': ResellerUsageChart,
  'reseller-usage-dashboard': ResellerUsageDashboard,
  'reseller-token-manager': ResellerTokenManager,
  'reseller-user-list': ResellerUserList,
  'reseller-transcription-list': ResellerTranscriptionList,
  'reseller-brand-editor': ResellerBrandEditor,
  'reseller-brand-logo': ResellerBrandLogo,
} as const;
