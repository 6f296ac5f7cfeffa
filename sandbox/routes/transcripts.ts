/** Transcripts, their documents, and document downloads (content generated from the transcript). */
import type {Hono} from 'hono';
import {DocumentListQuery, DocumentPage, TranscriptContent, TranscriptContentQuery, TranscriptListQuery, TranscriptPage} from '../../src/contract/schemas.js';
import {type Env, idParam, iso, requireReseller, send} from '../context.js';
import {ApiError, validate} from '../http.js';
import {assertCustomer, likePattern} from '../model.js';
import {directionOf, segmentsOf} from '../transcript-text.js';
import {zipStored, zipStoredSize} from '../zip.js';

/** A row of `SELECT TRANSCRIPT_COLUMNS FROM transcripts t JOIN customers c …`. */
export interface TranscriptRow {
  id: number;
  customer_id: number;
  customer_name: string;
  title: string;
  language: string;
  status: string;
  duration_seconds: number;
  created_at: Date;
  completed_at: Date | null;
}

interface DocumentRow {
  id: number;
  transcript_id: number;
  customer_id: number;
  customer_name: string;
  title: string;
  language: string;
  duration_seconds: number;
  format: string;
  created_at: Date;
  content: StoredSegments | null;
}

const CONTENT_TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  srt: 'application/x-subrip; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const slugify = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'transcript';

const filenameOf = (d: Pick<DocumentRow, 'title' | 'transcript_id' | 'format'>) => `${slugify(d.title)}-${d.transcript_id}.${d.format}`;

/** `hh:mm:ss` plus `,mmm` (SRT) or `.mmm` (VTT), or nothing (the plain-text formats). */
const stamp = (ms: number, sep: ',' | '.' | '') => {
  const s = Math.floor(ms / 1000);
  const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return sep ? `${hms}${sep}${String(ms % 1000).padStart(3, '0')}` : hms;
};

/** WebVTT cue text: `&`, `<` and `>` escaped (a voice tag carries the speaker). */
const vttText = (s: string) => s.replace(/[&<>]/g, (ch) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;'})[ch]!);

type DocumentSource = Pick<DocumentRow, 'title' | 'transcript_id' | 'format' | 'duration_seconds' | 'language'> & {content?: StoredSegments | null};
type StoredSegments = ReadonlyArray<{speaker: string; text: string}>;

/**
 * The document's text (txt, srt, vtt, and the PDF, which is ASCII) or, for docx, its ZIP entries as
 * text: built deterministically from its transcript's segments (the same ones
 * `GET /transcripts/{id}/content` answers), one cue or line per segment, with its speaker.
 */
function documentSource(d: DocumentSource): string | Array<[string, string]> {
  const segments = segmentsOf({id: d.transcript_id, language: d.language, duration_seconds: d.duration_seconds}, d.content);
  const timed = segments.map((s) => `[${stamp(s.start_ms, '')}] ${s.speaker}: ${s.text}`);
  switch (d.format) {
    case 'srt':
      return segments.map((s, i) => `${i + 1}\n${stamp(s.start_ms, ',')} --> ${stamp(s.end_ms, ',')}\n${s.speaker}: ${s.text}\n`).join('\n');
    case 'vtt':
      return 'WEBVTT\n\n' + segments.map((s) => `${stamp(s.start_ms, '.')} --> ${stamp(s.end_ms, '.')}\n<v ${vttText(s.speaker)}>${vttText(s.text)}\n`).join('\n');
    case 'txt':
      return `${d.title}\nLanguage: ${d.language}\n\n${timed.join('\n')}\n`;
    case 'pdf':
      return pdf([d.title, `Language: ${d.language}`, '', ...timed]);
    default:
      return docx([d.title, `Language: ${d.language}`, ...timed]);
  }
}

/** The document's bytes. */
export function documentContent(d: DocumentSource): Uint8Array<ArrayBuffer> {
  const source = documentSource(d);
  const enc = new TextEncoder();
  return typeof source === 'string' ? enc.encode(source) : zipStored(source.map(([name, text]) => [name, enc.encode(text)]));
}

const sizes = new Map<string, number>();

/**
 * A document's size, as `documentContent` would give it, without encoding or zipping it (a list
 * page names up to 100 documents); kept, since a document never changes once it exists.
 */
function documentSize(d: DocumentSource & {id: number}): number {
  const key = `${d.id}:${d.transcript_id}:${d.format}:${d.language}:${d.duration_seconds}:${d.content ? JSON.stringify(d.content).length : '-'}:${d.title}`;
  let size = sizes.get(key);
  if (size === undefined) {
    const source = documentSource(d);
    size = typeof source === 'string' ? Buffer.byteLength(source) : zipStoredSize(source.map(([name, text]) => [Buffer.byteLength(name), Buffer.byteLength(text)]));
    if (sizes.size >= 20_000) sizes.clear();
    sizes.set(key, size);
  }
  return size;
}

/** Text for XML: the characters XML 1.0 allows, with the five markup characters escaped. */
const xmlText = (s: string) =>
  s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/[&<>"']/g, (c) => `&${({'&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos'} as Record<string, string>)[c]!};`);

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A minimal valid Word document: the three parts Word needs, one paragraph per line. */
function docx(lines: string[]): Array<[string, string]> {
  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${xmlText(l)}</w:t></w:r></w:p>`).join('');
  return [
    ['[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`],
    ['word/document.xml', `${XML_HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`],
  ];
}

/** A line broken at spaces into pieces of at most `width` characters (a longer word is cut). */
function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > width / 2 ? cut : width;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * A valid PDF 1.4 with the lines in Helvetica, as many A4 pages as they need. PDF strings here are
 * ASCII: accents are dropped, other characters become '?', and ( ) \ are escaped.
 */
function pdf(lines: string[]): string {
  const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '\\$&');
  const perPage = 48;
  const wrapped = lines.flatMap((l) => wrap(l, 92));
  const pages: string[][] = [];
  for (let i = 0; i < wrapped.length; i += perPage) pages.push(wrapped.slice(i, i + perPage));
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  const kids: number[] = [];
  for (const page of pages) {
    const stream = `BT /F1 11 Tf 14 TL 56 790 Td ${page.map((l) => `(${ascii(l)}) Tj T*`).join(' ')} ET`;
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    kids.push(objects.length + 1);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${objects.length} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

/** The transcript as the contract's `Transcript`. */
export const TRANSCRIPT_COLUMNS = `t.id, t.customer_id, c.name AS customer_name, t.title, t.language, t.status, t.duration_seconds, t.created_at, t.completed_at`;
export const transcriptObject = (r: TranscriptRow) => ({...r, created_at: iso(r.created_at)!, completed_at: iso(r.completed_at)});

const DOC_COLUMNS = `d.id, d.transcript_id, d.customer_id, c.name AS customer_name, t.title, t.language, t.duration_seconds, d.format, d.created_at, tc.segments AS content`;
const DOC_FROM = `documents d JOIN transcripts t ON t.id = d.transcript_id JOIN customers c ON c.id = d.customer_id LEFT JOIN transcript_content tc ON tc.transcript_id = d.transcript_id`;

export function transcriptRoutes(api: Hono<Env>): void {
  api.get('/transcripts', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const query = validate(TranscriptListQuery, c.req.query(), 'Invalid query parameters');
    const where = ['t.tenant_id = $1'];
    const params: unknown[] = [p.tenantId];
    if (query.customer_id !== undefined) {
      await assertCustomer(db, p.tenantId, query.customer_id);
      params.push(query.customer_id);
      where.push(`t.customer_id = $${params.length}`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`t.status = $${params.length}`);
    }
    if (query.q?.trim()) {
      params.push(likePattern(query.q.trim()));
      where.push(`(t.title ILIKE $${params.length} OR c.name ILIKE $${params.length})`);
    }
    // from / to: whole UTC days, both inclusive.
    if (query.from) {
      params.push(`${query.from}T00:00:00Z`);
      where.push(`t.created_at >= $${params.length}::timestamptz`);
    }
    if (query.to) {
      params.push(`${query.to}T00:00:00Z`);
      where.push(`t.created_at < $${params.length}::timestamptz + interval '1 day'`);
    }
    const whereSql = where.join(' AND ');
    const dir = query.order === 'asc' ? 'ASC' : 'DESC';
    const {rows: [count]} = await db.query<{total: number}>(
      `SELECT count(*)::int AS total FROM transcripts t JOIN customers c ON c.id = t.customer_id WHERE ${whereSql}`, params,
    );
    const {rows} = await db.query<TranscriptRow>(
      `SELECT ${TRANSCRIPT_COLUMNS}
       FROM transcripts t JOIN customers c ON c.id = t.customer_id WHERE ${whereSql}
       ORDER BY t.created_at ${dir}, t.id ${dir} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.per_page, (query.page - 1) * query.per_page],
    );
    return send(TranscriptPage, {
      data: rows.map(transcriptObject),
      page: query.page, per_page: query.per_page, total: count!.total,
    });
  });

  api.get('/transcripts/documents', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const query = validate(DocumentListQuery, c.req.query(), 'Invalid query parameters');
    const where = ['d.tenant_id = $1'];
    const params: unknown[] = [p.tenantId];
    if (query.customer_id !== undefined) {
      await assertCustomer(db, p.tenantId, query.customer_id);
      params.push(query.customer_id);
      where.push(`d.customer_id = $${params.length}`);
    }
    if (query.transcript_id !== undefined) {
      const {rows} = await db.query(`SELECT 1 FROM transcripts WHERE id = $1 AND tenant_id = $2`, [query.transcript_id, p.tenantId]);
      if (!rows.length) throw new ApiError(404, 'Transcript not found');
      params.push(query.transcript_id);
      where.push(`d.transcript_id = $${params.length}`);
    }
    if (query.format) {
      params.push(query.format);
      where.push(`d.format = $${params.length}`);
    }
    const whereSql = where.join(' AND ');
    const {rows: [count]} = await db.query<{total: number}>(`SELECT count(*)::int AS total FROM documents d WHERE ${whereSql}`, params);
    const {rows} = await db.query<DocumentRow>(
      `SELECT ${DOC_COLUMNS} FROM ${DOC_FROM}
       WHERE ${whereSql} ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.per_page, (query.page - 1) * query.per_page],
    );
    return send(DocumentPage, {
      data: rows.map((d) => ({
        id: d.id, transcript_id: d.transcript_id, customer_id: d.customer_id, customer_name: d.customer_name,
        filename: filenameOf(d), format: d.format, size_bytes: documentSize(d), created_at: iso(d.created_at),
        download_path: `/transcripts/documents/${d.id}/download`,
      })),
      page: query.page, per_page: query.per_page, total: count!.total,
    });
  });

  api.get('/transcripts/:id/content', async (c) => {
    const p = requireReseller(c);
    const id = idParam(c);
    const query = validate(TranscriptContentQuery, c.req.query(), 'Invalid query parameters');
    const {rows: [t]} = await c.get('deps').db.query<TranscriptRow & {content: StoredSegments | null}>(
      `SELECT t.id, t.customer_id, t.title, t.language, t.status, t.duration_seconds, tc.segments AS content
       FROM transcripts t LEFT JOIN transcript_content tc ON tc.transcript_id = t.id WHERE t.id = $1 AND t.tenant_id = $2`,
      [id, p.tenantId],
    );
    if (!t) throw new ApiError(404, 'Transcript not found');
    const all = segmentsOf(t, t.content);
    const from = Number(query.cursor ?? 0);
    const segments = all.slice(from, from + query.limit);
    return send(TranscriptContent, {
      transcript_id: t.id, customer_id: t.customer_id, title: t.title, language: t.language, direction: directionOf(t.language),
      status: t.status, duration_ms: t.duration_seconds * 1000, total: all.length, segments,
      next_cursor: from + query.limit < all.length ? String(from + query.limit) : null,
    });
  });

  api.get('/transcripts/documents/:id/download', async (c) => {
    const p = requireReseller(c);
    const {rows: [d]} = await c.get('deps').db.query<DocumentRow>(
      `SELECT ${DOC_COLUMNS} FROM ${DOC_FROM}
       WHERE d.id = $1 AND d.tenant_id = $2`,
      [idParam(c), p.tenantId],
    );
    if (!d) throw new ApiError(404, 'Document not found');
    const filename = filenameOf(d);
    return new Response(documentContent(d), {
      headers: {
        'content-type': CONTENT_TYPES[d.format]!,
        'content-disposition': `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
