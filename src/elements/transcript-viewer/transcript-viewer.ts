import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {guard} from 'lit/directives/guard.js';
import {TaskStatus, initialState} from '@lit/task';
import type {TranscriptContent, TranscriptSegment} from '../../contract/schemas.js';
import {NotFoundError} from '../../api/errors.js';
import {ApiController, isAccessError} from '../../controllers/api-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import {ToastController} from '../../controllers/toast-controller.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {shared, tokens} from '../../styles/index.js';
import {writeClipboard} from '../shared/clipboard.js';
import {ConnectionMixin} from '../shared/connection.js';
import type {ElementDependencies} from '../shared/registration.js';
import {renderAccess, renderEmpty, renderLoadError, renderLoading} from '../shared/states.js';
import {TranscriptDocumentsController, documentStyles} from '../shared/transcript-documents.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import {BlockQueue} from './block-queue.js';
import {findMatches, splitText, type Match} from './transcript-search.js';
import {styles} from './transcript-viewer.styles.js';

/** A transcript loaded whole: its first page's details and every segment. */
export interface LoadedTranscript extends Omit<TranscriptContent, 'segments' | 'next_cursor'> {
  segments: TranscriptSegment[];
}

/** Segments per rendered block; each block is built in its own task and skipped by layout and paint while off screen. */
const BLOCK = 100;
const blockOf = (segment: number) => Math.floor(segment / BLOCK);

/**
 * One transcript's text: who spoke when, search with highlighted matches (Enter / Shift+Enter or
 * the buttons move between them; the count is announced politely), copy the whole text, and
 * download each document. A two-hour transcript (~1,500 segments) renders in blocks of 100: the
 * first (and any in view) at once, the rest one per task, so no task runs long; a search re-marks
 * the blocks the same way (the current match's block and those in view first). The browser skips
 * blocks off screen (`content-visibility: auto`). Every segment is `dir="auto"`, so
 * Arabic text reads right to left inside any page; text is rendered as text, never as HTML.
 *
 * @summary A transcript's text: speakers, timestamps, search, copy, download.
 * @tag reseller-transcript-viewer
 * @csspart header - Title, summary and the tools.
 * @csspart search - The search field.
 * @csspart match-count - The match count (a polite live region).
 * @csspart segments - The labelled region with the text.
 * @csspart segment - One segment.
 * @csspart speaker - A segment's speaker.
 * @csspart time - A segment's start time.
 * @csspart match - A highlighted match (`<mark>`); the current one also has `current`.
 * @cssprop --reseller-color-brand - The current match's outline.
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: copied, or why a copy or download failed.
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (with an element-own client).
 */
export class ResellerTranscriptViewer extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, documentStyles, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-toast-region': ResellerToastRegion};

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  readonly #toast = new ToastController(this, {i18n: this.#i18n});
  readonly #docs = new TranscriptDocumentsController(this, {i18n: this.#i18n, toast: this.#toast, api: this.#api});
  readonly #blocks = new BlockQueue(this);

  /** The transcription whose text is shown. */
  @property({type: Number, attribute: 'transcription-id'}) transcriptionId = 0;
  /** Optional: the customer it must belong to (another customer's transcript shows "not found"). */
  @property({type: Number, attribute: 'customer-id'}) customerId = 0;
  /** The element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;

  @state() private query = '';
  /** Index of the current match in `matches`, or -1. */
  @state() private current = -1;

  #matches: Match[] = [];
  /** Per segment index, the offsets of its matches and the index of its first match. */
  #bySegment = new Map<number, {starts: number[]; first: number}>();
  #scrollToCurrent = false;

  readonly #load = new ResourceController(this, {
    api: this.#api,
    args: () => [this.transcriptionId, this.customerId] as const,
    load: async (client, [id, customer], {signal, fresh}): Promise<LoadedTranscript | typeof initialState> => {
      if (!(id > 0)) return initialState;
      const first = await client.getTranscriptContent(id, {limit: 2000}, {signal, fresh});
      if (customer > 0 && first.customer_id !== customer) throw new NotFoundError({method: 'GET', path: `/transcripts/${id}/content`, status: 404, code: 'not_found', message: 'Transcript not found'});
      const segments = [...first.segments];
      for (let cursor = first.next_cursor; cursor !== null;) {
        const page = await client.getTranscriptContent(id, {limit: 2000, cursor}, {signal, fresh});
        segments.push(...page.segments);
        cursor = page.next_cursor;
      }
      const {next_cursor: _, ...rest} = first;
      return {...rest, segments};
    },
  });

  /** The loaded transcript, or undefined. */
  get transcript(): LoadedTranscript | undefined {
    return this.#load.value;
  }

  /** How many matches the search has. */
  get matchCount(): number {
    return this.#matches.length;
  }

  /** Loads the transcript again from the server. */
  reload(): Promise<unknown> {
    return this.#load.reload();
  }

  /** Searches the text (as typing in the search field does). */
  search(query: string): void {
    this.query = query;
  }

  /** Moves to the next (1) or previous (-1) match, wrapping around, and scrolls it into view. */
  step(by: 1 | -1): void {
    const n = this.#matches.length;
    if (!n) return;
    this.current = (this.current + by + n) % n;
    this.#scrollToCurrent = true;
  }

  /** Copies the whole text (`[time] Speaker: text` per line); resolves true when copied. */
  async copy(): Promise<boolean> {
    const t = this.transcript;
    if (!t) return false;
    try {
      await writeClipboard(t.segments.map((s) => `[${this.#stamp(s.start_ms)}] ${s.speaker}: ${s.text}`).join('\n'));
      this.#toast.show(this.#i18n.t('common.copied'), 'success');
      return true;
    } catch {
      this.#toast.show(this.#i18n.t('common.copyFailed'), 'error');
      return false;
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    const blocksOfMatches = () => new Set(Array.from(this.#bySegment.keys(), blockOf));
    if (this.#searched !== this.transcript) this.#blocks.reset(Math.ceil((this.transcript?.segments.length ?? 0) / BLOCK));
    else if (this.#stampedIn !== this.#i18n.locale) this.#blocks.invalidate(Array.from({length: Math.ceil((this.transcript?.segments.length ?? 0) / BLOCK)}, (_, i) => i));
    this.#stampedIn = this.#i18n.locale;
    if (changed.has('current')) {
      const before = changed.get('current') as number | undefined;
      this.#blocks.invalidate([this.#matches[before ?? -1]?.segment, this.#matches[this.current]?.segment].filter((x) => x !== undefined).map(blockOf));
    }
    if (changed.has('query') || this.#searched !== this.transcript) {
      const had = blocksOfMatches();
      this.#searched = this.transcript;
      this.#matches = findMatches(this.transcript?.segments ?? [], this.query);
      this.#bySegment = new Map();
      this.#matches.forEach((m, i) => {
        const entry = this.#bySegment.get(m.segment);
        if (entry) entry.starts.push(m.start);
        else this.#bySegment.set(m.segment, {starts: [m.start], first: i});
      });
      this.current = this.#matches.length ? 0 : -1;
      this.#scrollToCurrent = this.#matches.length > 0;
      this.#blocks.invalidate([...had, ...blocksOfMatches()]);
    }
    if (changed.has('transcriptionId') && changed.get('transcriptionId') !== undefined) this.#docs.close();
  }

  #searched: LoadedTranscript | undefined = undefined;
  /** The locale the built blocks' times are written in. */
  #stampedIn = '';

  protected override updated(): void {
    const box = this.renderRoot.querySelector('[part~="segments"]');
    this.#blocks.watch(box, box?.querySelectorAll('.block') ?? []);
    if (!this.#scrollToCurrent) return;
    this.#scrollToCurrent = false;
    this.renderRoot.querySelector('mark.current')?.scrollIntoView({block: 'nearest', inline: 'nearest'});
  }

  protected override render() {
    const t = this.#i18n.t.bind(this.#i18n);
    const error = this.#load.error;
    if (isAccessError(error)) return renderAccess(this.#i18n, error);
    if (error instanceof NotFoundError) return this.#renderNotFound();
    if (error) return renderLoadError(this.#i18n, t('viewer.loadError'), error, () => void this.reload());
    if (!(this.transcriptionId > 0)) return nothing;
    const transcript = this.transcript;
    if (this.#load.status !== TaskStatus.COMPLETE || !transcript) return renderLoading(t('viewer.loading'), {lines: 6});
    return html`<section class="viewer" aria-labelledby="viewer-title">
      <div class="header" part="header">
        <h2 class="title" id="viewer-title" dir="auto">${transcript.title}</h2>
        <p class="summary">${t('viewer.summary', {duration: this.#i18n.duration(transcript.duration_ms / 60_000), count: transcript.total})}</p>
        ${transcript.segments.length ? this.#renderTools() : nothing}
      </div>
      ${this.#docs.openId ? this.#docs.render(transcript.title) : nothing}
      ${transcript.segments.length
        ? html`<div class="segments" part="segments" role="region" tabindex="0" lang=${transcript.language}
            aria-label=${t('viewer.label', {title: transcript.title})}>${this.#renderBlocks(transcript.segments)}</div>`
        : renderEmpty({title: t('viewer.empty')})}
    </section>`;
  }

  #renderTools() {
    const t = this.#i18n.t.bind(this.#i18n);
    const n = this.#matches.length;
    const count = !this.query.trim() ? '' : n ? t('viewer.matchPosition', {current: this.current + 1, count: n}) : t('viewer.noMatches');
    return html`<div class="tools" role="search">
      <input type="search" class="input search" part="search" .value=${this.query} aria-label=${t('viewer.search.label')}
        aria-describedby="search-hint" placeholder=${t('viewer.search.label')} @input=${this.#onInput} @keydown=${this.#onKeydown} />
      <span class="visually-hidden" id="search-hint">${t('viewer.search.hint')}</span>
      <span class="match-count" part="match-count" role="status">${count}</span>
      <button type="button" class="button" part="previous-button" ?disabled=${!n} aria-label=${t('viewer.previousMatch')}
        @click=${() => this.step(-1)}>↑</button>
      <button type="button" class="button" part="next-button" ?disabled=${!n} aria-label=${t('viewer.nextMatch')}
        @click=${() => this.step(1)}>↓</button>
      <button type="button" class="button" part="copy-button" @click=${() => void this.copy()}>${t('viewer.copy')}</button>
      <button type="button" class="button" part="documents-button" aria-expanded=${this.#docs.openId ? 'true' : 'false'}
        @click=${() => this.#docs.toggle(this.transcriptionId)}>${t('viewer.download')}</button>
    </div>`;
  }

  #renderBlocks(segments: readonly TranscriptSegment[]) {
    const current = this.#matches[this.current];
    this.#blocks.plan(current ? [blockOf(current.segment)] : []);
    const blocks = [];
    for (let b = 0; b * BLOCK < segments.length; b++) {
      const built = this.#blocks.built(b);
      blocks.push(html`<ol class=${built ? 'block' : 'block pending'} data-block=${b} start=${b * BLOCK + 1}>${built
        ? guard([this.#blocks.stamp(b)], () => segments.slice(b * BLOCK, (b + 1) * BLOCK).map((s) => this.#renderSegment(s)))
        : nothing}</ol>`);
    }
    return blocks;
  }

  #renderSegment(s: TranscriptSegment) {
    const hits = this.#bySegment.get(s.index);
    const length = this.query.trim().length;
    return html`<li class="segment" part="segment">
      <span class="speaker" part="speaker" dir="auto">${s.speaker}</span>
      <time class="time" part="time" datetime=${`PT${s.start_ms / 1000}S`}>${this.#stamp(s.start_ms)}</time>
      <p class="text" dir="auto">${hits
        ? splitText(s.text, hits.starts, length, hits.first).map((p) => p.match < 0
          ? p.text
          : html`<mark class=${p.match === this.current ? 'current' : ''} part=${p.match === this.current ? 'match current' : 'match'}>${p.text}</mark>`)
        : s.text}</p>
    </li>`;
  }

  #renderNotFound() {
    return html`<div class="state not-found" part="state not-found" role="alert">
      <p class="state-title" part="state-title">${this.#i18n.t('viewer.notFound.heading')}</p>
      <p class="state-message" part="state-message">${this.#i18n.t('viewer.notFound.message', {id: String(this.transcriptionId)})}</p>
    </div>`;
  }

  /** `h:mm:ss` (or `m:ss` under an hour) in the locale's digits. */
  #stamp(ms: number): string {
    const s = Math.floor(ms / 1000);
    const two = (n: number) => this.#i18n.number(n, {minimumIntegerDigits: 2});
    const h = Math.floor(s / 3600);
    return `${h ? `${this.#i18n.number(h)}:${two(Math.floor(s / 60) % 60)}` : this.#i18n.number(Math.floor(s / 60))}:${two(s % 60)}`;
  }

  #onInput = (event: Event) => {
    this.query = (event.target as HTMLInputElement).value;
  };

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.step(event.shiftKey ? -1 : 1);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-transcript-viewer': ResellerTranscriptViewer;
  }
}
