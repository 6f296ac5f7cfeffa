/**
 * `reseller-elements/autoloader`: a page pays only for the elements it uses. When this module loads,
 * it finds the undefined `reseller-*` elements in the document and imports each one's define module
 * (`define/<name>.js`); one MutationObserver (childList, subtree) on the document does the same for
 * elements added later. Elements inside a host's own shadow roots are out of its sight: call
 * `discover(shadowRoot)`. `stop()` disconnects the observer.
 *
 * Each define module is imported once. A failed import logs one console error naming the tag, and
 * the tag is tried again the next time it is discovered. Without a DOM (Node, an SSR build) the
 * module does nothing.
 *
 * scripts/build.mjs fails when a `src/define/<name>.ts` has no `'reseller-<name>'` entry below (or
 * an entry points at a define module that does not register its tag).
 */

/** Imports the define module that registers a tag. */
export type TagLoader = () => Promise<unknown>;

/** Every public tag and the define module that registers it. */
export const tagLoaders: Readonly<Record<string, TagLoader>> = {
  'reseller-brand-editor': () => import('./define/brand-editor.js'),
  'reseller-brand-logo': () => import('./define/brand-logo.js'),
  'reseller-customer-detail': () => import('./define/customer-detail.js'),
  'reseller-customer-form': () => import('./define/customer-form.js'),
  'reseller-customer-table': () => import('./define/customer-table.js'),
  'reseller-phone-field': () => import('./define/customer-form.js'),
  'reseller-provider': () => import('./define/provider.js'),
  'reseller-subscription-panel': () => import('./define/subscription-panel.js'),
  'reseller-token-manager': () => import('./define/token-manager.js'),
  'reseller-transcript-viewer': () => import('./define/transcript-viewer.js'),
  'reseller-report-list': () => import('./define/report-list.js'),
  'reseller-transcription-list': () => import('./define/transcription-list.js'),
  'reseller-usage-chart': () => import('./define/usage-chart.js'),
  'reseller-usage-dashboard': () => import('./define/usage-dashboard.js'),
  'reseller-user-list': () => import('./define/user-list.js'),
};

export interface Autoloader {
  /** Loads the modules of the undefined elements in `root` (and `root` itself) whose tags it maps. */
  discover(root: ParentNode): void;
  /** Disconnects the observer (`discover()` keeps working). */
  stop(): void;
}

/**
 * An autoloader over `loaders` (tag -> import) that watches `observe` (when given) for added
 * elements. The module starts one over `tagLoaders` and the document; this one is for a map of
 * your own (your tags, or a subset of the kit's).
 */
export function createAutoloader(loaders: Readonly<Record<string, TagLoader>>, observe?: Node): Autoloader {
  const loading = new Set<string>();
  const load = (tag: string) => {
    if (!Object.hasOwn(loaders, tag) || loading.has(tag) || customElements.get(tag)) return;
    loading.add(tag);
    loaders[tag]!().catch((error: unknown) => {
      loading.delete(tag);
      console.error(`reseller-elements autoloader: loading <${tag}> failed; it is tried again when next discovered.`, error);
    });
  };
  const discover = (root: ParentNode) => {
    if (typeof customElements === 'undefined') return;
    load((root as Partial<Element>).localName ?? '');
    for (const element of root.querySelectorAll(':not(:defined)')) load(element.localName);
  };
  const observer =
    observe && typeof MutationObserver !== 'undefined'
      ? new MutationObserver((records) => {
          for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) discover(node as Element);
        })
      : undefined;
  observer?.observe(observe!, {childList: true, subtree: true});
  return {discover, stop: () => observer?.disconnect()};
}

const page = typeof document === 'undefined' ? undefined : document;
const autoloader = createAutoloader(tagLoaders, page);
if (page) autoloader.discover(page);

/** Loads the define modules of the undefined `reseller-*` elements in `root`, e.g. a host's shadow root. */
export const discover = (root: ParentNode): void => autoloader.discover(root);

/** Stops watching the document for new elements. */
export const stop = (): void => autoloader.stop();
