/**
 * Phone numbers: small pure async functions in front of libphonenumber-js with its *min* metadata,
 * loaded on the first call only, once, as two chunks fetched in parallel: the few core functions
 * used here (./lib.ts, about 16 KB min+gzip) and the metadata (about 19 KB). Elements that show a
 * phone field can call `preloadPhone()` on focus so the first keystroke is already fast.
 *
 * Numbers are stored as E.164 (`+31612345678`); entered in any common form. A number without a
 * country code is read in `defaultCountry` (NL unless told otherwise): `06 12345678` → `+31612345678`.
 */
import type {CountryCode, MetadataJson} from 'libphonenumber-js/core';

/** The loaded library: the core functions and the metadata they take as their last argument. */
interface PhoneLib {
  core: typeof import('./lib.js');
  metadata: MetadataJson;
}

export type {CountryCode};

export interface ParsedPhone {
  /** `+31612345678` */
  e164: string;
  /** `+31 6 12345678` */
  international: string;
  /** Whether the number is valid for its country (not only plausibly long enough). */
  valid: boolean;
  /** `NL`, or undefined when the calling code is shared and the number does not tell (e.g. some +1 numbers). */
  country: CountryCode | undefined;
}

export const DEFAULT_COUNTRY: CountryCode = 'NL';

let lib: PhoneLib | null = null;
let loading: Promise<PhoneLib> | null = null;

/** Loads libphonenumber-js once; every function here awaits it. Safe to call many times. */
export function preloadPhone(): Promise<void> {
  return load().then(() => {});
}

/** The library, loading it (both chunks at once) on the first call. */
function load(): Promise<PhoneLib> {
  if (lib) return Promise.resolve(lib);
  loading ??= Promise.all([import('./lib.js'), import('libphonenumber-js/min/metadata')]).then(
    ([core, metadata]) => (lib = {core, metadata: metadata.default}),
    (error: unknown) => {
      loading = null; // let a later call try again
      throw error;
    },
  );
  return loading;
}

/** Whether the library has loaded (so the sync fallbacks give full results). */
export function isPhoneLoaded(): boolean {
  return lib !== null;
}

/**
 * Parses what a person typed. Returns null for text that is not a phone number at all (letters,
 * too few digits); otherwise the number with `valid` telling whether it is a real one.
 */
export async function parsePhone(input: string, defaultCountry: CountryCode = DEFAULT_COUNTRY): Promise<ParsedPhone | null> {
  return parseWith(await load(), input, defaultCountry);
}

/** `true` only for a complete, valid number. */
export async function isValidPhone(input: string, defaultCountry: CountryCode = DEFAULT_COUNTRY): Promise<boolean> {
  return (await parsePhone(input, defaultCountry))?.valid ?? false;
}

/**
 * Formats a partial number as it is typed: `0612` → `06 12`, `+3161234` → `+31 6 1234`.
 * Characters other than digits and a leading `+` are dropped by the formatter.
 */
export async function formatAsYouType(input: string, defaultCountry: CountryCode = DEFAULT_COUNTRY): Promise<string> {
  const {core, metadata} = await load();
  return new core.AsYouType(defaultCountry, metadata).input(input);
}

/** An E.164 number for display: `+31612345678` → `+31 6 12345678` (the input back when not parseable). */
export async function formatInternational(e164: string): Promise<string> {
  await preloadPhone();
  return formatInternationalSync(e164);
}

/**
 * Best effort without waiting: the international format when the library is loaded, else the
 * raw E.164 (always a correct, if plain, rendering). A table can render with this and re-render
 * after `preloadPhone()` resolves.
 */
export function formatInternationalSync(e164: string | null | undefined): string {
  if (!e164) return '';
  if (!lib) return e164;
  return parseWith(lib, e164, undefined)?.international ?? e164;
}

function parseWith(l: PhoneLib, input: string, defaultCountry: CountryCode | undefined): ParsedPhone | null {
  const text = input.trim();
  // Letters anywhere (other than an extension marker) mean this is not a phone number.
  if (!text || /[a-wyz]/i.test(text.replace(/\b(ext|extension|x)\b/gi, ''))) return null;
  const number = l.core.parsePhoneNumberFromString(text, {defaultCountry, extract: false}, l.metadata);
  if (!number) return null;
  return {
    e164: number.number,
    international: number.formatInternational(),
    valid: number.isValid(),
    country: number.country,
  };
}
