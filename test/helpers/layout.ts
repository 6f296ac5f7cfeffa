/**
 * Layout checks for the width matrix (test/elements/*.layout.test.ts): an element inside a host
 * box of a given width, overflow of the element and its scrollers, and hit tests through shadow
 * roots (is the control really what a pointer at its centre reaches?).
 */
import {fixture, html} from '@open-wc/testing';

/** The container widths every element is checked at (px). */
export const WIDTHS = [320, 480, 768, 1024, 1280, 1920] as const;

/**
 * A host box `width` px wide (the "partner page" column) holding `el`. The box is a block of that
 * fixed width: wider than the test window at 1280 and 1920, so the page (not the element) scrolls
 * there, as a partner page would.
 */
export async function mountAt<T extends HTMLElement>(el: T, width: number, dir: 'ltr' | 'rtl' = 'ltr'): Promise<{box: HTMLDivElement; el: T}> {
  window.scrollTo(0, 0); // a hit test before may have scrolled the page (elements load when in view)
  const box = await fixture<HTMLDivElement>(html`<div class="layout-box" dir=${dir}>${el}</div>`);
  box.style.inlineSize = `${width}px`;
  box.style.boxSizing = 'content-box';
  return {box, el};
}

/** Changes the host box's width (the element re-lays itself out from its container). */
export async function resize(box: HTMLElement, width: number): Promise<void> {
  box.style.inlineSize = `${width}px`;
  await nextFrame();
}

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Every element in `root` and in the shadow roots below it (open roots). */
export function deepElements(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of [...node.children]) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  out.push(root);
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/** A scroller the element designates as such: focusable, labelled region (`role="region"`, tabindex, a name). */
export function isDesignatedScroller(el: Element): boolean {
  return el.getAttribute('role') === 'region' && el.getAttribute('tabindex') === '0' && !!(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'));
}

/**
 * What overflows sideways: the box, the element, and every element of its shadow trees that
 * scrolls (`overflow-x` auto/scroll) or clips without saying so (hidden without an ellipsis),
 * except designated scrollers and visually hidden text. Each entry says which and by how much.
 */
export function horizontalOverflow(box: HTMLElement, el: HTMLElement): string[] {
  const out: string[] = [];
  const check = (node: Element, what: string) => {
    if (node.scrollWidth > node.clientWidth + 1) out.push(`${what}: scrollWidth ${node.scrollWidth} > clientWidth ${node.clientWidth}`);
  };
  check(box, 'the host box');
  check(el, el.localName);
  if (out.length) out.push(`sticking out: ${stickingOut(box, el).join(', ')}`);
  for (const node of deepElements(el)) {
    // A form control's own value scrolls inside it (the caret reaches all of it): not layout overflow.
    if (node === el || isDesignatedScroller(node) || node.closest('.visually-hidden') || FORM_CONTROLS.has(node.localName)) continue;
    const style = getComputedStyle(node);
    if (style.display === 'none' || node.clientWidth <= 1) continue;
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
    const clipsSilently = (style.overflowX === 'hidden' || style.overflowX === 'clip') && style.textOverflow !== 'ellipsis';
    if (scrolls || clipsSilently) check(node, describe(node));
  }
  return out;
}

/** The innermost elements whose box passes the host box's edges (what makes it overflow). */
function stickingOut(box: HTMLElement, el: HTMLElement): string[] {
  const edge = box.getBoundingClientRect();
  const out = deepElements(el).filter((node) => {
    const r = node.getBoundingClientRect();
    return r.width > 0 && (r.right > edge.right + 1 || r.left < edge.left - 1);
  });
  return out.filter((node) => !out.some((other) => other !== node && node.contains(other))).slice(0, 4)
    .map((node) => `${describe(node)} ${Math.round(node.getBoundingClientRect().width)}px`);
}

const FORM_CONTROLS = new Set(['input', 'textarea', 'select']);

function describe(node: Element): string {
  const part = node.getAttribute('part');
  const cls = node.getAttribute('class');
  return `<${node.localName}${part ? ` part="${part}"` : ''}${cls ? ` class="${cls}"` : ''}>`;
}

/** The element a pointer at (x, y) reaches, through open shadow roots. */
export function deepElementFromPoint(x: number, y: number): Element | null {
  let hit: Element | null = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/**
 * Whether a pointer at the centre of `target` reaches it (or something inside it). Scrolls only
 * the window to bring the centre into view (the test page is narrower than the widest boxes), so
 * a control clipped by a scroller of the element stays clipped and fails.
 */
export function reachable(target: Element): {ok: boolean; detail: string} {
  const r = target.getBoundingClientRect();
  if (!r.width || !r.height) return {ok: false, detail: `${describe(target)} has no box (${r.width}×${r.height})`};
  const cx = r.left + window.scrollX + r.width / 2;
  const cy = r.top + window.scrollY + r.height / 2;
  window.scrollTo(Math.max(0, cx - innerWidth / 2), Math.max(0, cy - innerHeight / 2));
  const x = cx - window.scrollX;
  const y = cy - window.scrollY;
  const hit = deepElementFromPoint(x, y);
  const ok = !!hit && (hit === target || target.contains(hit) || (target.shadowRoot?.contains(hit) ?? false));
  return {ok, detail: `${describe(target)} at (${Math.round(x)}, ${Math.round(y)}) reached ${hit ? describe(hit) : 'nothing'}`};
}

/**
 * The colour-contrast violations of `el` in the kit's dark scheme: the host box turns
 * `color-scheme: dark` on a `Canvas` background (as a dark partner page does, and as the stories'
 * Dark theme does through `<story-frame>`), axe runs its one scheme-dependent rule
 * (`color-contrast`) on the element as it is rendered, and the box goes back to light. One extra
 * pass of one rule after the full light run, so dark costs a fraction of a second per width. Each
 * entry names the node and what axe measured. Call it after an `expect(el).to.be.accessible()`
 * (which loads axe).
 */
export async function darkContrastViolations(box: HTMLElement, el: Element): Promise<string[]> {
  const axe = (window as unknown as {axe?: typeof import('axe-core')}).axe;
  if (!axe) throw new Error('darkContrastViolations: axe is not loaded (run expect(el).to.be.accessible() first)');
  box.style.colorScheme = 'dark';
  box.style.background = 'Canvas';
  box.style.color = 'CanvasText';
  try {
    await nextFrame();
    await transitionsDone(el);
    const result = await axe.run(el, {runOnly: {type: 'rule', values: ['color-contrast']}, resultTypes: ['violations']});
    return result.violations.flatMap((v) => v.nodes.map((n) => `dark ${v.id}: ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`));
  } finally {
    box.style.colorScheme = '';
    box.style.background = '';
    box.style.color = '';
    await nextFrame();
    await transitionsDone(el);
  }
}

/** Resolves when the colour transitions the scheme switch started in `el`'s shadow trees have ended (axe reads computed colours). */
async function transitionsDone(el: Element): Promise<void> {
  const roots = deepElements(el).flatMap((node) => (node.shadowRoot ? [node.shadowRoot] : []));
  // Finite ones only: a loading skeleton's shimmer runs forever.
  const finite = roots.flatMap((root) => root.getAnimations()).filter((a) => a.effect?.getTiming().iterations !== Infinity);
  await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
}
