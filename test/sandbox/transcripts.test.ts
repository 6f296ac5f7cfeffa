import assert from 'node:assert/strict';
import {test} from 'node:test';
import {DocumentPage, TranscriptPage} from '../../src/contract/schemas.js';
import {call, raw, tenant} from './helpers.js';

void test('GET /transcripts pages, filters by customer and status, searches titles, newest first by default', async () => {
  const t = await tenant({customers: 30});
  const all = TranscriptPage.parse((await call(t.token, 'GET', '/transcripts?per_page=100')).body);
  assert.ok(all.total > 10, `total ${all.total}`);
  for (let i = 1; i < all.data.length; i++) assert.ok(all.data[i - 1]!.created_at >= all.data[i]!.created_at);
  const asc = TranscriptPage.parse((await call(t.token, 'GET', '/transcripts?per_page=100&order=asc')).body);
  assert.equal(asc.data[0]!.created_at <= asc.data.at(-1)!.created_at, true);
  const one = all.data[0]!;
  const byCustomer = TranscriptPage.parse((await call(t.token, 'GET', `/transcripts?customer_id=${one.customer_id}&per_page=100`)).body);
  assert.ok(byCustomer.data.every((x) => x.customer_id === one.customer_id && x.customer_name === one.customer_name));
  const done = TranscriptPage.parse((await call(t.token, 'GET', '/transcripts?status=done&per_page=100')).body);
  assert.ok(done.data.every((x) => x.status === 'done' && x.completed_at));
  const word = one.title.split(' ')[0]!;
  const search = TranscriptPage.parse((await call(t.token, 'GET', `/transcripts?q=${encodeURIComponent(word.toUpperCase())}&per_page=100`)).body);
  assert.ok(search.total >= 1);
  assert.ok(search.data.every((x) => x.title.toLowerCase().includes(word.toLowerCase()) || x.customer_name.toLowerCase().includes(word.toLowerCase())));
  assert.equal((await call(t.token, 'GET', '/transcripts?status=lost')).status, 422);
});

void test('GET /transcripts/documents lists documents with size and download path; filters by format and transcript', async () => {
  const t = await tenant({customers: 30});
  const docs = DocumentPage.parse((await call(t.token, 'GET', '/transcripts/documents?per_page=100')).body);
  assert.ok(docs.total > 5);
  const d = docs.data[0]!;
  assert.equal(d.download_path, `/transcripts/documents/${d.id}/download`);
  assert.ok(d.filename.endsWith('.' + d.format));
  const srt = DocumentPage.parse((await call(t.token, 'GET', '/transcripts/documents?format=srt&per_page=100')).body);
  assert.ok(srt.data.every((x) => x.format === 'srt'));
  const byTranscript = DocumentPage.parse((await call(t.token, 'GET', `/transcripts/documents?transcript_id=${d.transcript_id}`)).body);
  assert.ok(byTranscript.data.length >= 1 && byTranscript.data.every((x) => x.transcript_id === d.transcript_id));
});

void test('document download: the file with its content type, attachment disposition and the listed size', async () => {
  const t = await tenant({customers: 40});
  const docs = DocumentPage.parse((await call(t.token, 'GET', '/transcripts/documents?per_page=100')).body).data;
  const types: Record<string, RegExp> = {
    txt: /^text\/plain/, srt: /^application\/x-subrip/, vtt: /^text\/vtt/, pdf: /^application\/pdf$/,
    docx: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/,
  };
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.format)) continue;
    seen.add(d.format);
    const res = await raw(d.download_path, {headers: {authorization: `Bearer ${t.token}`}});
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, types[d.format]!);
    assert.match(res.headers.get('content-disposition')!, new RegExp(`^attachment; filename="${d.filename.replace(/[.]/g, '\\.')}"`));
    const body = new Uint8Array(await res.arrayBuffer());
    assert.equal(body.byteLength, d.size_bytes);
    const text = new TextDecoder().decode(body);
    if (d.format === 'vtt') assert.ok(text.startsWith('WEBVTT\n'));
    if (d.format === 'srt') assert.match(text, /^1\n\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}\n/);
    if (d.format === 'pdf') assert.ok(text.startsWith('%PDF-1.4') && text.trimEnd().endsWith('%%EOF'));
  }
  assert.ok(seen.size >= 4, [...seen].join());
  assert.equal((await raw('/transcripts/documents/999999/download', {headers: {authorization: `Bearer ${t.token}`}})).status, 404);
});

void test('GET /transcripts?from&to keeps whole UTC days, both inclusive', async () => {
  const t = await tenant({customers: 30});
  const all = [];
  for (let page = 1; ; page++) {
    const data = TranscriptPage.parse((await call(t.token, 'GET', `/transcripts?per_page=100&page=${page}`)).body).data;
    if (!data.length) break;
    all.push(...data);
  }
  const day = all[Math.floor(all.length / 2)]!.created_at.slice(0, 10);
  const res = TranscriptPage.parse((await call(t.token, 'GET', `/transcripts?from=${day}&to=${day}&per_page=100`)).body);
  assert.ok(res.total >= 1);
  assert.ok(res.data.every((x) => x.created_at.slice(0, 10) === day));
  assert.equal(res.total, all.filter((x) => x.created_at.slice(0, 10) === day).length);
});
