/**
 * The long-transcript bench (section "transcript"): a two-hour transcript (~1,500 segments) in
 * `<reseller-transcript-viewer>` against a hand-written DOM list of the same segments (the
 * baseline: one `<li>` per segment with speaker, time and text, the same layout CSS and the same
 * 70vh scroll box, every segment in the DOM, built with createElement/textContent; its search marks
 * every match the way the viewer does and scrolls the first into view). Timed here: insert → first
 * segments painted (measure.ts), with the long tasks (> 50 ms, `longtask` entries) seen during the
 * open; a scroll from top to bottom, one box height per frame, with its long tasks and the longest
 * frame. Search-as-you-type is typed for real by the Node side; its latency comes from the Event
 * Timing entries the harness's observer collects (harness.ts, `inpTake`).
 */
import type {TranscriptContent, TranscriptSegment} from '../../src/contract/schemas.js';
import type {ResellerProvider} from '../../src/elements/provider/provider.js';
import type {ResellerTranscriptViewer} from '../../src/elements/transcript-viewer/transcript-viewer.js';
import {settle, timeToPaint, whenDom, type Timing} from './measure.js';

/** A mounted contender: its scroll box, its search field, and how to remove it. */
interface Shown {
  box: HTMLElement;
  search: HTMLInputElement;
  segments(): number;
  unmount(): void;
}

interface Contender {
  name: string;
  kind: 'kit' | 'baseline';
  description: string;
  mount(stage: HTMLElement): Promise<Shown>;
}

let provider: ResellerProvider | undefined;
let stage: HTMLElement | undefined;
let transcriptId = 0;
let segments: TranscriptSegment[] = [];

/** Every page of the transcript's content through the provider's client: its cache is warm afterwards. */
export async function transcriptSetup(token: string, id: number) {
  provider?.remove();
  provider = document.createElement('reseller-provider');
  provider.token = token;
  provider.clientOptions = {cacheTtlMs: 60 * 60_000};
  stage = document.createElement('div');
  stage.id = 'transcript-stage';
  stage.style.inlineSize = '960px';
  provider.append(stage);
  document.body.append(provider);
  transcriptId = id;
  segments = [];
  // The same calls, with the same queries, as the viewer makes (so they are served from the cache).
  let page: TranscriptContent = await provider.client.getTranscriptContent(id, {limit: 2000});
  segments.push(...page.segments);
  while (page.next_cursor !== null) {
    page = await provider.client.getTranscriptContent(id, {limit: 2000, cursor: page.next_cursor});
    segments.push(...page.segments);
  }
  return {segments: segments.length, durationMs: page.duration_ms, characters: segments.reduce((n, s) => n + s.text.length, 0)};
}

// ---- the kit -------------------------------------------------------------------------------------

const kit: Contender = {
  name: 'kit <reseller-transcript-viewer>',
  kind: 'kit',
  description: 'the viewer in a provider whose client cache holds every page of the content (no request while timing)',
  async mount(s) {
    const viewer = document.createElement('reseller-transcript-viewer') as ResellerTranscriptViewer;
    viewer.setAttribute('transcription-id', String(transcriptId));
    s.append(viewer);
    const root = viewer.shadowRoot!;
    const count = () => root.querySelectorAll('[part~="segment"]').length;
    await whenDom(root, () => count() > 0, 30_000, 'the viewer\'s first segments');
    return {
      box: root.querySelector<HTMLElement>('[part~="segments"]')!,
      search: root.querySelector<HTMLInputElement>('input[part~="search"]')!,
      segments: count,
      unmount: () => viewer.remove(),
    };
  },
};

// ---- the hand-written baseline ---------------------------------------------------------------------

const BASELINE_CSS = `
  .box { max-block-size: 70vh; overflow: auto; border: 1px solid #ccc; border-radius: 6px; }
  ol { margin: 0; padding: 0; list-style: none; }
  li { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0 12px; padding: 8px 12px; border-block-end: 1px solid #ccc; }
  .speaker { font-weight: 600; overflow-wrap: anywhere; }
  .time { color: #555; font-variant-numeric: tabular-nums; }
  .text { grid-column: 1 / -1; margin: 0; overflow-wrap: anywhere; }
  mark { background: #fde68a; color: inherit; }
  mark.current { outline: 2px solid #2266dd; }
`;

const stamp = (ms: number) => {
  const s = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return `${h ? `${h}:${two(Math.floor(s / 60) % 60)}` : Math.floor(s / 60)}:${two(s % 60)}`;
};

const baseline: Contender = {
  name: 'hand-written DOM list',
  kind: 'baseline',
  description: 'one <li> per segment (speaker, <time>, text) built with createElement/textContent in a shadow root, same layout CSS, every segment in the DOM; search marks every match and scrolls the first into view',
  async mount(s) {
    const host = document.createElement('div');
    const root = host.attachShadow({mode: 'open'});
    const style = document.createElement('style');
    style.textContent = BASELINE_CSS;
    const search = document.createElement('input');
    search.type = 'search';
    search.setAttribute('aria-label', 'Search');
    const box = document.createElement('div');
    box.className = 'box';
    box.tabIndex = 0;
    const list = document.createElement('ol');
    const texts: HTMLParagraphElement[] = [];
    for (const seg of segments) {
      const li = document.createElement('li');
      const speaker = document.createElement('span');
      speaker.className = 'speaker';
      speaker.textContent = seg.speaker;
      const time = document.createElement('time');
      time.className = 'time';
      time.textContent = stamp(seg.start_ms);
      const p = document.createElement('p');
      p.className = 'text';
      p.textContent = seg.text;
      texts.push(p);
      li.append(speaker, time, p);
      list.append(li);
    }
    box.append(list);
    root.append(style, search, box);
    let marked = new Set<number>();
    search.addEventListener('input', () => {
      const q = search.value.trim().toLowerCase();
      const next = new Set<number>();
      let first = null as HTMLElement | null;
      segments.forEach((seg, i) => {
        const lower = q ? seg.text.toLowerCase() : '';
        let at = q ? lower.indexOf(q) : -1;
        if (at < 0) {
          if (marked.has(i)) texts[i]!.textContent = seg.text;
          return;
        }
        next.add(i);
        const p = texts[i]!;
        p.textContent = '';
        let from = 0;
        for (; at >= 0; at = lower.indexOf(q, at + q.length)) {
          if (at > from) p.append(seg.text.slice(from, at));
          const mark = document.createElement('mark');
          mark.textContent = seg.text.slice(at, at + q.length);
          if (!first) (first = mark).className = 'current';
          p.append(mark);
          from = at + q.length;
        }
        if (from < seg.text.length) p.append(seg.text.slice(from));
      });
      marked = next;
      first?.scrollIntoView({block: 'nearest', inline: 'nearest'});
    });
    s.append(host);
    return {box, search, segments: () => list.children.length, unmount: () => host.remove()};
  },
};

const CONTENDERS = [kit, baseline];

function contender(name: string): Contender {
  const found = CONTENDERS.find((c) => c.name === name);
  if (!found) throw new Error(`unknown transcript contender "${name}" (known: ${CONTENDERS.map((c) => c.name).join(', ')})`);
  return found;
}

export function transcriptContenders() {
  return CONTENDERS.map(({name, kind, description}) => ({name, kind, description}));
}

// ---- long tasks ------------------------------------------------------------------------------------

let longTasks: PerformanceEntry[] = [];
let longTaskObserver: PerformanceObserver | undefined;

function watchLongTasks(): void {
  if (longTaskObserver) return;
  longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  longTaskObserver.observe({type: 'longtask', buffered: false});
}

/** The long tasks that started at or after `since` (ms on the page's clock). */
function takeLongTasks(since: number): number[] {
  longTasks.push(...(longTaskObserver?.takeRecords() ?? []));
  const out = longTasks.filter((e) => e.startTime >= since).map((e) => Math.round(e.duration));
  longTasks = [];
  return out;
}

// ---- samples -------------------------------------------------------------------------------------

let mounted: Shown | undefined;

/** One open sample: insert → first segments painted (timed), long tasks until two frames later, unmount. */
export async function transcriptOpen(name: string): Promise<Timing & {segments: number; longTasks: number[]}> {
  if (!stage) throw new Error('bench.transcriptSetup() first');
  const c = contender(name);
  const s = stage;
  watchLongTasks();
  await settle();
  takeLongTasks(performance.now());
  const since = performance.now();
  let shown: Shown | undefined;
  const timing = await timeToPaint(async () => (shown = await c.mount(s)));
  await settle();
  await settle();
  const tasks = takeLongTasks(since);
  const count = shown!.segments();
  shown!.unmount();
  return {...timing, segments: count, longTasks: tasks};
}

/** Mounts a contender and keeps it (for the typing and scrolling samples). */
export async function transcriptMount(name: string): Promise<{segments: number}> {
  if (!stage) throw new Error('bench.transcriptSetup() first');
  mounted?.unmount();
  mounted = await contender(name).mount(stage);
  await settle();
  await settle();
  watchLongTasks();
  takeLongTasks(performance.now());
  return {segments: mounted.segments()};
}

/** Empties the kept contender's search field (between typing samples; not timed). */
export async function transcriptClearSearch(): Promise<void> {
  if (!mounted) throw new Error('bench.transcriptMount() first');
  mounted.search.value = '';
  mounted.search.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  mounted.box.scrollTop = 0;
  await settle();
  await settle();
}

/** Marks shown now in the kept contender (the typing sample's check that the search did its work). */
export function transcriptMarks(): number {
  return mounted?.box.querySelectorAll('mark').length ?? 0;
}

/**
 * Scrolls the kept contender's box from top to bottom, one box height per frame; the long tasks
 * meanwhile, the longest frame (rAF to rAF) and how many frames it took.
 */
export async function transcriptScroll(): Promise<{frames: number; longestFrame: number; longTasks: number[]; scrolled: number}> {
  if (!mounted) throw new Error('bench.transcriptMount() first');
  const box = mounted.box;
  box.scrollTop = 0;
  await settle();
  const since = performance.now();
  let frames = 0;
  let longest = 0;
  let last = since;
  await new Promise<void>((resolve) => {
    const step = (now: number) => {
      longest = Math.max(longest, now - last);
      last = now;
      frames++;
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1 || frames > 5000) return resolve();
      box.scrollTop += box.clientHeight;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  await settle();
  return {frames, longestFrame: Math.round(longest * 10) / 10, longTasks: takeLongTasks(since), scrolled: Math.round(box.scrollTop)};
}

export function transcriptUnmount(): void {
  mounted?.unmount();
  mounted = undefined;
}

// ---- search-as-you-type: Event Timing ---------------------------------------------------------------

interface EventEntry extends PerformanceEntry {
  interactionId: number;
}

let eventEntries: EventEntry[] = [];
let eventObserver: PerformanceObserver | undefined;

/** Starts collecting Event Timing entries (16 ms threshold, the lowest the API allows). */
export function transcriptWatchEvents(): void {
  if (eventObserver) return;
  eventObserver = new PerformanceObserver((list) => eventEntries.push(...(list.getEntries() as EventEntry[])));
  eventObserver.observe({type: 'event', durationThreshold: 16, buffered: true} as PerformanceObserverInit);
}

/**
 * The interactions since the last call (per interactionId the longest entry: key down → next
 * paint, rounded to 8 ms by the browser), after two rendered frames, and the long tasks since `since`.
 */
export async function transcriptTakeEvents(since: number): Promise<{interactions: number[]; longTasks: number[]; marks: number}> {
  await settle();
  await settle();
  eventEntries.push(...((eventObserver?.takeRecords() ?? []) as EventEntry[]));
  const byId = new Map<number, number>();
  for (const e of eventEntries) if (e.interactionId) byId.set(e.interactionId, Math.max(byId.get(e.interactionId) ?? 0, e.duration));
  eventEntries = [];
  return {interactions: [...byId.values()], longTasks: takeLongTasks(since), marks: transcriptMarks()};
}
