/**
 * The documents of one transcript (one open at a time, under its row) and their download: the
 * file comes through the client as a Blob (the token cannot go into a link), becomes a `blob:` URL
 * and is saved through a temporary `<a download="filename">`.
 */
import {css, html, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {TaskStatus, initialState} from '@lit/task';
import type {TranscriptDocument} from '../../contract/schemas.js';
import {isAbortError} from '../../api/errors.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController, type ClientHolder} from '../../controllers/resource-controller.js';
import type {ToastController} from '../../controllers/toast-controller.js';
import {saveBlob} from './save-blob.js';

/** The documents list's CSS (the host adds it to its styles). */
export const documentStyles = css`
  .documents {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .document {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
  }
  .filename {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .size {
    color: var(--_text-muted);
  }
  .document .button {
    margin-inline-start: auto;
  }
  .documents-state {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
    margin: 0;
    min-block-size: var(--_control-height);
  }
  .documents-skeleton {
    inline-size: 50%;
  }
`;

type Host = ReactiveControllerHost & HTMLElement & {renderRoot: HTMLElement | DocumentFragment};

export interface DocumentsOptions {
  i18n: LocaleController;
  toast: ToastController;
  /** The list's client (its `ApiController`). */
  api: ClientHolder;
}

/** How long a download's `blob:` URL stays valid (the browser reads it asynchronously). */
const REVOKE_AFTER_MS = 60_000;

export class TranscriptDocumentsController implements ReactiveController {
  readonly #host: Host;
  readonly #o: DocumentsOptions;
  /** The transcript whose documents are open, or 0. */
  #open = 0;
  readonly #downloading = new Set<number>();
  readonly #urls = new Set<string>();
  #abort = new AbortController();

  readonly #docs: ResourceController<readonly [number], TranscriptDocument[]>;

  constructor(host: Host, options: DocumentsOptions) {
    this.#host = host;
    this.#o = options;
    this.#docs = new ResourceController(host, {
      api: options.api,
      args: () => [this.#open] as const,
      load: async (client, [id], {signal}) => (id ? (await client.listDocuments({transcript_id: id, per_page: 100}, {signal})).data : initialState),
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#abort = new AbortController();
  }

  hostDisconnected(): void {
    this.#abort.abort();
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls.clear();
  }

  /** The transcript whose documents are shown (0: none). */
  get openId(): number {
    return this.#open;
  }

  toggle(transcriptId: number): void {
    this.#open = this.#open === transcriptId ? 0 : transcriptId;
    this.#host.requestUpdate();
  }

  close(): void {
    if (this.#open) this.toggle(this.#open);
  }

  /** The open transcript's documents, under its row. */
  render(title: string) {
    const t = this.#o.i18n.t.bind(this.#o.i18n);
    const status = this.#docs.status;
    if (status === TaskStatus.ERROR) {
      return html`<div class="documents-state" role="alert">
        <span>${t('transcriptions.documentsError')} ${this.#o.i18n.errorMessage(this.#docs.error)}</span>
        <button type="button" class="button" part="retry-button" @click=${() => this.#retry()}>${t('common.retry')}</button>
      </div>`;
    }
    if (status !== TaskStatus.COMPLETE) {
      return html`<div class="documents-state" role="status"><span class="skeleton documents-skeleton" aria-hidden="true"></span>
        <span class="visually-hidden">${t('transcriptions.documentsLoading')}</span></div>`;
    }
    const docs = this.#docs.latest ?? [];
    if (!docs.length) return html`<p class="documents-state" part="documents-empty">${t('transcriptions.documentsEmpty')}</p>`;
    return html`<ul class="documents" part="documents" aria-label=${t('transcriptions.showDocuments', {title})}>
      ${docs.map((d) => html`<li class="document" part="document" data-id=${d.id}>
        <span class="filename">${d.filename}</span>
        <span class="badge">${d.format.toUpperCase()}</span>
        <span class="size">${this.#o.i18n.bytes(d.size_bytes)}</span>
        <button type="button" class="button" part="download-button" aria-busy=${this.#downloading.has(d.id) ? 'true' : 'false'}
          @click=${() => void this.download(d)}>${t('common.download')}<span class="visually-hidden"> ${d.filename}</span></button>
      </li>`)}
    </ul>`;
  }

  /** Downloads a document and saves it under its filename; a failure toasts. Resolves true when saved. */
  async download(doc: TranscriptDocument): Promise<boolean> {
    if (this.#downloading.has(doc.id)) return false;
    this.#downloading.add(doc.id);
    this.#host.requestUpdate();
    try {
      const blob = await this.#o.api.client.downloadDocument(doc, {signal: this.#abort.signal});
      this.#urls.add(saveBlob(this.#host.renderRoot, blob, doc.filename, {revokeAfterMs: REVOKE_AFTER_MS, onRevoked: (url) => this.#urls.delete(url)}));
      return true;
    } catch (error) {
      if (!isAbortError(error)) {
        this.#o.toast.show(`${this.#o.i18n.t('transcriptions.downloadFailed', {filename: doc.filename})} ${this.#o.i18n.errorMessage(error)}`, 'error');
      }
      return false;
    } finally {
      this.#downloading.delete(doc.id);
      this.#host.requestUpdate();
    }
  }

  #retry(): void {
    void this.#docs.reload();
  }
}
