/**
 * Client-side checks of a logo file before it is previewed or uploaded: the size limit
 * (`LOGO_MAX_BYTES`), and the type by content (magic bytes for PNG, JPEG, GIF, WebP and AVIF, a
 * content sniff for SVG), which must agree with the declared MIME type when the browser gives one.
 * The server checks the same again (413, 415); these only answer sooner, with a clearer message.
 */
import {LOGO_MAX_BYTES, LOGO_TYPES} from '../../api/constants.js';

export type LogoType = (typeof LOGO_TYPES)[number];

/** Why a file was refused: too large, or not one of the accepted image types. */
export type LogoProblem = {kind: 'too-large'; size: number; max: number} | {kind: 'type'; declared: string; sniffed: LogoType | null};

/** The `accept` attribute of the file input. */
export const LOGO_ACCEPT = [...LOGO_TYPES, '.svg'].join(',');

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The image type of the first bytes of a file (the same rules as the sandbox's), or null. */
export function sniffLogo(b: Uint8Array): LogoType | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(b, 4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(b, 8, 12))) return 'image/avif';
  // SVG: text (optional BOM, XML declaration, comments, doctype) whose first element is <svg.
  let text = new TextDecoder('utf-8', {fatal: false}).decode(b.subarray(0, 4096)).replace(/^\uFEFF/, '');
  text = text.replace(/^\s*<\?xml[^>]*\?>/i, '');
  for (;;) {
    const next = text.replace(/^\s*<!--[\s\S]*?-->/, '').replace(/^\s*<!DOCTYPE[^>]*>/i, '');
    if (next === text) break;
    text = next;
  }
  return /^\s*<svg[\s>]/i.test(text) ? 'image/svg+xml' : null;
}

/**
 * Checks a chosen or dropped file. Resolves with the problem, or null when it may be uploaded.
 * The declared type (`file.type`) may be empty (some systems give none); when present it must be
 * an accepted image type that matches the content.
 */
export async function checkLogo(file: Blob): Promise<LogoProblem | null> {
  const declared = file.type.toLowerCase();
  if (file.size > LOGO_MAX_BYTES) return {kind: 'too-large', size: file.size, max: LOGO_MAX_BYTES};
  if (declared && !(LOGO_TYPES as readonly string[]).includes(declared)) return {kind: 'type', declared, sniffed: null};
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const sniffed = sniffLogo(head);
  if (!sniffed || (declared && declared !== sniffed)) return {kind: 'type', declared, sniffed};
  return null;
}

/**
 * The file as the API should receive it: with its sniffed type when the browser declared none
 * (the client sends `file.type` as Content-Type).
 */
export async function typedLogo(file: File): Promise<Blob> {
  if (file.type) return file;
  const sniffed = sniffLogo(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  return sniffed ? new File([file], file.name, {type: sniffed}) : file;
}
