/**
 * Search within a transcript's text: every case-insensitive occurrence of the query, in reading
 * order, and a segment's text split into plain and matched parts for the template to wrap in
 * `<mark>` (text only: never HTML, so hostile text stays inert).
 */
import type {TranscriptSegment} from '../../contract/schemas.js';

export interface Match {
  /** Index of the segment in the transcript. */
  segment: number;
  /** Offset of the match in the segment's text. */
  start: number;
}

/** Lower case that keeps every UTF-16 offset (a letter whose lower case is longer stays as it is). */
const fold = (s: string): string => {
  const lower = s.toLowerCase();
  return lower.length === s.length ? lower : Array.from(s, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
};

/** Every match of `query` (trimmed; empty finds nothing) in the segments' texts. */
export function findMatches(segments: readonly TranscriptSegment[], query: string): Match[] {
  const q = fold(query.trim());
  if (!q) return [];
  const out: Match[] = [];
  for (const [i, s] of segments.entries()) {
    const text = fold(s.text);
    for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + q.length)) out.push({segment: i, start: at});
  }
  return out;
}

export interface Part {
  text: string;
  /** Index of the match in the whole transcript, or -1 for plain text. */
  match: number;
}

/** A segment's text in parts: plain, then each match (`first` is the index of its first match). */
export function splitText(text: string, starts: readonly number[], length: number, first: number): Part[] {
  const parts: Part[] = [];
  let at = 0;
  starts.forEach((start, k) => {
    if (start > at) parts.push({text: text.slice(at, start), match: -1});
    parts.push({text: text.slice(start, start + length), match: first + k});
    at = start + length;
  });
  if (at < text.length) parts.push({text: text.slice(at), match: -1});
  return parts;
}
