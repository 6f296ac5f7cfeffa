import {expect, fixture, html} from '@open-wc/testing';
import {LitElement, css} from 'lit';
import {shared} from '../../src/styles/shared.js';
import {tokens} from '../../src/styles/tokens.js';
import {bestTextOn, contrastRatio} from '../../src/styles/color.js';
import {toHex} from '../helpers/dom.js';

// ---- every private --_x variable in src/ is defined and used -----------------------------------

/** Modules the scan starts from: the entries (which reach every element) and the shared parts. */
const ENTRIES = [
  '../../src/index.ts',
  '../../src/define/index.ts',
  '../../src/styles/index.ts',
  '../../src/controllers/menu-controller.ts',
  '../../src/controllers/toast-controller.ts',
  '../../src/elements/confirm-dialog/confirm-dialog.ts',
  '../../src/elements/toast-region/toast-region.ts',
];

/** Fetches every module reachable from the entries through relative imports (as served to the browser). */
async function sourceGraph(): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  const queue = ENTRIES.map((e) => new URL(e, import.meta.url).href);
  while (queue.length) {
    const url = queue.shift()!;
    if (sources.has(url)) continue;
    const response = await fetch(url);
    if (!response.ok) {
      sources.set(url, '');
      continue;
    }
    const text = await response.text();
    sources.set(url, text);
    const specifiers = [
      ...text.matchAll(/\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g),
      ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
      ...text.matchAll(/\bimport\s*['"]([^'"]+)['"]/g),
    ].map((m) => m[1]);
    for (const spec of specifiers) {
      if (!spec.startsWith('.') && !spec.startsWith('/src/')) continue;
      const next = new URL(spec, url);
      if (next.pathname.includes('/node_modules/') || !next.pathname.includes('/src/')) continue;
      if (!sources.has(next.href)) queue.push(next.href);
    }
  }
  return sources;
}

function privateVariables(sources: Map<string, string>) {
  const defined = new Map<string, string[]>();
  const used = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, name: string, file: string) => map.set(name, [...(map.get(name) ?? []), file]);
  for (const [url, text] of sources) {
    const file = new URL(url).pathname;
    for (const m of text.matchAll(/(--_[\w-]+)\s*:/g)) add(defined, m[1], file);
    for (const m of text.matchAll(/setProperty\(\s*['"`](--_[\w-]+)['"`]/g)) add(defined, m[1], file);
    for (const m of text.matchAll(/var\(\s*(--_[\w-]+)/g)) add(used, m[1], file);
  }
  return {defined, used};
}

describe('private CSS variables', () => {
  it('every --_x used in src/ is defined, and every one defined is used', async () => {
    const sources = await sourceGraph();
    const found = [...sources.keys()].filter((u) => sources.get(u));
    expect(found.some((u) => u.endsWith('/styles/tokens.ts')), 'the scan reached the tokens').to.be.true;
    const {defined, used} = privateVariables(sources);
    expect(defined.size).to.be.greaterThan(30);
    const undefinedVars = [...used].filter(([name]) => !defined.has(name)).map(([n, files]) => `${n} (used in ${files[0]})`);
    const unusedVars = [...defined].filter(([name]) => !used.has(name)).map(([n, files]) => `${n} (defined in ${files[0]})`);
    expect(undefinedVars, 'used but never defined').to.deep.equal([]);
    expect(unusedVars, 'defined but never used').to.deep.equal([]);
  });

  it('elements only reference the public tokens through the private variables of tokens.ts', async () => {
    const sources = await sourceGraph();
    const offenders: string[] = [];
    for (const [url, text] of sources) {
      if (url.endsWith('/styles/tokens.ts') || url.endsWith('/styles/color.ts')) continue;
      for (const m of text.matchAll(/var\(\s*(--reseller-[\w-]+)/g)) offenders.push(`${new URL(url).pathname}: ${m[1]}`);
    }
    expect(offenders).to.deep.equal([]);
  });
});

// ---- the theme in a rendered element ------------------------------------------------------------

class ThemeProbe extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
        background: var(--_surface);
        /* Computed colours are read right after changing tokens: no transitions in between. */
        --_duration: 0s;
      }
    `,
  ];
  override render() {
    return html`<button class="button primary">Save</button><button class="button">Cancel</button>
      <span class="badge danger">Failed</span><span class="badge success">Active</span><span class="badge warning">Near quota</span>
      <span class="badge brand">Gold</span><button class="link">Open</button><button class="button ghost">More</button><p class="alert success">Saved</p><p class="alert warning">Almost full</p><p class="alert">Failed</p>`;
  }
}
customElements.define('theme-probe', ThemeProbe);
declare global {
  interface HTMLElementTagNameMap {
    'theme-probe': ThemeProbe;
  }
}

const near = (a: string, b: string) =>
  [1, 3, 5].every((i) => Math.abs(parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)) <= 2);

async function probeIn(setup: (wrapper: HTMLElement) => void) {
  const wrapper = await fixture<HTMLDivElement>(html`<div><theme-probe></theme-probe></div>`);
  setup(wrapper);
  const el = wrapper.querySelector('theme-probe')!;
  await el.updateComplete;
  const [primary, secondary] = el.shadowRoot!.querySelectorAll('button');
  return {el, wrapper, primary: getComputedStyle(primary), secondary: getComputedStyle(secondary), host: getComputedStyle(el)};
}

describe('theme tokens', () => {
  it('takes the brand colour from --reseller-color-brand on an ancestor', async () => {
    const {primary} = await probeIn((w) => w.style.setProperty('--reseller-color-brand', '#8a2be2'));
    expect(toHex(primary.backgroundColor)).to.equal('#8a2be2');
    expect(near(toHex(primary.color), '#ffffff')).to.be.true;
  });

  it('uses the default brand when none is set', async () => {
    const {primary} = await probeIn(() => {});
    expect(toHex(primary.backgroundColor)).to.equal('#2f6fdb');
  });

  it('puts readable text on a light brand, and honours an explicit on-brand token', async () => {
    const light = await probeIn((w) => w.style.setProperty('--reseller-color-brand', '#ffd400'));
    const text = toHex(light.primary.color);
    expect(contrastRatio(text, '#ffd400'), `${text} on #ffd400`).to.be.at.least(4.5);
    expect(near(text, bestTextOn('#ffd400')), `${text} ≈ ${bestTextOn('#ffd400')}`).to.be.true;

    const forced = await probeIn((w) => {
      w.style.setProperty('--reseller-color-brand', '#ffd400');
      w.style.setProperty('--reseller-color-on-brand', '#003366');
    });
    expect(toHex(forced.primary.color)).to.equal('#003366');
  });

  it('follows the inherited color-scheme, and --reseller-color-scheme forces one', async () => {
    const light = await probeIn(() => {});
    expect(toHex(light.host.backgroundColor)).to.equal('#ffffff');
    const dark = await probeIn((w) => w.style.setProperty('color-scheme', 'dark'));
    expect(toHex(dark.host.backgroundColor)).to.equal('#17191c');
    expect(toHex(dark.host.color)).to.equal('#e8eaed');
    const forced = await probeIn((w) => w.style.setProperty('--reseller-color-scheme', 'dark'));
    expect(toHex(forced.host.backgroundColor)).to.equal('#17191c');
    const backToLight = await probeIn((w) => {
      w.style.setProperty('color-scheme', 'dark');
      w.style.setProperty('--reseller-color-scheme', 'light');
    });
    expect(toHex(backToLight.host.backgroundColor)).to.equal('#ffffff');
  });

  it('lets a partner override surface and radius, and inherits the host font', async () => {
    const {host, secondary} = await probeIn((w) => {
      w.style.setProperty('--reseller-color-surface', '#fafaf0');
      w.style.setProperty('--reseller-radius', '2px');
      w.style.setProperty('font-family', 'Georgia, serif');
    });
    expect(toHex(host.backgroundColor)).to.equal('#fafaf0');
    expect(secondary.borderTopLeftRadius).to.equal('2px');
    expect(host.fontFamily).to.contain('Georgia');
    expect(secondary.fontFamily).to.contain('Georgia');
  });

  it('is compact with density="compact" or --reseller-density', async () => {
    const comfortable = await probeIn(() => {});
    const compactAttr = await probeIn((w) => w.querySelector('theme-probe')!.setAttribute('density', 'compact'));
    const compactToken = await probeIn((w) => w.style.setProperty('--reseller-density', '0.75'));
    const h = (s: CSSStyleDeclaration) => parseFloat(s.minHeight);
    expect(h(compactAttr.secondary)).to.be.lessThan(h(comfortable.secondary));
    expect(h(compactToken.secondary)).to.equal(h(compactAttr.secondary));
  });

  it('brand-coloured text (links, ghost buttons, brand badges) reaches AA on the surface for any brand, light and dark', async () => {
    const brands = ['#2f6fdb', '#ffd400', '#00a3e0', '#7fffd4', '#ff69b4', '#1f1f1f', '#000000', '#ffffff', '#8a2be2', '#0b3d91', '#c2410c'];
    const failures: string[] = [];
    for (const scheme of ['light', 'dark']) {
      for (const brand of brands) {
        const {el, host} = await probeIn((w) => {
          w.style.setProperty('color-scheme', scheme);
          w.style.setProperty('--reseller-color-brand', brand);
        });
        const surface = toHex(host.backgroundColor);
        for (const selector of ['.link', '.button.ghost', '.badge.brand']) {
          const style = getComputedStyle(el.shadowRoot!.querySelector(selector)!);
          const bg = selector === '.badge.brand' ? toHex(style.backgroundColor) : surface;
          const ratio = contrastRatio(toHex(style.color), bg);
          if (ratio < 4.5) failures.push(`${scheme} ${brand} ${selector}: ${toHex(style.color)} on ${bg} = ${ratio.toFixed(2)}`);
        }
      }
    }
    expect(failures).to.deep.equal([]);
  });

  it('default palettes meet WCAG AA for text', async () => {
    for (const scheme of ['light', 'dark']) {
      const {el, host} = await probeIn((w) => w.style.setProperty('color-scheme', scheme));
      const surface = toHex(host.backgroundColor);
      expect(contrastRatio(toHex(host.color), surface), `${scheme} text`).to.be.at.least(4.5);
      // Status text on its tint: badges and inline alerts, every kind.
      for (const node of el.shadowRoot!.querySelectorAll('.badge, .alert')) {
        const style = getComputedStyle(node);
        const label = `${scheme} ${node.className}`;
        expect(contrastRatio(toHex(style.color), toHex(style.backgroundColor)), label).to.be.at.least(4.5);
      }
    }
  });
});
