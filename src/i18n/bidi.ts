/** Right-to-left letters and bidi controls: a value with any of them may reorder the words around it. */
const BIDI = /[\u0590-\u08FF\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFC]/;
/** Isolate controls (LRI, RLI, FSI, PDI): inside an isolate they could close it early. */
const ISOLATES = /[\u2066-\u2069]/;

/**
 * Text with right-to-left letters or bidi controls (a customer named in Arabic, or a hostile
 * U+202E), put in a first-strong isolate (U+2068 … U+2069) so it cannot reorder the sentence it is
 * shown in; other text unchanged. Used for interpolated message values and, where they are shown, the server's messages
 * (LocaleController). Text that is already one whole isolate (FSI … PDI with no isolate control
 * inside: a server message isolated by `errorMessage` and then put into a translated sentence) is
 * returned as it is; anything else with an isolate control inside is wrapped again.
 */
export function isolateBidi(text: string): string {
  if (!BIDI.test(text)) return text;
  if (text.length >= 2 && text.startsWith('\u2068') && text.endsWith('\u2069') && !ISOLATES.test(text.slice(1, -1))) return text;
  return `\u2068${text}\u2069`;
}

/** Languages written right to left (ISO 639 codes), for engines without `Intl.Locale#getTextInfo`. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
/** Scripts written right to left (ISO 15924), for tags such as `az-Arab` or `pa-Arab`. */
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'hebr', 'mand', 'nkoo', 'rohg', 'samr', 'syrc', 'thaa']);
const LTR_SCRIPTS_OF_RTL_LANGUAGES = new Set(['latn', 'cyrl']);

/**
 * The writing direction of a locale: `'rtl'` for Arabic, Hebrew, Persian, Urdu… (and any tag with
 * a right-to-left script subtag), else `'ltr'`. A script subtag decides first; then the engine's
 * own data where it has it (`Intl.Locale#getTextInfo`), a list otherwise; an invalid tag is `'ltr'`.
 */
export function localeDirection(tag: string): 'ltr' | 'rtl' {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.trim().replace(/_/g, '-'));
  } catch {
    return 'ltr';
  }
  // An explicit script subtag decides (`az-Arab`, `ku-Latn`): some engines answer from the language only.
  const script = locale.script?.toLowerCase();
  if (script && RTL_SCRIPTS.has(script)) return 'rtl';
  if (script && LTR_SCRIPTS_OF_RTL_LANGUAGES.has(script)) return 'ltr';
  const info = locale as Intl.Locale & {getTextInfo?: () => {direction?: string}; textInfo?: {direction?: string}};
  const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction;
  if (direction === 'rtl' || direction === 'ltr') return direction;
  return RTL_LANGUAGES.has(locale.language.toLowerCase()) ? 'rtl' : 'ltr';
}
