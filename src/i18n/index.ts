/**
 * i18n: typed English strings, Dutch, loadable locales, host overrides.
 * Elements use `LocaleController` (src/controllers/locale-controller.ts) rather than this directly.
 */
export {en, type MessageKey, type Messages} from './en.js';
export {
  registerLocale,
  loadLocale,
  isLocaleLoaded,
  isLocaleRegistered,
  supportedLocale,
  localeChain,
  normalizeLocale,
  onLocalesChange,
  bundlesFor,
  type LocaleSource,
  type PartialMessages,
} from './registry.js';
export {interpolate, placeholders, lookup, type MessageParams, type PluralKey} from './translate.js';
export {overrideLayers, type I18nOverrides} from './overrides.js';
export {localeContext, i18nContext} from './context.js';
