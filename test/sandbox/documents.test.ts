/**
 * Seeded documents are real files: each format is parsed back as the program that opens it would
 * (the ZIP central directory and XML parts of a .docx, a PDF's header, xref table and trailer,
 * SubRip and WebVTT cues).
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {crc32} from 'node:zlib';
import {DocumentPage, TranscriptContent} from '../../src/contract/schemas.js';
import {call, control, raw, tenant} from './helpers.js';

/** Every entry of a ZIP archive, found through the end record and the central directory; CRCs checked. */
function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.byteLength - 22;
  assert.equal(view.getUint32(end, true), 0x06054b50, 'end of central directory record');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  assert.equal(at + size, end, 'the central directory ends where the end record starts');
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    assert.equal(view.getUint32(at, true), 0x02014b50, `central header ${i}`);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    assert.equal(view.getUint32(local, true), 0x04034b50, `local header of ${name}`);
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    assert.equal(method, 0, 'stored');
    const data = bytes.subarray(dataAt, dataAt + compressed);
    assert.equal(crc32(data), crc, `CRC of ${name}`);
    files.set(name, data);
    at += 46 + nameLength + extra;
  }
  return files;
}

/** Well-formed XML (a declaration, then one root element; tags nest and close; entities known; attributes quoted). */
function assertWellFormed(xml: string, name: string): string {
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?>\n/, `${name}: declaration`);
  const body = xml.replace(/^<\?xml[^?]*\?>\n/, '');
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    if (m[6]) assert.fail(`${name}: a stray < at ${m.index}`);
    if (m[5] !== undefined) {
      assert.ok(stack.length, `${name}: text outside the root`);
      for (const e of m[5].matchAll(/&([^;]*);?/g)) assert.match(e[0], /^&(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);$/i, `${name}: entity ${e[0]}`);
      continue;
    }
    if (!stack.length) roots++;
    if (m[1]) assert.equal(stack.pop(), m[2], `${name}: </${m[2]}> closes what was open`);
    else if (!m[4]) stack.push(m[2]!);
    if (m.index + m[0].length === body.length) break;
  }
  assert.equal(token.lastIndex === 0 ? body.length : token.lastIndex, body.length, `${name}: parsed to the end`);
  assert.deepEqual(stack, [], `${name}: every element closed`);
  assert.equal(roots, 1, `${name}: one root element`);
  return body;
}

async function download(token: string, path: string): Promise<Uint8Array> {
  const res = await raw(path, {headers: {authorization: `Bearer ${token}`}});
  assert.equal(res.status, 200);
  return new Uint8Array(await res.arrayBuffer());
}

async function documentsOf(token: string, format: string) {
  return DocumentPage.parse((await call(token, 'GET', `/transcripts/documents?format=${format}&per_page=25`)).body).data.slice(0, 5);
}

/**
 * The transcript's first segment as the content API answers it: its start as `hh:mm:ss` and
 * `,mmm`, its speaker and text. A long recording's segments are stretched over its duration, so
 * the first one may start well after the first seconds.
 */
async function firstSegment(token: string, transcriptId: number) {
  const [seg] = TranscriptContent.parse((await call(token, 'GET', `/transcripts/${transcriptId}/content?limit=1`)).body).segments;
  assert.ok(seg, `transcript ${transcriptId} has a segment`);
  const s = Math.floor(seg.start_ms / 1000);
  const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return {hms, ms: String(seg.start_ms % 1000).padStart(3, '0'), speaker: seg.speaker, text: seg.text};
}

void test('a .docx is a ZIP with [Content_Types].xml, _rels/.rels and word/document.xml, well-formed, holding the transcript', async () => {
  const t = await tenant({customers: 20, seed: 18_101});
  const docs = await documentsOf(t.token, 'docx');
  assert.ok(docs.length > 0, 'the seed has .docx documents');
  for (const d of docs) {
    const bytes = await download(t.token, d.download_path);
    assert.ok(bytes.byteLength > 1000, `${d.filename}: ${bytes.byteLength} bytes, not a placeholder`);
    const files = unzip(bytes);
    assert.deepEqual([...files.keys()].sort(), ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const text = (name: string) => new TextDecoder('utf-8', {fatal: true}).decode(files.get(name));
    assert.match(assertWellFormed(text('[Content_Types].xml'), 'types'), /PartName="\/word\/document\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml"/);
    assert.match(assertWellFormed(text('_rels/.rels'), 'rels'), /Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/officeDocument" Target="word\/document\.xml"/);
    const doc = assertWellFormed(text('word/document.xml'), 'document');
    assert.match(doc, /^<w:document xmlns:w="http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main"><w:body>/);
    assert.match(doc, /<w:t xml:space="preserve">\[00:00:0\d\] [^<:]+: [^<]+<\/w:t>/, 'timed lines');
  }
});

void test('a hostile title stays text in the .docx (escaped, no invalid XML characters)', async () => {
  const t = await tenant({customers: 1, seed: 18_102});
  const customer = (await call(t.token, 'GET', '/customers')).body.data[0];
  const title = `<w:body>&amp; "q" 'a' </w:t>\u0001\u0008 end`;
  assert.equal((await control('POST', '/transcripts', t.token, {customer_id: customer.id, title, documents: ['docx', 'pdf']})).status, 201);
  const docs = DocumentPage.parse((await call(t.token, 'GET', '/transcripts/documents?per_page=25')).body).data;
  const docx = docs.find((d) => d.format === 'docx')!;
  const doc = assertWellFormed(new TextDecoder().decode(unzip(await download(t.token, docx.download_path)).get('word/document.xml')), 'document');
  assert.ok(doc.includes('<w:t xml:space="preserve">&lt;w:body&gt;&amp;amp; &quot;q&quot; &apos;a&apos; &lt;/w:t&gt;\uFFFD\uFFFD end</w:t>'), doc.slice(0, 400));
  assertPdf(new TextDecoder().decode(await download(t.token, docs.find((d) => d.format === 'pdf')!.download_path)));
});

/** A PDF whose xref offsets each point at their object, with a trailer naming the catalog and a startxref at the xref. */
function assertPdf(text: string): void {
  assert.ok(text.startsWith('%PDF-1.4\n'), 'header');
  assert.ok(text.endsWith('%%EOF\n'), 'end marker');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  assert.ok(text.startsWith('xref\n', startxref), 'startxref points at the xref table');
  const [, first, n] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
  assert.equal(first, '0');
  const entries = text.slice(startxref).split('\n').slice(2, 2 + Number(n));
  assert.equal(entries[0], '0000000000 65535 f ');
  entries.slice(1).forEach((e, i) => {
    assert.match(e, /^\d{10} 00000 n $/);
    assert.ok(text.startsWith(`${i + 1} 0 obj\n`, Number(e.slice(0, 10))), `object ${i + 1} at its offset`);
  });
  assert.match(text, new RegExp(`trailer\\n<< /Size ${n} /Root 1 0 R >>\\n`));
  for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const at = m.index + m[0].length;
    assert.ok(text.startsWith('\nendstream', at + Number(m[1])), 'stream length');
  }
  assert.match(text, /\/Type \/Catalog \/Pages 2 0 R/);
}

void test('a .pdf has a header, an xref table whose offsets hold their objects, a trailer and the transcript text', async () => {
  const t = await tenant({customers: 20, seed: 18_103});
  const docs = await documentsOf(t.token, 'pdf');
  assert.ok(docs.length > 0, 'the seed has PDFs');
  for (const d of docs) {
    const text = new TextDecoder().decode(await download(t.token, d.download_path));
    assertPdf(text);
    assert.match(text, /\(\[\d{2}:\d{2}:\d{2}\] [^):]+: [^)]+\) Tj/, 'timed lines');
    const first = await firstSegment(t.token, d.transcript_id);
    // PDF strings are ASCII (sandbox/routes/transcripts.ts): accents dropped, other characters '?', ( ) \ escaped; lines wrap at 92.
    const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '\\$&');
    const words = first.text.split(' ').slice(0, 3).join(' ');
    const want = `(${ascii(`[${first.hms}] ${first.speaker}: ${words}`)}`;
    assert.ok(text.includes(want), `the first timed line is the first segment: want ${want}, the PDF has ${/\(\[\d{2}:\d{2}:\d{2}\][^)]*\)/.exec(text)?.[0]}`);
  }
});

void test('txt, srt and vtt hold the timed lines', async () => {
  const t = await tenant({customers: 20, seed: 18_104});
  for (const format of ['txt', 'srt', 'vtt']) {
    const [d] = await documentsOf(t.token, format);
    assert.ok(d, `a ${format} document`);
    const text = new TextDecoder().decode(await download(t.token, d.download_path));
    const {hms, ms, speaker, text: said} = await firstSegment(t.token, d.transcript_id);
    if (format === 'txt') assert.match(text, /\nLanguage: [\w-]+\n\n\[\d{2}:\d{2}:\d{2}\] [^:\n]+: .+\n/);
    if (format === 'srt') assert.match(text, /^1\n\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}\n[^:\n]+: .+\n\n2\n/);
    if (format === 'vtt') assert.match(text, /^WEBVTT\n\n\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}\n<v [^>]+>.+\n/);
    const line = {txt: `\n[${hms}] ${speaker}: ${said}\n`, srt: `1\n${hms},${ms} --> `, vtt: `\n\n${hms}.${ms} --> `}[format]!;
    assert.ok(text.includes(line), `${format}: the first cue is the transcript's first segment (${JSON.stringify(line)})`);
  }
});
