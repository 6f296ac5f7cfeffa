/**
 * Control API: `POST /__sandbox/transcripts` (tenant's RESELLER token) body
 * `{customer_id, title, status?, language?, documents?, duration_seconds?, segments?}` adds one
 * transcript (and, when done, one document per format) to a customer of the caller's tenant,
 * answering `201 {id}`. A finished one (two minutes long unless `duration_seconds` says otherwise)
 * also counts in the customer's usage for today, as the seeded ones do. Hostile-content tests use it
 * to store any title and any segment text (`segments: [{speaker, text}]`, timed evenly over the
 * duration; without them the text is generated like a seeded transcript's); document file names are
 * derived from the title as always, and the documents carry the same segments.
 */
import type {Hono} from 'hono';
import * as z from 'zod/mini';
import {TRANSCRIPT_STATUSES} from '../src/contract/constants.js';
import {Id} from '../src/contract/schemas.js';
import {type Env, requireReseller} from './context.js';
import {ApiError, JSON_LIMIT, NO_STORE, parseJson, readLimited, validate} from './http.js';
import {publishTranscript, usageOf} from './live.js';

const TranscriptSeed = z.object({
  customer_id: Id,
  title: z.string().check(z.minLength(1), z.maxLength(10_000)),
  status: z.optional(z.enum(TRANSCRIPT_STATUSES)),
  language: z.optional(z.string().check(z.minLength(2), z.maxLength(10))),
  documents: z.optional(z.array(z.enum(['docx', 'srt', 'pdf', 'txt', 'vtt'])).check(z.maxLength(5))),
  duration_seconds: z.optional(z.int().check(z.minimum(1), z.maximum(86_400))),
  segments: z.optional(z.array(z.object({
    speaker: z.string().check(z.maxLength(200)),
    text: z.string().check(z.maxLength(2000)),
  })).check(z.maxLength(200))),
});

export function transcriptControlRoutes(app: Hono<Env>): void {
  app.post('/__sandbox/transcripts', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const input = validate(TranscriptSeed, parseJson(c.req.raw, await readLimited(c.req.raw, JSON_LIMIT)));
    const owner = await db.query(`SELECT id FROM customers WHERE id = $1 AND tenant_id = $2`, [input.customer_id, p.tenantId]);
    if (!owner.rows.length) throw new ApiError(404);
    const status = input.status ?? 'done';
    const duration = input.duration_seconds ?? 120;
    const {rows} = await db.query<{id: number}>(
      `INSERT INTO transcripts (tenant_id, customer_id, title, language, status, duration_seconds, created_at, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, now(), CASE WHEN $5 = 'done' THEN now() ELSE NULL END) RETURNING id`,
      [p.tenantId, input.customer_id, input.title, input.language ?? 'en', status, duration],
    );
    const id = rows[0]!.id;
    if (input.segments) await db.query(`INSERT INTO transcript_content (transcript_id, segments) VALUES ($1, $2::jsonb)`, [id, JSON.stringify(input.segments)]);
    if (status === 'done') {
      // Usage is aggregated from finished transcripts: this one counts today.
      await db.query(
        `INSERT INTO usage_daily (customer_id, day, audio_minutes, transcriptions) VALUES ($1, (now() AT TIME ZONE 'UTC')::date, $2, 1)
         ON CONFLICT (customer_id, day) DO UPDATE SET audio_minutes = usage_daily.audio_minutes + $2, transcriptions = usage_daily.transcriptions + 1`,
        [input.customer_id, duration / 60],
      );
      for (const format of input.documents ?? ['txt']) {
        await db.query(`INSERT INTO documents (tenant_id, customer_id, transcript_id, format, created_at) VALUES ($1, $2, $3, $4, now())`, [p.tenantId, input.customer_id, id, format]);
      }
    }
    // Live: the new transcript, and (when done) its customer's usage now.
    const {live} = c.get('deps');
    await publishTranscript(db, live, p.tenantId, id);
    if (status === 'done') {
      const usage = await usageOf(db, input.customer_id);
      if (usage) live.publish(p.tenantId, 'usage', {usage});
    }
    return c.json({id}, 201, NO_STORE);
  });
}
