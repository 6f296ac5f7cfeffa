/**
 * The little of tar (ustar, as PGlite's `dumpDataDir` writes it) that the seed snapshot needs:
 * walking the entries, dropping some, and extracting into a directory with Node's own file system
 * (PGlite's `loadDataDir` writes through its WASM file system: ~10× slower for 80 MB).
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname, resolve, sep} from 'node:path';

interface Entry {
  name: string;
  type: 'file' | 'dir' | 'other';
  mode: number;
  /** The whole entry (header and padded data) and its data. */
  raw: Buffer;
  data: Buffer;
}

function* entries(tar: Buffer): Generator<Entry> {
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return; // end of archive
    const field = (from: number, length: number) => header.subarray(from, from + length).toString('latin1').replace(/\0[^]*$/, '');
    const prefix = field(345, 155);
    const name = `${prefix}${prefix ? '/' : ''}${field(0, 100)}`;
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const flag = field(156, 1);
    const end = at + 512 + Math.ceil(size / 512) * 512;
    if (end > tar.length) throw new Error(`tar: entry ${name} runs past the end of the archive`);
    yield {
      name,
      type: flag === '' || flag === '0' ? 'file' : flag === '5' ? 'dir' : 'other',
      mode: Number.parseInt(field(100, 8).trim() || '644', 8),
      raw: tar.subarray(at, end),
      data: tar.subarray(at + 512, at + 512 + size),
    };
    at = end;
  }
}

/** The archive without the entries `drop` says yes to. */
export function tarWithout(tar: Buffer, drop: (name: string) => boolean): Buffer {
  const kept = [...entries(tar)].filter((e) => !drop(e.name)).map((e) => e.raw);
  return Buffer.concat([...kept, Buffer.alloc(1024)]); // two empty blocks end the archive
}

/**
 * Writes the archive's directories and files under `dir`; `last` (a name in the archive) is written
 * after every other file, so its presence says the extraction finished.
 */
export function extractTar(tar: Buffer, dir: string, last?: string): void {
  const root = resolve(dir);
  const deferred: Entry[] = [];
  const write = (e: Entry) => {
    const target = resolve(root, `.${sep}${e.name.replace(/^\/+/, '')}`);
    if (target !== root && !target.startsWith(root + sep)) throw new Error(`tar: ${e.name} is outside the target directory`);
    if (e.type === 'dir') mkdirSync(target, {recursive: true, mode: 0o700});
    else if (e.type === 'file') {
      mkdirSync(dirname(target), {recursive: true, mode: 0o700});
      writeFileSync(target, e.data, {mode: e.mode & 0o777 || 0o600});
    }
  };
  for (const e of entries(tar)) {
    if (last !== undefined && e.name.replace(/^\/+/, '') === last) deferred.push(e);
    else write(e);
  }
  deferred.forEach(write);
}
