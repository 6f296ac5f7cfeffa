/**
 * `reseller-elements/react`: React components for every element of the kit, made with
 * `@lit/react`'s `createComponent`. Properties (objects and functions too: `token`, `getToken`,
 * `strings`, `loaders`, …) are set as properties, the kit's events are typed callbacks
 * (`onCustomerOpen`, `onCustomerDeleted`, …), and a `ref` is the element itself.
 *
 * Importing this module registers every wrapped element (it imports their define modules), so a
 * host needs nothing else. A page that uses a few elements imports their own entries instead
 * (`reseller-elements/react/customer-table`, …: ./<name>.ts), which register only those. React
 * itself comes from the host (an optional peer dependency): ./wrap.ts only hands it to
 * `createComponent`. Each element's type is exported as `…Element`: the component has the bare name.
 *
 * It also brings the JSX typings of the plain tags (`<reseller-customer-table per-page="50">`), for
 * hosts that write the tags directly (React 19 sets properties and `on<event-name>` listeners on
 * custom elements by itself): see ./jsx.ts.
 *
 * Which events each wrapper maps (with those that bubble out of the elements it renders): ./events.ts.
 */
import {ResellerProvider} from './provider.js';
import {ResellerCustomerTable} from './customer-table.js';
import {ResellerCustomerForm, ResellerPhoneField} from './customer-form.js';
import {ResellerCustomerDetail} from './customer-detail.js';
import {ResellerSubscriptionPanel} from './subscription-panel.js';
import {ResellerUsageChart} from './usage-chart.js';
import {ResellerUsageDashboard} from './usage-dashboard.js';
import {ResellerTokenManager} from './token-manager.js';
import {ResellerTranscriptViewer} from './transcript-viewer.js';
import {ResellerReportList} from './report-list.js';
import {ResellerUserList} from './user-list.js';
import {ResellerTranscriptionList} from './transcription-list.js';
import {ResellerBrandEditor} from './brand-editor.js';
import {ResellerBrandLogo} from './brand-logo.js';

export * from './provider.js';
export * from './customer-table.js';
export * from './customer-form.js';
export * from './customer-detail.js';
export * from './subscription-panel.js';
export * from './usage-chart.js';
export * from './usage-dashboard.js';
export * from './token-manager.js';
export * from './transcript-viewer.js';
export * from './report-list.js';
export * from './user-list.js';
export * from './transcription-list.js';
export * from './brand-editor.js';
export * from './brand-logo.js';
export type {EventName, ReactWebComponent} from '@lit/react';
export type {ResellerIntrinsicElements} from './jsx.js';
export {ELEMENT_EVENTS, EVENT_PROPS, type EventProp, type WrappedTag} from './events.js';

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
  'reseller-transcript-viewer': ResellerTranscriptViewer,
  'reseller-report-list': ResellerReportList,
  'reseller-user-list': ResellerUserList,
  'reseller-transcription-list': ResellerTranscriptionList,
  'reseller-brand-editor': ResellerBrandEditor,
  'reseller-brand-logo': ResellerBrandLogo,
} as const;
