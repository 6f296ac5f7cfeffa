/**
 * i18n: typed English strings; Dutch, German, French, Spanish, Arabic (lazy); a host's own locales; host overrides.
 * Elements use `LocaleController` (src/controllers/locale-controller.ts) rather than this directly.
 */
export {en, type MessageKey, type Messages, type LocaleMessages, type PluralCategory, type PluralKey} from './en.js';
export {localeDirection, isolateBidi} from './bidi.js';
export {
  registerLocale,
  SHIPPED_LOCALES,
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
export {interpolate, placeholders, lookup, type MessageParams} from './translate.js';
export {overrideLayers, type I18nOverrides} from './overrides.js';
export {localeContext, i18nContext} from './context.js';
