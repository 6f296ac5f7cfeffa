/** Right-to-left letters and bidi controls: a value with any of them may reorder the words around it. */
const BIDI = /[\u0590-\u08FF\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFC]/;

/**
 * Text with right-to-left letters or bidi controls (a customer named in Arabic, or a hostile
 * U+202E), put in a first-strong isolate (U+2068 … U+2069) so it cannot reorder the sentence it is
 * shown in; other text unchanged. Used for interpolated message values and server messages.
 */
export function isolateBidi(text: string): string {
  return BIDI.test(text) ? `\u2068${text}\u2069` : text;
}
