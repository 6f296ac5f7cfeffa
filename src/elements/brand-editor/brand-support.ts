/**
 * The brand editor's helpers outside rendering: the live target the chosen colour is applied to,
 * and the messages for a refused file and a failed save.
 */
import type {LocaleController} from '../../controllers/locale-controller.js';
import {applyBrandColor} from '../../styles/color.js';
import type {LogoProblem} from './logo-file.js';

const BRAND = '--reseller-color-brand';
const ON_BRAND = '--reseller-color-on-brand';
const warned = new Set<string>();

/**
 * The element the editor re-themes live (`apply-to`). It remembers the inline brand tokens the
 * element had before the editor touched it, and puts them back for "no colour" (the default) and
 * when the editor goes away without a saved colour.
 */
export class LiveTarget {
  #element: HTMLElement | null = null;
  #original: {brand: string; onBrand: string} | null = null;

  /** Applies `color` to the element `selector` finds (null: the element's own value again). */
  apply(selector: string, color: string | null): void {
    const element = find(selector);
    if (element !== this.#element) {
      this.#putBack();
      this.#element = element;
      this.#original = element
        ? {brand: element.style.getPropertyValue(BRAND), onBrand: element.style.getPropertyValue(ON_BRAND)}
        : null;
    }
    if (!element) return;
    if (color) applyBrandColor(element, color);
    else this.#putBack();
  }

  /** The editor leaves: the saved colour stays applied, or the element gets its own value back. */
  restore(saved: string | null): void {
    if (this.#element && saved) applyBrandColor(this.#element, saved);
    else this.#putBack();
  }

  #putBack() {
    const el = this.#element;
    if (!el || !this.#original) return;
    for (const [name, value] of [[BRAND, this.#original.brand], [ON_BRAND, this.#original.onBrand]] as const) {
      if (value) el.style.setProperty(name, value);
      else el.style.removeProperty(name);
    }
  }
}

function find(selector: string): HTMLElement | null {
  if (!selector.trim()) return null;
  try {
    const el = document.querySelector(selector);
    return el instanceof HTMLElement ? el : null;
  } catch {
    if (!warned.has(selector)) {
      warned.add(selector);
      console.warn(`<reseller-brand-editor>: apply-to="${selector}" is not a valid selector; the colour is applied to the preview only.`);
    }
    return null;
  }
}

/** "The image is 3.1 MB; the limit is 2 MB." / "This file type is not supported. …" */
export function logoProblemText(i18n: LocaleController, problem: LogoProblem): string {
  return problem.kind === 'too-large'
    ? i18n.t('brand.errors.fileTooLarge', {size: i18n.bytes(problem.size), max: i18n.bytes(problem.max)})
    : problem.kind === 'undecodable' ? i18n.t('brand.errors.undecodable', {type: problem.label}) : i18n.t('brand.errors.fileType');
}

/**
 * Why a save step failed: the kit's message for the error, with the server's own words when they
 * add something (a 422's field messages first: they say what to change).
 */
export function failureText(i18n: LocaleController, step: 'color' | 'logo', error: unknown): string {
  const friendly = i18n.errorMessage(error);
  const detail = Object.values(i18n.fieldMessages(error)).join(' ') || i18n.serverDetail(error);
  const message = detail && detail !== friendly ? i18n.t('brand.errors.serverRefused', {message: friendly, detail}) : friendly;
  return i18n.t(step === 'color' ? 'brand.errors.saveFailed' : 'brand.errors.uploadFailed', {message});
}
