/**
 * JSX typings of the kit's plain tags, for React hosts that write `<reseller-customer-table
 * per-page="50">` instead of using the wrappers. Brought in by `reseller-elements/react` (types
 * only: this module has no runtime code).
 *
 * Attributes take strings (numbers for the numeric ones). React 19 also sets a prop as a property
 * when the element has it (the tag must be defined before React renders it: import
 * `reseller-elements/define` first), so the property-only members (`token`, `getToken`, `strings`,
 * `loaders`, …) are typed too, and it adds a listener for an `on<event-name>` prop whose value is a
 * function (`onreseller-customer-open={(e) => …}`), typed with the kit's event class. React 18 does
 * neither: use the wrappers there.
 */
import type {DetailedHTMLProps, HTMLAttributes} from 'react';
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

/**
 * The kit's events by name: the `reseller-*` entries of the global event map, which src/events.ts
 * and the elements declare next to their event classes.
 */
type KitEvents = {[K in keyof GlobalEventHandlersEventMap as K extends `reseller-${string}` ? K : never]: GlobalEventHandlersEventMap[K]};

/** React 19 listener props: `on<event-name>`. */
type Listeners<N extends keyof KitEvents> = {[K in N as `on${K}`]?: (event: KitEvents[K]) => void};

/** What every element with its own client accepts. */
interface ClientProps {
  'api-base'?: string;
  token?: string | null;
  getToken?: (() => Promise<string> | string) | null;
}

type Tag<E extends HTMLElement, Own, N extends keyof KitEvents = never> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  Own &
  Listeners<N>;

type CommonEvents = 'reseller-toast' | 'reseller-request-error';

/** Each tag's props. */
export interface ResellerIntrinsicElements {
  'reseller-provider': Tag<
    ResellerProvider,
    ClientProps & {locale?: string; live?: boolean; i18n?: ResellerProvider['i18n']; clientOptions?: ResellerProvider['clientOptions']},
    'reseller-auth-error' | 'reseller-request-error'
  >;
  'reseller-customer-table': Tag<
    ResellerCustomerTable,
    ClientProps & {
      strings?: ResellerCustomerTable['strings'];
      'detail-href'?: string;
      sort?: ResellerCustomerTable['sort'];
      order?: ResellerCustomerTable['order'];
      status?: ResellerCustomerTable['status'];
      q?: string;
      page?: number | string;
      'per-page'?: number | string;
    },
    'reseller-customer-open' | 'reseller-customer-deleted' | 'reseller-customer-created' | 'reseller-state-change' | CommonEvents
  >;
  'reseller-customer-form': Tag<
    ResellerCustomerForm,
    ClientProps & {strings?: ResellerCustomerForm['strings']; inline?: boolean; open?: boolean; 'default-country'?: string},
    'reseller-customer-created' | CommonEvents
  >;
  'reseller-phone-field': Tag<
    ResellerPhoneField,
    {label?: string; hint?: string; error?: string; value?: string; 'default-country'?: string; required?: boolean; disabled?: boolean}
  >;
  'reseller-customer-detail': Tag<
    ResellerCustomerDetail,
    ClientProps & {
      strings?: ResellerCustomerDetail['strings'];
      loaders?: ResellerCustomerDetail['loaders'];
      'customer-id'?: number | string;
      tab?: ResellerCustomerDetail['tab'];
      'default-country'?: string;
    },
    | 'reseller-customer-updated'
    | 'reseller-state-change'
    | 'reseller-subscription-change'
    | 'reseller-token-created'
    | 'reseller-token-updated'
    | 'reseller-token-revoked'
    | 'reseller-user-updated'
    | 'reseller-invitation-resent'
    | 'reseller-transcript-open'
    | CommonEvents
  >;
  'reseller-subscription-panel': Tag<
    ResellerSubscriptionPanel,
    ClientProps & {strings?: ResellerSubscriptionPanel['strings']; 'customer-id'?: number | string},
    'reseller-subscription-change' | CommonEvents
  >;
  'reseller-usage-chart': Tag<
    ResellerUsageChart,
    ClientProps & {
      strings?: ResellerUsageChart['strings'];
      'customer-id'?: number | string;
      from?: string;
      to?: string;
      granularity?: NonNullable<ResellerUsageChart['granularity']>;
      metric?: NonNullable<ResellerUsageChart['metric']>;
      'time-zone'?: string;
      'table-view'?: boolean;
    },
    'reseller-state-change' | CommonEvents
  >;
  'reseller-usage-dashboard': Tag<
    ResellerUsageDashboard,
    ClientProps & {
      strings?: ResellerUsageDashboard['strings'];
      'detail-href'?: string;
      from?: string;
      to?: string;
      granularity?: NonNullable<ResellerUsageDashboard['granularity']>;
      metric?: NonNullable<ResellerUsageDashboard['metric']>;
      top?: number | string;
      'time-zone'?: string;
    },
    'reseller-customer-open' | 'reseller-state-change' | CommonEvents
  >;
  'reseller-token-manager': Tag<
    ResellerTokenManager,
    ClientProps & {strings?: ResellerTokenManager['strings']; 'customer-id'?: number | string},
    'reseller-token-created' | 'reseller-token-updated' | 'reseller-token-revoked' | CommonEvents
  >;
  'reseller-transcript-viewer': Tag<
    ResellerTranscriptViewer,
    ClientProps & {strings?: ResellerTranscriptViewer['strings']; 'customer-id'?: number | string; 'transcription-id'?: number | string},
    CommonEvents
  >;
  'reseller-report-list': Tag<
    ResellerReportList,
    ClientProps & {strings?: ResellerReportList['strings']},
    'reseller-report-generated' | 'reseller-report-settings-saved' | CommonEvents
  >;
  'reseller-user-list': Tag<
    ResellerUserList,
    ClientProps & {strings?: ResellerUserList['strings']; 'customer-id'?: number | string},
    'reseller-user-updated' | 'reseller-invitation-resent' | CommonEvents
  >;
  'reseller-transcription-list': Tag<
    ResellerTranscriptionList,
    ClientProps & {
      strings?: ResellerTranscriptionList['strings'];
      'customer-id'?: number | string;
      status?: string;
      from?: string;
      to?: string;
      q?: string;
      page?: number | string;
      'per-page'?: number | string;
    },
    'reseller-transcript-open' | 'reseller-state-change' | CommonEvents
  >;
  'reseller-brand-editor': Tag<
    ResellerBrandEditor,
    ClientProps & {strings?: ResellerBrandEditor['strings']; 'apply-to'?: string},
    'reseller-brand-change' | CommonEvents
  >;
  'reseller-brand-logo': Tag<
    ResellerBrandLogo,
    ClientProps & {strings?: ResellerBrandLogo['strings']; 'apply-to'?: string},
    'reseller-request-error'
  >;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends ResellerIntrinsicElements {}
  }
}
