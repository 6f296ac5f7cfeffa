/**
 * `reseller-elements/vue`: Vue 3 support.
 *
 * Types: importing this module (`import type {} from 'reseller-elements/vue'` is enough) adds the
 * kit's tags to Vue's `GlobalComponents`, so `vue-tsc` checks their props (`per-page="30"` is an
 * error, `:customer-id="id"` must be a number) and types their events (`@reseller-state-change`
 * gets the element's own state) in SFC templates. Follows Vue's guide for custom elements not
 * built with Vue ("Non-Vue Web Components and TypeScript"): the `$props` and `$emit` below exist
 * for template type checking only, not on the element.
 *
 * Runtime: `isCustomElement` and `compilerOptions` for Vue's template compiler, so it leaves the
 * kit's tags to the browser: `vue({template: {compilerOptions}})` in vite.config.
 *
 * Registering the elements is separate (`import 'reseller-elements/define'` or a define module).
 */
import type {EmitFn, HTMLAttributes, PublicProps} from 'vue';
import type {PerPage} from '../contract/schemas.js';
import type {ResellerElementEvents} from '../element-events.js';
import type {ResellerBrandEditor} from '../elements/brand-editor/brand-editor.js';
import type {ResellerBrandLogo} from '../elements/brand-logo/brand-logo.js';
import type {ResellerCustomerDetail} from '../elements/customer-detail/customer-detail.js';
import type {ResellerCustomerForm} from '../elements/customer-form/customer-form.js';
import type {ResellerPhoneField} from '../elements/phone-field/phone-field.js';
import type {ResellerCustomerTable} from '../elements/customer-table/customer-table.js';
import type {ResellerProvider} from '../elements/provider/provider.js';
import type {ResellerSubscriptionPanel} from '../elements/subscription-panel/subscription-panel.js';
import type {ResellerTokenManager} from '../elements/token-manager/token-manager.js';
import type {ResellerTranscriptViewer} from '../elements/transcript-viewer/transcript-viewer.js';
import type {ResellerReportList} from '../elements/report-list/report-list.js';
import type {ResellerTranscriptionList} from '../elements/transcription-list/transcription-list.js';
import type {ResellerUsageChart} from '../elements/usage-chart/usage-chart.js';
import type {ResellerUsageDashboard} from '../elements/usage-dashboard/usage-dashboard.js';
import type {ResellerUserList} from '../elements/user-list/user-list.js';

/** Vue's compiler must leave every `reseller-*` tag to the browser (they are custom elements). */
export const isCustomElement = (tag: string): boolean => tag.startsWith('reseller-');

/** `@vitejs/plugin-vue`'s `template.compilerOptions` (or `app.config.compilerOptions` with the in-browser compiler). */
export const compilerOptions = {isCustomElement};

/** A number or boolean property also takes its attribute's text (`per-page="50"`, `table-view=""`). */
type AttributeForm<T> = T extends number ? T | `${T}` : T extends boolean ? T | '' : T;
type PropsOf<E, K extends keyof E> = {[P in K]?: AttributeForm<E[P]>};
type PageSizeProps = {perPage?: PerPage | `${PerPage}`};
type Client = 'apiBase' | 'token' | 'getToken';
type VueEmit<T> = EmitFn<{[K in keyof T]: (event: T[K]) => void}>;

/** The Vue component type of a kit element: its typed props and events, for templates only. */
export type ResellerVueElement<E extends HTMLElement, Props, Events> = new () => E & {
  /** @deprecated For template type checking only; the element has no `$props`. */
  $props: HTMLAttributes & Props & PublicProps;
  /** @deprecated For template type checking only; the element has no `$emit`. */
  $emit: VueEmit<Events>;
};
type Tag<E extends HTMLElement, K extends keyof E, T extends keyof ResellerElementEvents, Extra = unknown> = ResellerVueElement<
  E,
  Omit<PropsOf<E, K>, keyof Extra> & Extra,
  ResellerElementEvents[T]
>;

/** Every public tag as Vue sees it in a template. */
export interface ResellerGlobalComponents {
  'reseller-provider': Tag<ResellerProvider, Client | 'locale' | 'live' | 'i18n' | 'clientOptions', 'reseller-provider'>;
  'reseller-customer-table': Tag<
    ResellerCustomerTable,
    Client | 'strings' | 'detailHref' | 'sort' | 'order' | 'status' | 'q' | 'page',
    'reseller-customer-table',
    PageSizeProps
  >;
  'reseller-customer-form': Tag<ResellerCustomerForm, Client | 'strings' | 'inline' | 'defaultCountry', 'reseller-customer-form', {open?: boolean | ''}>;
  'reseller-phone-field': Tag<
    ResellerPhoneField,
    'label' | 'hint' | 'error' | 'value' | 'defaultCountry' | 'required' | 'disabled' | 'autocomplete',
    'reseller-phone-field'
  >;
  'reseller-customer-detail': Tag<ResellerCustomerDetail, Client | 'strings' | 'loaders' | 'customerId' | 'tab' | 'defaultCountry', 'reseller-customer-detail'>;
  'reseller-subscription-panel': Tag<ResellerSubscriptionPanel, Client | 'strings' | 'customerId', 'reseller-subscription-panel'>;
  'reseller-usage-chart': Tag<
    ResellerUsageChart,
    Client | 'strings' | 'customerId' | 'from' | 'to' | 'granularity' | 'metric' | 'timeZone' | 'tableView',
    'reseller-usage-chart'
  >;
  'reseller-usage-dashboard': Tag<
    ResellerUsageDashboard,
    Client | 'strings' | 'detailHref' | 'from' | 'to' | 'granularity' | 'metric' | 'top' | 'timeZone',
    'reseller-usage-dashboard'
  >;
  'reseller-token-manager': Tag<ResellerTokenManager, Client | 'strings' | 'customerId', 'reseller-token-manager'>;
  'reseller-transcript-viewer': Tag<ResellerTranscriptViewer, Client | 'strings' | 'customerId' | 'transcriptionId', 'reseller-transcript-viewer'>;
  'reseller-report-list': Tag<ResellerReportList, Client | 'strings', 'reseller-report-list'>;
  'reseller-user-list': Tag<ResellerUserList, Client | 'strings' | 'customerId', 'reseller-user-list'>;
  'reseller-transcription-list': Tag<
    ResellerTranscriptionList,
    Client | 'strings' | 'customerId' | 'status' | 'from' | 'to' | 'q' | 'page',
    'reseller-transcription-list',
    PageSizeProps
  >;
  'reseller-brand-editor': Tag<ResellerBrandEditor, Client | 'strings' | 'applyTo', 'reseller-brand-editor'>;
  'reseller-brand-logo': Tag<ResellerBrandLogo, Client | 'strings' | 'applyTo', 'reseller-brand-logo'>;
}

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends ResellerGlobalComponents {}
}
