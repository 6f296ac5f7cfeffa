/**
 * Client-side checks of a logo file before it is previewed or uploaded: the type by content (magic bytes for PNG, JPEG, GIF, WebP and AVIF, a
 * content sniff for SVG), which must agree with the declared MIME type when the browser gives one,
 * then the size limit (`LOGO_MAX_BYTES`). Another image type (BMP, ICO, TIFF, HEIC, …) is
 * `convertible`: the picker converts it to PNG in the browser (logo-convert.ts, loaded then).
 * The server checks the same again with the same sniffer (413, 415); these only answer sooner, with a
 * clearer message.
 */
import {LOGO_MAX_BYTES, LOGO_TYPES} from '../../contract/constants.js';
import {sniffLogo, type LogoType} from '../../contract/logo-type.js';

/** Why a file was refused: too large, or not one of the accepted image types. */
export type LogoProblem =
  | {kind: 'too-large'; size: number; max: number}
  | {kind: 'type'; declared: string; sniffed: LogoType | null}
  | {kind: 'undecodable'; label: string};

/** The `accept` attribute of the file input: any image (converted when needed), SVG and ICO by name too. */
export const LOGO_ACCEPT = 'image/*,.svg,.ico,.bmp,.tif,.tiff,.heic,.heif';

/**
 * Checks a chosen or dropped file. Resolves with the problem, or null when it may be uploaded.
 * The declared type (`file.type`) may be empty (some systems give none); when present it must be
 * an accepted image type that matches the content.
 */
export async function checkLogo(file: Blob): Promise<LogoProblem | null> {
  const declared = file.type.toLowerCase();
  if (declared && !(LOGO_TYPES as readonly string[]).includes(declared)) return {kind: 'type', declared, sniffed: null};
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const sniffed = sniffLogo(head);
  if (!sniffed || (declared && declared !== sniffed)) return {kind: 'type', declared, sniffed};
  return tooLarge(file);
}

export const tooLarge = (file: Blob): LogoProblem | null =>
  file.size > LOGO_MAX_BYTES ? {kind: 'too-large', size: file.size, max: LOGO_MAX_BYTES} : null;

/**
 * Whether a refused file is worth decoding in the browser: not one of the accepted types by its
 * content, declared as another image type or not declared at all. (A file that claims an accepted
 * type but holds something else stays refused: the claim is false.)
 */
export function convertible(problem: LogoProblem | null): boolean {
  if (problem?.kind !== 'type' || problem.sniffed) return false;
  const declared = problem.declared;
  return !declared || (declared.startsWith('image/') && !(LOGO_TYPES as readonly string[]).includes(declared));
}

/** A short name for a file's format in messages: its extension, else its MIME subtype ("BMP", "ICO", "TIFF"). */
export function formatLabel(file: File): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(file.name)?.[1];
  return (ext ?? file.type.replace(/^image\//, '') ?? '').toUpperCase() || '?';
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
