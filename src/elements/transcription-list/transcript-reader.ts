/**
 * The transcription list's Read action: it fires the cancelable `reseller-transcript-open` (a host
 * that routes to its own reading page prevents it), and otherwise opens `<reseller-transcript-viewer>`
 * in a modal `<dialog>` (APG dialog: focus moves into it, Tab stays inside, Escape or Close shut it,
 * focus returns to the Read button). The viewer's code is loaded on the first Read, never with the
 * list.
 */
import {css, html, nothing, type ReactiveElement} from 'lit';
import type {Transcript} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {ResellerTranscriptOpenEvent} from '../../events.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {ModalController} from '../shared/modal-controller.js';
import {defineElement} from '../shared/registration.js';

/** The reader dialog's CSS (the list adds it to its styles). */
export const readerStyles = css`
  .reader {
    inline-size: min(60rem, 100vw - 2rem);
    --_transcript-height: min(36rem, 100vh - 14rem);
  }
  .reader-close {
    display: flex;
    justify-content: flex-end;
    padding: var(--_space-3) var(--_space-3) 0;
  }
  .reader-body {
    padding: 0 var(--_space-5) var(--_space-5);
  }
`;

type Host = ReactiveElement & {renderRoot: HTMLElement | DocumentFragment};

export interface ReaderOptions {
  i18n: LocaleController;
  /** The list's own string overrides, passed on to the viewer. */
  strings: () => PartialMessages | undefined;
}

let loading: Promise<unknown> | null = null;
/** Loads and registers the viewer once per page (skipped when the tag is already defined). */
function loadViewer(): Promise<unknown> {
  loading ??= import('../transcript-viewer/transcript-viewer.js').then(
    ({ResellerTranscriptViewer}) => defineElement('reseller-transcript-viewer', ResellerTranscriptViewer),
    (error: unknown) => {
      loading = null; // a failed chunk load may succeed on the next Read
      throw error;
    },
  );
  return loading;
}

export class TranscriptReader {
  readonly #host: Host;
  readonly #o: ReaderOptions;
  /** The transcript being read, or null. */
  #reading: Transcript | null = null;
  readonly #modal: ModalController;

  constructor(host: Host, options: ReaderOptions) {
    this.#host = host;
    this.#o = options;
    this.#modal = new ModalController(host, {
      dialog: () => host.renderRoot.querySelector('dialog.reader'),
      isOpen: () => this.#reading !== null,
      onShown: () => host.renderRoot.querySelector<HTMLElement>('.reader-close .button')?.focus(),
      onClosed: () => {
        this.#reading = null;
        host.requestUpdate();
      },
    });
  }

  /** The transcript shown in the dialog, or null. */
  get reading(): Transcript | null {
    return this.#reading;
  }

  /** Asks the host (the event), then opens the viewer unless it was cancelled. */
  async open(transcript: Transcript): Promise<void> {
    const event = new ResellerTranscriptOpenEvent({id: transcript.id, customerId: transcript.customer_id, title: transcript.title});
    if (!this.#host.dispatchEvent(event)) return;
    this.#modal.rememberOpener();
    this.#reading = transcript;
    this.#host.requestUpdate();
    try {
      await loadViewer();
    } catch {
      // The viewer's tag stays undefined: the dialog shows its title and Close, and the next Read tries again.
    }
  }

  /** Closes the dialog (as Escape does). */
  close(): void {
    if (!this.#reading) return;
    this.#reading = null;
    this.#host.requestUpdate();
  }

  render() {
    const t = this.#reading;
    const i18n = this.#o.i18n;
    return html`<dialog class="dialog reader" part="reader" aria-label=${t ? i18n.t('viewer.label', {title: t.title}) : nothing}
      @close=${this.#modal.closed}>
      ${t
        ? html`<div class="reader-close">
              <button type="button" class="button" part="reader-close-button" @click=${() => this.close()}>${i18n.t('common.close')}</button>
            </div>
            <div class="reader-body">
              <reseller-transcript-viewer transcription-id=${t.id} customer-id=${t.customer_id} .strings=${this.#o.strings()}></reseller-transcript-viewer>
            </div>`
        : nothing}
    </dialog>`;
  }
}
