/**
 * The brand editor's logo choice: a file from the picker or a drop on the file button, checked on
 * the client (`checkLogo`), kept with a `blob:` URL for the preview until it is saved or dropped
 * (the URL is revoked when the file is replaced, dropped, or the editor goes away).
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {whenRemoved} from '../../controllers/api-controller.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {logoProblemText} from './brand-support.js';
import {checkLogo, convertible, formatLabel, tooLarge, type LogoProblem} from './logo-file.js';

export interface PendingLogo {
  file: File;
  url: string;
  name: string;
  size: number;
  /** Converted to PNG in the browser from this format ("BMP", "ICO", …). */
  convertedFrom?: string;
}

export interface LogoPickerOptions {
  i18n: LocaleController;
  /** While true (saving), no file is taken. */
  disabled: () => boolean;
  /** The hidden `<input type=file>` the file button opens. */
  input: () => HTMLInputElement | null;
}

export class LogoPicker implements ReactiveController {
  /** The chosen, not yet saved file. */
  pending: PendingLogo | null = null;
  /** Why the last file was refused. */
  error = '';
  /** A file is dragged over the drop zone. */
  dragging = false;
  /** A chosen file is being checked. */
  checking = false;
  /** The name of the file being converted to PNG, while it is. */
  converting = '';

  readonly #host: ReactiveControllerHost;
  readonly #options: LogoPickerOptions;

  constructor(host: ReactiveControllerHost, options: LogoPickerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    // Only a removal drops the chosen file (and frees its object URL); a move keeps it.
    whenRemoved(this.#host as unknown as Element, () => this.clear());
  }

  /** Drops the chosen file (and its message). */
  clear(): void {
    if (this.pending) URL.revokeObjectURL(this.pending.url);
    this.pending = null;
    this.error = '';
    this.#host.requestUpdate();
  }

  /** Checks a file and, when it may be uploaded, makes it the pending logo. */
  async take(file: File | undefined): Promise<void> {
    if (!file || this.#options.disabled()) return;
    this.checking = true;
    this.error = '';
    this.#host.requestUpdate();
    try {
      let problem: LogoProblem | null = await checkLogo(file);
      let upload = file;
      let convertedFrom: string | undefined;
      if (convertible(problem)) {
        convertedFrom = formatLabel(file);
        this.converting = file.name;
        this.#host.requestUpdate();
        const {toPng} = await import('./logo-convert.js');
        const png = await toPng(file);
        upload = png ? new File([png], `${file.name.replace(/\.[^.]*$/, '') || 'logo'}.png`, {type: 'image/png'}) : file;
        problem = png ? tooLarge(upload) : {kind: 'undecodable', label: convertedFrom};
      }
      if (problem) {
        this.error = logoProblemText(this.#options.i18n, problem);
        return;
      }
      this.clear();
      this.pending = {file: upload, url: URL.createObjectURL(upload), name: upload.name, size: upload.size, ...(convertedFrom ? {convertedFrom} : {})};
    } finally {
      this.checking = false;
      this.converting = '';
      this.#host.requestUpdate();
    }
  }

  onChoose = (): void => {
    if (!this.#options.disabled()) this.#options.input()?.click();
  };

  onFile = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    void this.take(input.files?.[0]).finally(() => (input.value = ''));
  };

  onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.#setDragging(true);
  };

  onDragLeave = (): void => this.#setDragging(false);

  onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.#setDragging(false);
    void this.take(event.dataTransfer?.files[0]);
  };

  #setDragging(value: boolean) {
    if (this.dragging === value) return;
    this.dragging = value;
    this.#host.requestUpdate();
  }
}
