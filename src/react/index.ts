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
 * Which events each wrapper maps (with those that bubble out of the elements it renders): ./events.ts.
 */
import * as React from 'react';
import {createComponent} from '@lit/react';
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
import {eventsOf} from './events.js';

export type {EventName, ReactWebComponent} from '@lit/react';
export type {ResellerIntrinsicElements} from './jsx.js';
export {ELEMENT_EVENTS, EVENT_PROPS, type EventProp, type WrappedTag} from './events.js';

/** `<reseller-provider>`: the API client, token and locale for the elements inside (its children). */
export const ResellerProvider = createComponent({
  react: React,
  tagName: 'reseller-provider',
  elementClass: ProviderElement,
  events: eventsOf('reseller-provider'),
  displayName: 'ResellerProvider',
});

export const ResellerCustomerTable = createComponent({
  react: React,
  tagName: 'reseller-customer-table',
  elementClass: CustomerTableElement,
  events: eventsOf('reseller-customer-table'),
  displayName: 'ResellerCustomerTable',
});

export const ResellerCustomerForm = createComponent({
  react: React,
  tagName: 'reseller-customer-form',
  elementClass: CustomerFormElement,
  events: eventsOf('reseller-customer-form'),
  displayName: 'ResellerCustomerForm',
});

/** `<reseller-phone-field>`: the form's phone input (fires the native `input`/`change`). */
export const ResellerPhoneField = createComponent({
  react: React,
  tagName: 'reseller-phone-field',
  elementClass: PhoneFieldElement,
  events: eventsOf('reseller-phone-field'),
  displayName: 'ResellerPhoneField',
});

export const ResellerCustomerDetail = createComponent({
  react: React,
  tagName: 'reseller-customer-detail',
  elementClass: CustomerDetailElement,
  events: eventsOf('reseller-customer-detail'),
  displayName: 'ResellerCustomerDetail',
});

export const ResellerSubscriptionPanel = createComponent({
  react: React,
  tagName: 'reseller-subscription-panel',
  elementClass: SubscriptionPanelElement,
  events: eventsOf('reseller-subscription-panel'),
  displayName: 'ResellerSubscriptionPanel',
});

export const ResellerUsageChart = createComponent({
  react: React,
  tagName: 'reseller-usage-chart',
  elementClass: UsageChartElement,
  events: eventsOf('reseller-usage-chart'),
  displayName: 'ResellerUsageChart',
});

export const ResellerUsageDashboard = createComponent({
  react: React,
  tagName: 'reseller-usage-dashboard',
  elementClass: UsageDashboardElement,
  events: eventsOf('reseller-usage-dashboard'),
  displayName: 'ResellerUsageDashboard',
});

export const ResellerTokenManager = createComponent({
  react: React,
  tagName: 'reseller-token-manager',
  elementClass: TokenManagerElement,
  events: eventsOf('reseller-token-manager'),
  displayName: 'ResellerTokenManager',
});

export const ResellerUserList = createComponent({
  react: React,
  tagName: 'reseller-user-list',
  elementClass: UserListElement,
  events: eventsOf('reseller-user-list'),
  displayName: 'ResellerUserList',
});

export const ResellerTranscriptionList = createComponent({
  react: React,
  tagName: 'reseller-transcription-list',
  elementClass: TranscriptionListElement,
  events: eventsOf('reseller-transcription-list'),
  displayName: 'ResellerTranscriptionList',
});

export const ResellerBrandEditor = createComponent({
  react: React,
  tagName: 'reseller-brand-editor',
  elementClass: BrandEditorElement,
  events: eventsOf('reseller-brand-editor'),
  displayName: 'ResellerBrandEditor',
});

export const ResellerBrandLogo = createComponent({
  react: React,
  tagName: 'reseller-brand-logo',
  elementClass: BrandLogoElement,
  events: eventsOf('reseller-brand-logo'),
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
