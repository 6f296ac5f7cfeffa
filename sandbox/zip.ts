/**
 * A minimal ZIP writer (stored entries, no compression) for the sandbox's .docx documents: local
 * headers, the central directory and its end record, CRC-32 per entry (node:zlib's). Small and dependency-free
 * on purpose: the documents are a few kilobytes and generated per download, so deflate would buy
 * nothing, and the sandbox keeps its dependencies to what it cannot do without.
 */
import {crc32} from 'node:zlib';

/** DOS date of 1980-01-01 (the entries carry no meaningful time; the output is deterministic). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The byte length `zipStored` gives for entries of these name and data lengths (UTF-8 bytes). */
export const zipStoredSize = (files: ReadonlyArray<readonly [nameBytes: number, dataBytes: number]>): number =>
  files.reduce((s, [name, data]) => s + 30 + name + data + 46 + name, 22);

/** A ZIP archive of `files` (name → bytes), in the given order, stored. */
export function zipStored(files: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const entries = files.map(([name, data]) => ({name: enc.encode(name), data, crc: crc32(data), offset: 0}));
  const localSize = entries.reduce((s, e) => s + 30 + e.name.length + e.data.length, 0);
  const centralSize = entries.reduce((s, e) => s + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v, true);
    at += 4;
  };
  for (const e of entries) {
    e.offset = at;
    u32(0x04034b50); u16(20); u16(0x0800); u16(0); u16(0); u16(DOS_DATE);
    u32(e.crc); u32(e.data.length); u32(e.data.length); u16(e.name.length); u16(0);
    out.set(e.name, at); at += e.name.length;
    out.set(e.data, at); at += e.data.length;
  }
  const central = at;
  for (const e of entries) {
    u32(0x02014b50); u16(20); u16(20); u16(0x0800); u16(0); u16(0); u16(DOS_DATE);
    u32(e.crc); u32(e.data.length); u32(e.data.length); u16(e.name.length); u16(0); u16(0); u16(0); u16(0); u32(0);
    u32(e.offset);
    out.set(e.name, at); at += e.name.length;
  }
  const centralLength = at - central;
  u32(0x06054b50); u16(0); u16(0); u16(entries.length); u16(entries.length); u32(centralLength); u32(central); u16(0);
  return out;
}
