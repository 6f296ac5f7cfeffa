/**
 * The element classes' former names on the main entry, kept working: `ResellerCustomerTable` was
 * both the element class (here) and the React component (`reseller-elements/react`). The classes
 * are `Reseller…Element` now (src/index.ts); these aliases are deprecated (CHANGELOG, "Deprecated")
 * and go away in a later minor release, as the README's versioning policy says.
 */
import {ResellerProvider as ResellerProviderElement} from './elements/provider/provider.js';
import {ResellerCustomerTable as ResellerCustomerTableElement} from './elements/customer-table/customer-table.js';
import {ResellerCustomerForm as ResellerCustomerFormElement} from './elements/customer-form/customer-form.js';
import {ResellerPhoneField as ResellerPhoneFieldElement} from './elements/phone-field/phone-field.js';
import {ResellerCustomerDetail as ResellerCustomerDetailElement} from './elements/customer-detail/customer-detail.js';
import {ResellerSubscriptionPanel as ResellerSubscriptionPanelElement} from './elements/subscription-panel/subscription-panel.js';
import {ResellerUsageChart as ResellerUsageChartElement} from './elements/usage-chart/usage-chart.js';
import {ResellerTokenManager as ResellerTokenManagerElement} from './elements/token-manager/token-manager.js';
import {ResellerUserList as ResellerUserListElement} from './elements/user-list/user-list.js';
import {ResellerTranscriptionList as ResellerTranscriptionListElement} from './elements/transcription-list/transcription-list.js';
import {ResellerBrandEditor as ResellerBrandEditorElement} from './elements/brand-editor/brand-editor.js';
import {ResellerBrandLogo as ResellerBrandLogoElement} from './elements/brand-logo/brand-logo.js';
import {ResellerUsageDashboard as ResellerUsageDashboardElement} from './elements/usage-dashboard/usage-dashboard.js';

/** @deprecated Use `ResellerProviderElement`; `ResellerProvider` is the React component's name (`reseller-elements/react`). */
export const ResellerProvider = ResellerProviderElement;
/** @deprecated Use `ResellerProviderElement`. */
export type ResellerProvider = ResellerProviderElement;

/** @deprecated Use `ResellerCustomerTableElement`; `ResellerCustomerTable` is the React component's name (`reseller-elements/react`). */
export const ResellerCustomerTable = ResellerCustomerTableElement;
/** @deprecated Use `ResellerCustomerTableElement`. */
export type ResellerCustomerTable = ResellerCustomerTableElement;

/** @deprecated Use `ResellerCustomerFormElement`; `ResellerCustomerForm` is the React component's name (`reseller-elements/react`). */
export const ResellerCustomerForm = ResellerCustomerFormElement;
/** @deprecated Use `ResellerCustomerFormElement`. */
export type ResellerCustomerForm = ResellerCustomerFormElement;

/** @deprecated Use `ResellerPhoneFieldElement`; `ResellerPhoneField` is the React component's name (`reseller-elements/react`). */
export const ResellerPhoneField = ResellerPhoneFieldElement;
/** @deprecated Use `ResellerPhoneFieldElement`. */
export type ResellerPhoneField = ResellerPhoneFieldElement;

/** @deprecated Use `ResellerCustomerDetailElement`; `ResellerCustomerDetail` is the React component's name (`reseller-elements/react`). */
export const ResellerCustomerDetail = ResellerCustomerDetailElement;
/** @deprecated Use `ResellerCustomerDetailElement`. */
export type ResellerCustomerDetail = ResellerCustomerDetailElement;

/** @deprecated Use `ResellerSubscriptionPanelElement`; `ResellerSubscriptionPanel` is the React component's name (`reseller-elements/react`). */
export const ResellerSubscriptionPanel = ResellerSubscriptionPanelElement;
/** @deprecated Use `ResellerSubscriptionPanelElement`. */
export type ResellerSubscriptionPanel = ResellerSubscriptionPanelElement;

/** @deprecated Use `ResellerUsageChartElement`; `ResellerUsageChart` is the React component's name (`reseller-elements/react`). */
export const ResellerUsageChart = ResellerUsageChartElement;
/** @deprecated Use `ResellerUsageChartElement`. */
export type ResellerUsageChart = ResellerUsageChartElement;

/** @deprecated Use `ResellerTokenManagerElement`; `ResellerTokenManager` is the React component's name (`reseller-elements/react`). */
export const ResellerTokenManager = ResellerTokenManagerElement;
/** @deprecated Use `ResellerTokenManagerElement`. */
export type ResellerTokenManager = ResellerTokenManagerElement;

/** @deprecated Use `ResellerUserListElement`; `ResellerUserList` is the React component's name (`reseller-elements/react`). */
export const ResellerUserList = ResellerUserListElement;
/** @deprecated Use `ResellerUserListElement`. */
export type ResellerUserList = ResellerUserListElement;

/** @deprecated Use `ResellerTranscriptionListElement`; `ResellerTranscriptionList` is the React component's name (`reseller-elements/react`). */
export const ResellerTranscriptionList = ResellerTranscriptionListElement;
/** @deprecated Use `ResellerTranscriptionListElement`. */
export type ResellerTranscriptionList = ResellerTranscriptionListElement;

/** @deprecated Use `ResellerBrandEditorElement`; `ResellerBrandEditor` is the React component's name (`reseller-elements/react`). */
export const ResellerBrandEditor = ResellerBrandEditorElement;
/** @deprecated Use `ResellerBrandEditorElement`. */
export type ResellerBrandEditor = ResellerBrandEditorElement;

/** @deprecated Use `ResellerBrandLogoElement`; `ResellerBrandLogo` is the React component's name (`reseller-elements/react`). */
export const ResellerBrandLogo = ResellerBrandLogoElement;
/** @deprecated Use `ResellerBrandLogoElement`. */
export type ResellerBrandLogo = ResellerBrandLogoElement;

/** @deprecated Use `ResellerUsageDashboardElement`; `ResellerUsageDashboard` is the React component's name (`reseller-elements/react`). */
export const ResellerUsageDashboard = ResellerUsageDashboardElement;
/** @deprecated Use `ResellerUsageDashboardElement`. */
export type ResellerUsageDashboard = ResellerUsageDashboardElement;
