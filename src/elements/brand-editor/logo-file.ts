/**
 * Client-side checks of a logo file before it is previewed or uploaded: the size limit
 * (`LOGO_MAX_BYTES`), and the type by content (magic bytes for PNG, JPEG, GIF, WebP and AVIF, a
 * content sniff for SVG), which must agree with the declared MIME type when the browser gives one.
 * The server checks the same again with the same sniffer (413, 415); these only answer sooner, with a
 * clearer message.
 */
import {LOGO_MAX_BYTES, LOGO_TYPES} from '../../contract/constants.js';
import {sniffLogo, type LogoType} from '../../contract/logo-type.js';

/** Why a file was refused: too large, or not one of the accepted image types. */
export type LogoProblem = {kind: 'too-large'; size: number; max: number} | {kind: 'type'; declared: string; sniffed: LogoType | null};

/** The `accept` attribute of the file input. */
export const LOGO_ACCEPT = [...LOGO_TYPES, '.svg'].join(',');

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
