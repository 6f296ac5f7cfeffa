/**
 * DOM helpers shared by the browser tests: shadow-root queries, focus, events and typing as a
 * person does.
 */
import {sendKeys} from '@web/test-runner-commands';

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
