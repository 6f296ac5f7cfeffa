import assert from 'node:assert/strict';
import {test} from 'node:test';
import {DocumentPage, ErrorBody, TranscriptContent, TranscriptPage, type Transcript} from '../../src/contract/schemas.js';
import {call, control, firstCustomer, raw, tenant} from './helpers.js';

async function allContent(token: string, id: number, limit = 2000): Promise<TranscriptContent[]> {
  const pages: TranscriptContent[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const res = await call(token, 'GET', `/transcripts/${id}/content?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const page = TranscriptContent.parse(res.body);
    pages.push(page);
    cursor = page.next_cursor;
  }
  return pages;
}

async function doneTranscripts(token: string): Promise<Transcript[]> {
  return TranscriptPage.parse((await call(token, 'GET', '/transcripts?status=done&per_page=100')).body).data;
}

void test('GET /transcripts/{id}/content: ordered, non-overlapping segments inside the duration, with speakers and confidence', async () => {
  const t = await tenant({customers: 30});
  const one = (await doneTranscripts(t.token)).find((x) => x.duration_seconds > 300 && x.duration_seconds < 3000);
  const [page] = await allContent(t.token, one!.id);
  assert.equal(page!.transcript_id, one!.id);
  assert.equal(page!.customer_id, one!.customer_id);
  assert.equal(page!.title, one!.title);
  assert.equal(page!.language, one!.language);
  assert.equal(page!.duration_ms, one!.duration_seconds * 1000);
  assert.equal(page!.total, page!.segments.length);
  assert.ok(page!.total >= one!.duration_seconds / 8, `${page!.total} segments for ${one!.duration_seconds} s`);
  let last = 0;
  for (const [i, s] of page!.segments.entries()) {
    assert.equal(s.index, i);
    assert.ok(s.start_ms >= last && s.end_ms > s.start_ms && s.end_ms <= page!.duration_ms, JSON.stringify(s));
    assert.ok(s.text.length > 0 && s.speaker.length > 0 && s.confidence >= 0 && s.confidence <= 1);
    last = s.end_ms;
  }
  assert.ok(new Set(page!.segments.map((s) => s.speaker)).size >= 2);
  // Deterministic: the same answer again.
  assert.deepEqual((await allContent(t.token, one!.id))[0], page);
});

void test('content pages by cursor: the pages join up to the whole transcript; bad cursor or limit is 4xx with an error body, never 500', async () => {
  const t = await tenant({customers: 30});
  const longest = (await doneTranscripts(t.token)).find((x) => x.duration_seconds > 600 && x.duration_seconds < 3000)!;
  const whole = (await allContent(t.token, longest.id))[0]!;
  const paged = await allContent(t.token, longest.id, 25);
  assert.ok(paged.length > 1, `${paged.length} pages`);
  assert.ok(paged.slice(0, -1).every((p) => p.segments.length === 25));
  assert.deepEqual(paged.flatMap((p) => p.segments), whole.segments);
  for (const query of ['cursor=-1', 'cursor=abc', 'cursor=1e3', 'cursor=%00', 'limit=0', 'limit=2001', 'limit=x']) {
    const res = await call(t.token, 'GET', `/transcripts/${longest.id}/content?${query}`);
    assert.ok(res.status === 422 || res.status === 400, `${query}: ${res.status}`);
    assert.ok(ErrorBody.parse(res.body).error.message, query);
  }
  const past = TranscriptContent.parse((await call(t.token, 'GET', `/transcripts/${longest.id}/content?cursor=9999999`)).body);
  assert.deepEqual([past.segments.length, past.next_cursor, past.total], [0, null, whole.total]);
});

void test('content: another tenant, hostile ids and a RESELLEE answer as the other endpoints do', async () => {
  const a = await tenant({customers: 30});
  const b = await tenant({customers: 5});
  const [one] = await doneTranscripts(a.token);
  assert.equal((await call(b.token, 'GET', `/transcripts/${one!.id}/content`)).status, 404);
  for (const id of ['0', '-1', '1.5', '2147483648', '99999999999', "1'or'1'='1", '%2e%2e', 'documents']) {
    const res = await call(a.token, 'GET', `/transcripts/${id}/content`);
    assert.equal(res.status, 404, id);
    assert.ok(ErrorBody.parse(res.body).error.code, id);
  }
  assert.equal((await call(a.reselleeToken, 'GET', `/transcripts/${one!.id}/content`)).status, 403);
  assert.equal((await raw(`/transcripts/${one!.id}/content`)).status, 401);
});

void test('content in each seeded language, with its direction; a transcript still processing has no segments yet', async () => {
  const t = await tenant({customers: 30});
  const customer = (await firstCustomer(t)).id as number;
  const texts = new Map<string, string>();
  for (const language of ['en-GB', 'nl-NL', 'de-DE', 'fr-FR', 'es-ES', 'ar-AE']) {
    const {body} = await control('POST', '/transcripts', t.token, {customer_id: customer, title: `In ${language}`, language, duration_seconds: 60});
    const page = TranscriptContent.parse((await call(t.token, 'GET', `/transcripts/${(body as {id: number}).id}/content`)).body);
    assert.equal(page.direction, language === 'ar-AE' ? 'rtl' : 'ltr');
    assert.ok(page.total > 5);
    texts.set(language, page.segments.map((s) => s.text).join(' '));
  }
  assert.match(texts.get('ar-AE')!, /[\u0600-\u06ff]/);
  assert.match(texts.get('de-DE')!, /\b(die|der|das|wir|Sie)\b/);
  assert.equal(new Set(texts.values()).size, 6);
  const {body} = await control('POST', '/transcripts', t.token, {customer_id: customer, title: 'Later', status: 'processing'});
  const pending = TranscriptContent.parse((await call(t.token, 'GET', `/transcripts/${(body as {id: number}).id}/content`)).body);
  assert.deepEqual([pending.status, pending.total, pending.segments, pending.next_cursor], ['processing', 0, [], null]);
});

void test('a two-hour transcript: ~1,400–2,500 segments, served in two pages of 2,000 at most', async () => {
  const t = await tenant({customers: 5});
  const customers = {data: [await firstCustomer(t)]};
  const {body} = await control('POST', '/transcripts', t.token, {customer_id: customers.data[0]!.id, title: 'Two hours', duration_seconds: 7200});
  const pages = await allContent(t.token, (body as {id: number}).id);
  const total = pages[0]!.total;
  assert.ok(total >= 1400 && total <= 2500, String(total));
  assert.ok(pages.length <= 2);
  assert.ok(pages.at(-1)!.segments.at(-1)!.end_ms <= 7_200_000);
});

void test('the documents carry the same lines as the content: txt, srt and vtt cue by cue, stored hostile segments too', async () => {
  const t = await tenant({customers: 5});
  const customers = {data: [await firstCustomer(t)]};
  const segments = [{speaker: '<b>Eve</b>', text: '<img src=x onerror=alert(1)> & "quotes"'}, {speaker: 'Bob', text: 'مرحبا --> 00:00'}];
  const {body} = await control('POST', '/transcripts', t.token, {customer_id: customers.data[0]!.id, title: 'Hostile', segments, documents: ['txt', 'srt', 'vtt']});
  const id = (body as {id: number}).id;
  const content = TranscriptContent.parse((await call(t.token, 'GET', `/transcripts/${id}/content`)).body);
  assert.deepEqual(content.segments.map((s) => [s.speaker, s.text]), segments.map((s) => [s.speaker, s.text]));
  const docs = DocumentPage.parse((await call(t.token, 'GET', `/transcripts/documents?transcript_id=${id}`)).body).data;
  const text = async (format: string) => {
    const d = docs.find((x) => x.format === format)!;
    const res = await raw(d.download_path, {headers: {authorization: `Bearer ${t.token}`}});
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(bytes.byteLength, d.size_bytes, format);
    return new TextDecoder().decode(bytes);
  };
  const txt = await text('txt');
  for (const s of content.segments) assert.ok(txt.includes(`${s.speaker}: ${s.text}`), txt);
  const srt = await text('srt');
  assert.equal(srt.split('\n\n').length, content.total);
  assert.ok(srt.includes(`${segments[0]!.speaker}: ${segments[0]!.text}`));
  const vtt = await text('vtt');
  assert.ok(vtt.includes('<v &lt;b&gt;Eve&lt;/b&gt;>&lt;img src=x onerror=alert(1)&gt; &amp; "quotes"'), vtt);
  assert.ok(vtt.includes('<v Bob>مرحبا --&gt; 00:00'), vtt);

  // A seeded transcript's documents match its generated content too.
  const seeded = DocumentPage.parse((await call(t.token, 'GET', '/transcripts/documents?format=srt&per_page=25')).body).data[0]!;
  const seededContent = (await allContent(t.token, seeded.transcript_id))[0]!;
  const res = await raw(seeded.download_path, {headers: {authorization: `Bearer ${t.token}`}});
  const cues = (await res.text()).trim().split('\n\n').map((cue) => cue.split('\n')[2]);
  assert.deepEqual(cues, seededContent.segments.map((s) => `${s.speaker}: ${s.text}`));
});
