/**
 * Checks of the hostile-content matrix: payloads never run (`window.__pwned` trap), no active
 * markup appears in the kit's rendering (scripts, frames, event-handler attributes, javascript:
 * URLs), no CSP / Trusted Types violation, the text is shown verbatim, long strings do not widen
 * the element, and bidi text is isolated from the text around it.
 */
import {deepElements, record, type Cell} from './matrix.js';
import {PAYLOADS, stored} from './payloads.js';

declare global {
  interface Window {
    __pwned?: (n: number) => void;
  }
}

/** Installs the trap every payload calls; returns the calls so far (live array). */
export function pwnTrap(): number[] {
  const calls: number[] = [];
  window.__pwned = (n: number) => void calls.push(n);
  return calls;
}

const ACTIVE = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'math', 'marquee', 'audio', 'video', 'foreignobject', 'animate', 'set']);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster'];

/** Active markup inside `root` (deep): what a payload would have created had it been parsed. */
export function activeMarkup(root: Element): string[] {
  const out: string[] = [];
  for (const el of deepElements(root)) {
    const tag = el.localName;
    // The kit's own <link>/<style>/<svg> (chart) are not payloads; a <link> or <meta> the kit never renders.
    if (ACTIVE.has(tag)) out.push(`<${tag}>`);
    for (const attr of el.getAttributeNames()) {
      if (/^on/i.test(attr)) out.push(`<${tag} ${attr}>`);
      if (URL_ATTRS.includes(attr.toLowerCase()) && /^\s*(javascript|data:text\/html|vbscript):?/i.test(el.getAttribute(attr) ?? '')) out.push(`<${tag} ${attr}=${el.getAttribute(attr)}>`);
    }
  }
  return out;
}

/** Watches the light DOM of the document for added active nodes (a parsed payload would add some). */
export function watchDocument(): {stop: () => string[]} {
  const added: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node instanceof Element && (ACTIVE.has(node.localName) || node.getAttributeNames().some((a) => /^on/i.test(a)))) added.push(`<${node.localName}>`);
      }
    }
  });
  observer.observe(document.documentElement, {childList: true, subtree: true, attributes: true, attributeFilter: ['onerror', 'onload', 'onclick', 'onfocus']});
  return {stop: () => (observer.disconnect(), added)};
}

const BIDI = /[\u202A-\u202E\u2066-\u2069\u0590-\u08FF]/;
const ISOLATING = new Set(['isolate', 'isolate-override', 'plaintext']);
/** The corpus's bidi payloads, as stored. */
const BIDI_PAYLOADS = PAYLOADS.map((p) => stored(p.text)).filter((t) => BIDI.test(t));

/**
 * Text nodes with bidi content (controls or RTL letters) whose surroundings can be reordered: not
 * isolated by an ancestor (unicode-bidi isolate/plaintext, `dir`, `<bdi>`) up to the nearest block,
 * while that block also holds other text. Returns a description per leak.
 */
export function bidiLeaks(root: Element): string[] {
  const out: string[] = [];
  for (const el of deepElements(root)) {
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !BIDI.test(node.textContent ?? '')) continue;
      // A bidi payload inside a longer message string (an interpolated name) must sit in an
      // FSI…PDI isolate, or it reorders the words around it.
      const own = node.textContent ?? '';
      for (const payload of BIDI_PAYLOADS) {
        const at = own.indexOf(payload);
        if (at < 0 || own.trim() === payload.trim()) continue;
        if (!(own[at - 1] === '\u2068' && own[at + payload.length] === '\u2069')) out.push(`"${own.slice(0, 60)}" (a bidi value inside a message, not isolated)`);
      }
      let current: Element | null = el;
      let isolated = false;
      while (current) {
        const style = getComputedStyle(current);
        if (ISOLATING.has(style.unicodeBidi) || current.hasAttribute('dir') || current.localName === 'bdi') {
          isolated = true;
          break;
        }
        if (!style.display.startsWith('inline') || current instanceof HTMLInputElement) break;
        current = current.parentElement;
      }
      if (isolated || !current) continue;
      // The block's own text besides this node: nothing else to reorder means nothing leaks.
      const blockText = (current.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (blockText !== own.replace(/\s+/g, ' ').trim()) out.push(`<${current.localName} class="${current.getAttribute('class') ?? ''}" part="${current.getAttribute('part') ?? ''}">: "${blockText.slice(0, 60)}"`);
    }
  }
  return out;
}

/** Layout breakage: the element wider than its container, or the page scrolling sideways. */
export function layoutProblems(el: HTMLElement, container: HTMLElement, tolerance = 2): string[] {
  const out: string[] = [];
  const box = el.getBoundingClientRect();
  const limit = container.getBoundingClientRect().width;
  if (box.width > limit + tolerance) out.push(`element ${Math.round(box.width)}px wide in a ${Math.round(limit)}px container`);
  if (document.documentElement.scrollWidth > window.innerWidth + tolerance) {
    // Name the widest node sticking out of the container, to say what broke.
    const right = container.getBoundingClientRect().right;
    const worst = deepElements(el).map((n) => ({n, r: n.getBoundingClientRect().right})).filter((x) => x.r > right + tolerance).sort((a, b) => b.r - a.r)[0];
    const what = worst ? ` by <${worst.n.localName} class="${worst.n.getAttribute('class') ?? ''}" part="${worst.n.getAttribute('part') ?? ''}" id="${worst.n.id}">` : '';
    out.push(`page scrolls sideways (${document.documentElement.scrollWidth}px > ${window.innerWidth}px)${what}`);
  }
  return out;
}

/** The rendered text of `el` (deep, shadow roots included; input values too). */
export function renderedText(el: Element): string {
  const parts: string[] = [];
  for (const n of deepElements(el)) {
    if (n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement) parts.push(n.value);
    for (const c of n.childNodes) if (c.nodeType === Node.TEXT_NODE) parts.push(c.textContent ?? '');
  }
  return parts.join('\n');
}

/**
 * Records one row of the hostile matrix: each column's check is evaluated ('' / null = passed,
 * else the failure), every column recorded, then the test fails if any did.
 */
export async function recordRow(suite: string, row: string, columns: Record<string, {detail: string; failure: string | null}>): Promise<void> {
  const cells: Cell[] = Object.entries(columns).map(([column, c]) => ({
    row, column, passed: !c.failure, detail: c.failure ? `${c.detail} FAILED: ${c.failure}`.slice(0, 2000) : c.detail,
  }));
  await record(suite, 'Hostile content', cells);
  const failed = cells.filter((c) => !c.passed);
  if (failed.length) throw new Error(failed.map((c) => `${c.column}: ${c.detail}`).join('\n'));
}

/** The standard columns for one rendered element/state. */
export function standardColumns(
  el: HTMLElement,
  container: HTMLElement,
  {pwned, violations, expected, what}: {pwned: number[]; violations: string[]; expected: string[]; what: string},
): Record<string, {detail: string; failure: string | null}> {
  const text = renderedText(el).replace(/\s+/g, ' ');
  const missing = expected.filter((e) => !text.includes(e.replace(/\s+/g, ' ').trim()));
  const active = activeMarkup(el);
  const layout = layoutProblems(el, container);
  const bidi = bidiLeaks(el);
  return {
    'no script execution': {detail: `${what}: window.__pwned never called`, failure: pwned.length ? `called for payload(s) ${[...new Set(pwned)].join(', ')}` : null},
    'no active markup': {detail: `${what}: no script/iframe/object/embed/base/meta/link, on* attribute or javascript: URL in the rendering`, failure: active.length ? active.slice(0, 10).join(' ') : null},
    'no CSP / Trusted Types violation': {detail: `${what}: no securitypolicyviolation (${document.querySelector('meta[http-equiv="Content-Security-Policy"]') ? 'page under require-trusted-types-for' : 'page without a CSP meta: --files run'})`, failure: violations.length ? violations.slice(0, 5).join(' | ') : null},
    'shown as text': {detail: `${what}: ${expected.length} stored value(s) shown verbatim`, failure: missing.length ? `${missing.length} not shown verbatim, e.g. ${JSON.stringify(missing.slice(0, 3))}` : null},
    'layout holds': {detail: `${what}: element within its ${Math.round(container.getBoundingClientRect().width)}px container, no sideways page scroll`, failure: layout.length ? layout.join('; ') : null},
    'bidi isolated': {detail: `${what}: RTL / bidi-override text isolated from the text around it`, failure: bidi.length ? `${bidi.length} leak(s), e.g. ${bidi.slice(0, 3).join(' | ')}` : null},
  };
}
