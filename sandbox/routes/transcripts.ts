/** Transcripts, their documents, and document downloads (content generated from the transcript). */
import type {Hono} from 'hono';
import {DocumentListQuery, DocumentPage, TranscriptListQuery, TranscriptPage} from '../../src/contract/schemas.js';
import {type Env, idParam, iso, requireReseller, send} from '../context.js';
import {ApiError, validate} from '../http.js';
import {assertCustomer, likePattern} from '../model.js';
import {zipStored} from '../zip.js';

interface TranscriptRow {
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
}

const CONTENT_TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  srt: 'application/x-subrip; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const LINES = [
  'Good morning everyone, thank you for joining.',
  'Let us start with the figures of last quarter.',
  'The transcription accuracy improved again this month.',
  'Could you share the slides after the meeting?',
  'We agreed to follow up with the client next week.',
  'Are there any questions before we move on?',
  'The next item on the agenda is the budget.',
  'Thanks, that is all from my side.',
];

const slugify = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'transcript';

const filenameOf = (d: Pick<DocumentRow, 'title' | 'transcript_id' | 'format'>) => `${slugify(d.title)}-${d.transcript_id}.${d.format}`;

const stamp = (seconds: number, sep: ',' | '.') => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${sep}000`;
};

/** The document's bytes, generated deterministically from its transcript. */
export function documentContent(d: Pick<DocumentRow, 'title' | 'transcript_id' | 'format' | 'duration_seconds' | 'language'>): Uint8Array<ArrayBuffer> {
  const cues = Math.max(2, Math.min(40, Math.floor(d.duration_seconds / 30)));
  const step = Math.max(1, Math.floor(d.duration_seconds / cues));
  const line = (i: number) => LINES[(i + d.transcript_id) % LINES.length]!;
  const enc = new TextEncoder();
  const timed = Array.from({length: cues}, (_, i) => `[${stamp(i * step, '.').slice(0, 8)}] ${line(i)}`);
  switch (d.format) {
    case 'srt':
      return enc.encode(Array.from({length: cues}, (_, i) => `${i + 1}\n${stamp(i * step, ',')} --> ${stamp((i + 1) * step, ',')}\n${line(i)}\n`).join('\n'));
    case 'vtt':
      return enc.encode('WEBVTT\n\n' + Array.from({length: cues}, (_, i) => `${stamp(i * step, '.')} --> ${stamp((i + 1) * step, '.')}\n${line(i)}\n`).join('\n'));
    case 'txt':
      return enc.encode(`${d.title}\nLanguage: ${d.language}\n\n${timed.join('\n')}\n`);
    case 'pdf':
      return pdf([d.title, `Language: ${d.language}`, '', ...timed]);
    default:
      return docx([d.title, `Language: ${d.language}`, ...timed]);
  }
}

/** Text for XML: the characters XML 1.0 allows, with the five markup characters escaped. */
const xmlText = (s: string) =>
  s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/[&<>"']/g, (c) => `&${({'&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos'} as Record<string, string>)[c]!};`);

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A minimal valid Word document: the three parts Word needs, one paragraph per line. */
function docx(lines: string[]): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${xmlText(l)}</w:t></w:r></w:p>`).join('');
  return zipStored([
    ['[Content_Types].xml', enc.encode(`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)],
    ['_rels/.rels', enc.encode(`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)],
    ['word/document.xml', enc.encode(`${XML_HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`)],
  ]);
}

/**
 * A valid PDF 1.4 with the lines in Helvetica, as many A4 pages as they need. PDF strings here are
 * ASCII: accents are dropped, other characters become '?', and ( ) \ are escaped.
 */
function pdf(lines: string[]): Uint8Array<ArrayBuffer> {
  const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '\\$&');
  const perPage = 48;
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
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
  return new TextEncoder().encode(out);
}

const DOC_COLUMNS = `d.id, d.transcript_id, d.customer_id, c.name AS customer_name, t.title, t.language, t.duration_seconds, d.format, d.created_at`;

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
      `SELECT t.id, t.customer_id, c.name AS customer_name, t.title, t.language, t.status, t.duration_seconds, t.created_at, t.completed_at
       FROM transcripts t JOIN customers c ON c.id = t.customer_id WHERE ${whereSql}
       ORDER BY t.created_at ${dir}, t.id ${dir} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.per_page, (query.page - 1) * query.per_page],
    );
    return send(TranscriptPage, {
      data: rows.map((r) => ({...r, created_at: iso(r.created_at), completed_at: iso(r.completed_at)})),
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
      `SELECT ${DOC_COLUMNS} FROM documents d JOIN transcripts t ON t.id = d.transcript_id JOIN customers c ON c.id = d.customer_id
       WHERE ${whereSql} ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.per_page, (query.page - 1) * query.per_page],
    );
    return send(DocumentPage, {
      data: rows.map((d) => ({
        id: d.id, transcript_id: d.transcript_id, customer_id: d.customer_id, customer_name: d.customer_name,
        filename: filenameOf(d), format: d.format, size_bytes: documentContent(d).byteLength, created_at: iso(d.created_at),
        download_path: `/transcripts/documents/${d.id}/download`,
      })),
      page: query.page, per_page: query.per_page, total: count!.total,
    });
  });

  api.get('/transcripts/documents/:id/download', async (c) => {
    const p = requireReseller(c);
    const {rows: [d]} = await c.get('deps').db.query<DocumentRow>(
      `SELECT ${DOC_COLUMNS} FROM documents d JOIN transcripts t ON t.id = d.transcript_id JOIN customers c ON c.id = d.customer_id
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
