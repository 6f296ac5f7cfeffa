/**
 * The locale registry: which message bundles exist, which are loaded, and how a locale tag falls
 * back (`nl-BE` → `nl` → `en`). English is bundled; Dutch, German, French, Spanish and Arabic are
 * registered as lazy chunks (a host that never shows German never downloads it); a host adds any
 * other locale with `registerLocale('pt-BR', () => import('./pt-br.js'))` or
 * `registerLocale('pt-BR', {...})`, and may replace a shipped one the same way.
 *
 * Bundles other than English may be partial: a missing key falls back along the chain to English.
 * Plain module state, no DOM: elements read it through the LocaleController.
 */
import {en, type MessageKey, type Messages, type PluralFormKey} from './en.js';

/** Strings for some or all keys (and plural forms in any category: `table.total.few`). */
export type PartialMessages = Partial<Record<MessageKey | PluralFormKey, string>>;
/** What `registerLocale` accepts: a bundle, or a loader for one (a module with `default` or the bundle itself). */
export type LocaleSource =
  | PartialMessages
  | (() => Promise<PartialMessages | {default: PartialMessages} | Record<string, PartialMessages>>);

const loaded = new Map<string, PartialMessages>([['en', en]]);
/** The shipped locales besides English: complete, each its own chunk, loaded the first time an element needs it. */
const loaders = new Map<string, () => Promise<unknown>>([
  ['nl', () => import('./nl.js')],
  ['de', () => import('./de.js')],
  ['fr', () => import('./fr.js')],
  ['es', () => import('./es.js')],
  ['ar', () => import('./ar.js')],
]);

/** The locales the kit ships (English bundled, the rest lazy), in the order a locale menu shows them. */
export const SHIPPED_LOCALES = ['en', 'nl', 'de', 'fr', 'es', 'ar'] as const;
const pending = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/** `nl_BE`, `NL-be` → `nl-be`. */
export function normalizeLocale(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}

/** The fallback chain of a tag, most specific first, English last: `nl-be` → `['nl-be', 'nl', 'en']`. */
export function localeChain(tag: string): string[] {
  const chain: string[] = [];
  const parts = normalizeLocale(tag).split('-').filter(Boolean);
  for (let i = parts.length; i > 0; i--) chain.push(parts.slice(0, i).join('-'));
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

/**
 * Registers (or replaces) a locale: a bundle now, or a loader called the first time an element
 * needs that locale. Elements showing that locale re-render when it is loaded.
 */
export function registerLocale(tag: string, source: LocaleSource): void {
  const key = normalizeLocale(tag);
  pending.delete(key);
  if (typeof source === 'function') {
    loaders.set(key, source);
    if (key !== 'en') loaded.delete(key);
  } else {
    loaders.delete(key);
    loaded.set(key, key === 'en' ? {...en, ...source} : source);
    notify();
  }
}

/** Whether a locale (exactly this tag) has been registered, loaded or not. */
export function isLocaleRegistered(tag: string): boolean {
  const key = normalizeLocale(tag);
  return loaded.has(key) || loaders.has(key);
}

/** The best registered tag for a requested one (`nl-BE` → `nl`), or `en`. */
export function supportedLocale(tag: string): string {
  return localeChain(tag).find((t) => loaded.has(t) || loaders.has(t)) ?? 'en';
}

/** Whether every registered bundle of the tag's chain is loaded (so `t()` is final). */
export function isLocaleLoaded(tag: string): boolean {
  return localeChain(tag).every((t) => !loaders.has(t) || loaded.has(t));
}

/** Loads every registered-but-not-loaded bundle of the tag's chain. Resolves when done; never rejects. */
export function loadLocale(tag: string): Promise<void> {
  const jobs = localeChain(tag)
    .filter((t) => loaders.has(t) && !loaded.has(t))
    .map((t) => {
      let job = pending.get(t);
      if (!job) {
        const loader = loaders.get(t)!;
        job = loader()
          .then((mod) => {
            if (loaders.get(t) !== loader) return; // replaced meanwhile
            loaded.set(t, unwrap(mod, t));
            notify();
          })
          .catch((error: unknown) => {
            console.warn(`reseller-elements: could not load locale "${t}"; falling back.`, error);
          })
          .finally(() => pending.delete(t));
        pending.set(t, job);
      }
      return job;
    });
  return Promise.all(jobs).then(() => undefined);
}

/** The loaded bundles of a tag's chain, most specific first (English always last). */
export function bundlesFor(tag: string): PartialMessages[] {
  const out: PartialMessages[] = [];
  for (const t of localeChain(tag)) {
    const bundle = loaded.get(t);
    if (bundle) out.push(bundle);
  }
  return out;
}

/** Called whenever a bundle is registered or loaded. Returns the unsubscribe function. */
export function onLocalesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const listener of [...listeners]) listener();
}

function unwrap(mod: unknown, tag: string): PartialMessages {
  if (mod && typeof mod === 'object') {
    const m = mod as Record<string, unknown>;
    // `export default {...}`, `export const nl = {...}` (named after the locale), or the bundle itself.
    const candidate = m.default ?? m[tag] ?? m[tag.split('-')[0]] ?? m;
    if (candidate && typeof candidate === 'object') return candidate as PartialMessages;
  }
  return {};
}

export type {Messages};
