/**
 * The seam between `<reseller-customer-detail>`'s tabs and the elements that fill them.
 *
 * Each tab shows one standalone element with a `customer-id` attribute. Its code is loaded the
 * first time the tab opens, through the tab's loader: a dynamic `import()` of the element's public
 * module, then `defineElement()` (shared/registration.ts), which registers it with the
 * sub-elements it declares. A tab whose tag is already registered (the host imported
 * `reseller-elements/define`, or the define module itself) needs no loader. A tab with neither
 * shows "not available" (Usage: the customer's minutes against the quota instead) and switches
 * to the element as soon as its tag is defined. A loader that fails shows an error with a retry.
 *
 *  * A host can pass its own loaders over these (`detail.loaders = {tokens: () => import('…')}`), or
 * `null` for a tab it does not want loaded (it then shows "not available", Usage its meter).
 */

import {defineElement} from '../shared/registration.js';

export const TABS = ['subscription', 'usage', 'tokens', 'users', 'transcriptions'] as const;
export type TabId = (typeof TABS)[number];

/** The element each tab shows (`<tag customer-id="…">`). */
export const TAB_TAGS: Readonly<Record<TabId, string>> = {
  subscription: 'reseller-subscription-panel',
  usage: 'reseller-usage-chart',
  tokens: 'reseller-token-manager',
  users: 'reseller-user-list',
  transcriptions: 'reseller-transcription-list',
};

/** Loads (and registers) a tab's element; rejects when it cannot. */
export type TabLoader = () => Promise<unknown>;
/** Per tab: a loader, or `null` for none (the tab shows "not available" until its tag is defined). */
export type TabLoaders = Partial<Record<TabId, TabLoader | null>>;

/** The kit's own loaders: each tab's element module, loaded on first use and registered. */
export const TAB_LOADERS: TabLoaders = {
  subscription: () => import('../subscription-panel/subscription-panel.js').then((m) => defineElement(TAB_TAGS.subscription, m.ResellerSubscriptionPanel)),
  usage: () => import('../usage-chart/usage-chart.js').then((m) => defineElement(TAB_TAGS.usage, m.ResellerUsageChart)),
  tokens: () => import('../token-manager/token-manager.js').then((m) => defineElement(TAB_TAGS.tokens, m.ResellerTokenManager)),
  users: () => import('../user-list/user-list.js').then((m) => defineElement(TAB_TAGS.users, m.ResellerUserList)),
  transcriptions: () => import('../transcription-list/transcription-list.js').then((m) => defineElement(TAB_TAGS.transcriptions, m.ResellerTranscriptionList)),
};

export function isTab(value: unknown): value is TabId {
  return (TABS as readonly unknown[]).includes(value);
}
