/**
 * A report as PDF, built with PDFKit (a sandbox dependency only: it never reaches the browser
 * bundle; the element downloads the bytes the server built). A4, the standard Helvetica font (no
 * font file to ship), a header with the reseller, period and generation time, the totals, one row
 * per plan and one per customer over as many pages as needed.
 *
 * The standard fonts carry the Windows-1252 characters only: a character outside it is written
 * without its accents when that is enough (Satō → Sato), else as `?`; the CSV keeps every name
 * exactly. The document says so in its footer.
 */
import PDFDocument from 'pdfkit';
import type {ReportRow} from './reports.js';

const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const encodable = (ch: string): boolean => {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.includes(ch);
};

/** Text the standard fonts can show: accents dropped where needed, other characters as `?`. */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    if (encodable(ch)) out += ch;
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every(encodable) ? base : /\s/.test(ch) ? ' ' : '?';
    }
  }
  return out;
}

const num = (n: number, digits = 0) => n.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits});
const PLAN_NAMES: Record<string, string> = {bronze: 'Bronze', silver: 'Silver', gold: 'Gold', enterprise: 'Enterprise'};

/** The report as a PDF file. */
export function reportPdf(r: ReportRow, resellerName: string): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new PDFDocument({
    size: 'A4', margin: 48, bufferPages: true,
    info: {Title: `Usage report ${r.period}`, Author: pdfText(resellerName), Subject: `Monthly usage report ${r.period_from} to ${r.period_to}`, Creator: 'reseller-elements sandbox'},
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 24;

  doc.font('Helvetica-Bold').fontSize(18).text(`Usage report ${r.period}`);
  doc.font('Helvetica').fontSize(10).fillColor('#444444')
    .text(pdfText(resellerName))
    .text(`Period ${r.period_from} to ${r.period_to}${r.complete ? '' : ' (month in progress)'}`)
    .text(`Generated ${new Date(r.generated_at).toISOString().replace('.000Z', 'Z')} (${r.trigger === 'schedule' ? 'month-end job' : 'generated on request'})`);
  doc.moveDown(1).fillColor('#000000');

  const t = r.data.totals;
  doc.font('Helvetica-Bold').fontSize(12).text('Totals');
  doc.font('Helvetica').fontSize(10);
  const totals: [string, string][] = [
    ['Customers', `${num(t.customers)} (${num(t.active_customers)} active)`],
    ['Audio minutes', num(t.audio_minutes, 1)],
    ['Transcriptions', num(t.transcriptions)],
    ['Quota minutes', num(t.quota_minutes)],
    ['Minutes over quota', num(t.overage_minutes, 1)],
  ];
  for (const [label, value] of totals) doc.text(`${label}: ${value}`);
  doc.moveDown(1);

  /** Columns as [header, width share, right-aligned]. */
  const table = (title: string, columns: [string, number, boolean][], rows: string[][]) => {
    doc.font('Helvetica-Bold').fontSize(12).text(title, left);
    const xs: number[] = [];
    let x = left;
    for (const [, share] of columns) {
      xs.push(x);
      x += share * width;
    }
    const row = (cells: string[], bold: boolean) => {
      if (doc.y > bottom()) doc.addPage();
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      cells.forEach((cell, i) => {
        const [, share, right] = columns[i]!;
        doc.text(cell, xs[i]!, y, {width: share * width - 6, align: right ? 'right' : 'left', lineBreak: false, ellipsis: true});
      });
      doc.y = y + 14;
    };
    row(columns.map(([h]) => h), true);
    for (const cells of rows) row(cells, false);
    doc.x = left;
    doc.moveDown(1);
  };

  table('By plan', [['Plan', 0.24, false], ['Customers', 0.14, true], ['Quota min.', 0.16, true], ['Audio min.', 0.16, true], ['Transcriptions', 0.15, true], ['Over quota', 0.15, true]],
    r.data.plans.map((p) => [PLAN_NAMES[p.plan] ?? p.plan, num(p.customers), num(p.quota_minutes), num(p.audio_minutes, 1), num(p.transcriptions), num(p.overage_minutes, 1)]));
  table('By customer', [['Customer', 0.34, false], ['Plan', 0.11, false], ['Audio min.', 0.12, true], ['Transcr.', 0.1, true], ['Quota', 0.11, true], ['Use %', 0.09, true], ['Over', 0.13, true]],
    r.data.lines.map((l) => [pdfText(l.name), PLAN_NAMES[l.plan] ?? l.plan, num(l.audio_minutes, 1), num(l.transcriptions), num(l.quota_minutes), num(l.usage_percent, 1), num(l.overage_minutes, 1)]));

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(8).fillColor('#666666').text(
      `Usage report ${r.period} · page ${i + 1} of ${range.count} · names outside Latin-1 appear without accents or as ?; the CSV has them exactly`,
      left, doc.page.height - doc.page.margins.bottom - 10, {width, lineBreak: false},
    );
  }
  doc.end();
  return done;
}
