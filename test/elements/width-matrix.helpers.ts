/**
 * The width matrix's cases and checks, shared by the layout test files (elements.layout.test.ts,
 * transcript-viewer.layout.test.ts: each file has its own time budget in the runner). At every width,
 * left-to-right and right-to-left: nothing overflows the box, the element or any of its scrollers;
 * the primary actions are what a pointer at their centre reaches (through the shadow roots); axe is
 * clean, and colour contrast also in the dark scheme. At 320 px the keyboard reaches every primary
 * action; under dir="rtl" the first field or column is on the right.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {Customer} from '../../src/contract/schemas.js';
import {focused, rendered} from '../helpers/dom.js';
import {darkContrastViolations, horizontalOverflow, mountAt, reachable, resize, WIDTHS} from '../helpers/layout.js';
import type {Tenant} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';

export interface Case {
  tag: keyof HTMLElementTagNameMap;
  /** With the customer's id as `customer-id`. */
  perCustomer?: boolean;
  /** With the context's transcript as `transcription-id`. */
  transcript?: boolean;
  attrs?: Record<string, string>;
  /** What shows once the element has its data, and what shows while it loads. */
  ready: string;
  busy?: string;
  /** Done once the element shows its data (before the widths). */
  prepare?: (el: Kit) => Promise<void>;
  /** The primary actions (and identifying values) a pointer must reach at every width. */
  targets: string[];
  /** What Tab must reach at 320 px (default: the targets). */
  keys?: string[];
  /**
   * Two nodes on one line in reading order at 1024 px: the first is left of the second under
   * dir="ltr" and right of it under dir="rtl". A selector ending in `::text` measures its text.
   */
  order: [string, string];
}


/** What the cases are mounted with (made in the file's before()). */
export interface MatrixContext {
  tenant: Tenant;
  customer: Customer;
  transcriptId?: number;
}

export type Kit = HTMLElement & {token: string | null; updateComplete: Promise<boolean>};

async function mount({tenant, customer, transcriptId}: MatrixContext, c: Case, width: number, dir: 'ltr' | 'rtl') {
  const el = document.createElement(c.tag) as unknown as Kit;
  el.token = tenant.token;
  if (c.perCustomer) el.setAttribute('customer-id', String(customer.id));
  if (c.transcript) el.setAttribute('transcription-id', String(transcriptId ?? 0));
  for (const [k, v] of Object.entries(c.attrs ?? {})) el.setAttribute(k, v);
  const mounted = await mountAt(el, width, dir);
  // The file's first load also waits for the sandbox's first answers for a fresh tenant: under a
  // loaded machine (load 25-30) that took more than the usual 10 s once in a while.
  await waitFor(() => el.shadowRoot?.querySelector(c.ready), `<${c.tag}> shows its data`, {timeout: 30_000});
  await rendered(el, {busy: c.busy ?? '[part~="loading"], table[aria-busy="true"]', ready: c.ready}, `<${c.tag}> shows its data`);
  await c.prepare?.(el);
  return mounted;
}

/** The box of a node, or of its text (`selector::text`). */
function boxOf(el: Kit, selector: string): DOMRect {
  const text = selector.endsWith('::text');
  const node = el.shadowRoot!.querySelector(text ? selector.slice(0, -6) : selector);
  if (!node) throw new Error(`<${el.localName}> has no ${selector}`);
  if (!text) return node.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(node);
  return range.getBoundingClientRect();
}

/** Tabs from just before the element until focus leaves it: every focused node, in order. */
async function tabPath(box: HTMLElement, el: Kit): Promise<Element[]> {
  const before = document.createElement('button');
  before.textContent = 'before';
  box.prepend(before);
  before.focus();
  const path: Element[] = [];
  for (let i = 0; i < 80; i++) {
    await sendKeys({press: 'Tab'});
    const now = focused();
    if (!now || !inside(el, now)) break;
    path.push(now);
  }
  before.remove();
  return path;
}

/** Whether `node` is `container` or inside it, through shadow roots. */
function inside(container: Element, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === container) return true;
  return false;
}


/** The matrix's tests for `cases` (call inside a describe whose before() fills the context). */
export function widthMatrix(cases: Case[], context: () => MatrixContext): void {
  for (const c of cases) {
    for (const dir of ['ltr', 'rtl'] as const) {
      it(`<${c.tag}> ${dir} at ${WIDTHS.join(', ')} px: no overflow, actions reachable, axe clean (light; contrast dark too)`, async function () {
        this.timeout(60_000);
        const {box, el} = await mount(context(), c, WIDTHS[0], dir);
        const problems: string[] = [];
        for (const width of WIDTHS) {
          await resize(box, width);
          await el.updateComplete;
          for (const p of horizontalOverflow(box, el)) problems.push(`${width}px: ${p}`);
          for (const selector of c.targets) {
            const target = el.shadowRoot!.querySelector(selector);
            if (!target) problems.push(`${width}px: no ${selector}`);
            else {
              const hit = reachable(target);
              if (!hit.ok) problems.push(`${width}px: ${selector} not reachable: ${hit.detail}`);
            }
          }
          if (width === 1024) {
            const [a, b] = c.order.map((s) => boxOf(el, s));
            const mirrored = a.left + a.width / 2 > b.left + b.width / 2;
            if (mirrored !== (dir === 'rtl')) problems.push(`1024px: ${c.order[0]} is ${mirrored ? 'right' : 'left'} of ${c.order[1]} under ${dir}`);
          }
          window.scrollTo(0, 0);
          await expect(el, `axe at ${width}px`).to.be.accessible();
          for (const v of await darkContrastViolations(box, el)) problems.push(`${width}px: ${v}`);
        }
        expect(problems).to.deep.equal([]);
      });
    }

    it(`<${c.tag}> at 320 px: the keyboard reaches every primary action`, async function () {
      this.timeout(60_000);
      const {box, el} = await mount(context(), c, 320, 'ltr');
      const path = await tabPath(box, el);
      const missed = (c.keys ?? c.targets).filter((s) => {
        const target = el.shadowRoot!.querySelector(s)!;
        return !path.some((node) => inside(target, node));
      });
      expect(missed, `not reached by Tab (path: ${path.map((n) => n.getAttribute('part') ?? n.id ?? n.localName).join(' > ')})`).to.deep.equal([]);
    });
  }
}
