/**
 * A logo's image type by its first bytes (never by the declared Content-Type alone): magic bytes for
 * PNG, JPEG, GIF, WebP and AVIF, a content sniff for SVG. One rule for both sides of the wire: the
 * sandbox refuses an upload with it (415) and the brand editor checks a chosen file with it first.
 */
import type {LOGO_TYPES} from './constants.js';

export type LogoType = (typeof LOGO_TYPES)[number];

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The image type of the first bytes of a file (4 KB are enough), or null. */
export function sniffLogo(b: Uint8Array): LogoType | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(b, 4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(b, 8, 12))) return 'image/avif';
  // SVG: text (optional BOM, whitespace, XML declaration, comments, doctype) whose first element is <svg.
  let text = new TextDecoder('utf-8', {fatal: false}).decode(b.subarray(0, 4096)).replace(/^\uFEFF/, '');
  text = text.replace(/^\s*<\?xml[^>]*\?>/i, '');
  for (;;) {
    const next = text.replace(/^\s*<!--[\s\S]*?-->/, '').replace(/^\s*<!DOCTYPE[^>]*>/i, '');
    if (next === text) break;
    text = next;
  }
  return /^\s*<svg[\s>]/i.test(text) ? 'image/svg+xml' : null;
}
