/**
 * DOM helpers shared by the browser tests: shadow-root queries, focus, events and typing as a
 * person does.
 */
import {sendKeys} from '@web/test-runner-commands';
import type {ResellerConfirmDialog} from '../../src/elements/confirm-dialog/confirm-dialog.js';
import {waitFor} from './wait.js';

/** The first match of `selector` in `el`'s shadow root (asserted present: a missing node throws where it is used). */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
/** Every match of `selector` in `el`'s shadow root. */
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** The element focused now, looking into shadow roots. */
export function focused(): Element | null {
  let node = document.activeElement;
  while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
  return node;
}

/**
 * Resolves with the next event of `type` on `target` (that `filter` accepts). Call it before the
 * action that fires the event.
 */
export function nextEvent<E extends Event>(target: EventTarget, type: string, filter: (event: E) => boolean = () => true): Promise<E> {
  return new Promise((resolve) => {
    const on = (event: Event) => {
      if (!filter(event as E)) return;
      target.removeEventListener(type, on);
      resolve(event as E);
    };
    target.addEventListener(type, on);
  });
}

/** Types one key at a time: WebKitWebDriver drops repeated letters and some spaces from one long `type`. */
export async function typeInto(target: HTMLElement, text: string): Promise<void> {
  target.focus();
  for (const key of text) await sendKeys({type: key});
}

/** The messages of a field's `aria-describedby` error nodes ('' when none). */
export function fieldError(target: Element): string {
  const root = target.getRootNode() as ShadowRoot | Document;
  const ids = (target.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('error'));
  return ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

/** Any CSS colour (oklch, color(srgb …), rgb) → `#rrggbb`, through a canvas. */
export function toHex(color: string): string {
  const ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true})!;
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = '#000';
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Waits until an element has rendered its data or a state: nothing in its shadow root matches
 * `busy`, something matches `ready`. On a timeout the error names `what` and the parts shown then.
 */
export async function rendered(el: HTMLElement & {updateComplete: Promise<boolean>}, {busy, ready}: {busy?: string; ready: string}, what: string): Promise<void> {
  await el.updateComplete; // a change made just before renders its loading state first
  const root = el.shadowRoot!;
  await waitFor(() => (!busy || !root.querySelector(busy)) && !!root.querySelector(ready), what, {
    observe: () => [...root.querySelectorAll('[part], [aria-busy]')].slice(0, 12).map((n) => `<${n.localName} part="${n.getAttribute('part') ?? ''}"${n.hasAttribute('aria-busy') ? ` aria-busy=${n.getAttribute('aria-busy')}` : ''}>`),
  });
  await el.updateComplete;
}

/** An element's `<reseller-confirm-dialog>` and one of its parts. */
export const confirmOf = (el: Element) => $<ResellerConfirmDialog>(el, 'reseller-confirm-dialog');
export const confirmPart = (el: Element, part: string) => confirmOf(el).shadowRoot!.querySelector<HTMLElement>(`[part~="${part}"]`)!;

/**
 * The next file an element saves: elements save through a temporary `<a download>` with a `blob:`
 * URL inside their shadow root; this catches that click (and keeps the browser from saving the
 * file). Call it before the action; read the content with `fetch(a.href)`.
 */
export function nextDownload(el: Element): Promise<HTMLAnchorElement> {
  return new Promise<HTMLAnchorElement>((resolve) => {
    const root = el.shadowRoot!;
    const onClick = (e: Event) => {
      const a = e.target as HTMLAnchorElement;
      if (a.localName !== 'a') return;
      e.preventDefault();
      root.removeEventListener('click', onClick, {capture: true});
      resolve(a);
    };
    root.addEventListener('click', onClick, {capture: true});
  });
}

/**
 * Resolves with the next file the page downloads through `<a download>` (the click is prevented,
 * so no real download starts): its file name and its text, read from the blob URL.
 */
export function nextFileDownload(): Promise<{name: string; text: string; href: string}> {
  return new Promise((resolve, reject) => {
    const onClick = (event: Event) => {
      const a = event.composedPath()[0] as HTMLAnchorElement;
      if (a?.localName !== 'a' || !a.hasAttribute('download')) return;
      event.preventDefault();
      document.removeEventListener('click', onClick, true);
      fetch(a.href).then((r) => r.text()).then((text) => resolve({name: a.download, text, href: a.href}), reject);
    };
    document.addEventListener('click', onClick, true);
  });
}
