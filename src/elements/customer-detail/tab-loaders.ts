/**
 * The seam between `<reseller-customer-detail>`'s tabs and the elements that fill them.
 *
 * Each tab shows one standalone element with a `customer-id` attribute. Its code is loaded the
 * first time the tab opens, through the tab's loader: a dynamic `import()` of the element's define
 * module, which registers the tag. A tab whose tag is already registered (the host imported
 * `reseller-elements/define`, or the define module itself) needs no loader. A tab with neither
 * shows "not available" (Usage: the customer's minutes against the quota instead) and switches
 * to the element as soon as its tag is defined. A loader that fails shows an error with a retry.
 *
 *  * A host can pass its own loaders over these (`detail.loaders = {tokens: () => import('…')}`), or
 * `null` for a tab it does not want loaded (it then shows "not available", Usage its meter).
 */

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

/** The kit's own loaders: one dynamic import per define module that exists. */
export const TAB_LOADERS: TabLoaders = {
  subscription: () => import('../../define/subscription-panel.js'),
  usage: () => import('../../define/usage-chart.js'),
  tokens: () => import('../../define/token-manager.js'),
  users: () => import('../../define/user-list.js'),
  transcriptions: () => import('../../define/transcription-list.js'),
};

export function isTab(value: unknown): value is TabId {
  return (TABS as readonly unknown[]).includes(value);
}
