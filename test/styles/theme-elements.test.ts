/**
 * The theme reaches EVERY element: each tag that `src/define/index.ts` registers (recorded while
 * it runs, so a new element is covered without touching this file) takes the brand colour, the
 * density and the colour scheme from an ancestor.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {createTenant, type Tenant} from '../helpers/sandbox.js';

/** Elements with no rendering of their own (configuration only): they must not box their children. */
const CONFIG_ONLY = new Set(['reseller-provider']);

const registered: string[] = [];
const define = customElements.define.bind(customElements);
customElements.define = (name, constructor, options) => {
  registered.push(name);
  define(name, constructor, options);
};
await import('../../src/define/index.js');
customElements.define = define;

/** Any CSS colour (oklch, color(srgb …), rgb) → `#rrggbb`, through a canvas. */
function toHex(color: string): string {
  const ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true})!;
  ctx.fillStyle = '#000';
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Renders `tag` in a provider (a fresh tenant's token) inside a wrapper with the given tokens. */
async function render(tenant: Tenant, tag: string, tokens: Record<string, string>, attrs: Record<string, string> = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  for (const [name, value] of Object.entries(tokens)) wrapper.style.setProperty(name, value);
  const provider = document.createElement('reseller-provider') as HTMLElement & {token: string};
  provider.token = tenant.token;
  const el = document.createElement(tag) as HTMLElement & {updateComplete?: Promise<unknown>};
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  provider.append(el);
  wrapper.append(provider);
  await el.updateComplete;
  return el;
}

describe('the theme in every registered element', () => {
  let tenant: Tenant;
  before(async () => {
    tenant = await createTenant({customers: 2});
  });

  it('src/define/index.ts registers the kit (the list this test walks)', () => {
    expect(registered).to.include.members(['reseller-provider', 'reseller-customer-table', 'reseller-brand-editor', 'reseller-brand-logo']);
    expect(new Set(registered).size, 'no tag registered twice').to.equal(registered.length);
  });

  it('every element resolves the brand colour set on an ancestor (and the default without one)', async () => {
    const failures: string[] = [];
    for (const tag of registered.filter((t) => !CONFIG_ONLY.has(t))) {
      const branded = await render(tenant, tag, {'--reseller-color-brand': '#8a2be2'});
      const brand = getComputedStyle(branded).getPropertyValue('--_brand').trim();
      if (brand !== '#8a2be2') failures.push(`${tag}: --_brand is "${brand}" under --reseller-color-brand: #8a2be2`);
      const plain = await render(tenant, tag, {});
      const fallback = getComputedStyle(plain).getPropertyValue('--_brand').trim();
      if (fallback !== '#2f6fdb') failures.push(`${tag}: --_brand is "${fallback}" without a brand (expected the default #2f6fdb)`);
      const onBrand = toHex(getComputedStyle(branded).getPropertyValue('--_on-brand').trim() || 'transparent');
      if (onBrand !== '#ffffff') failures.push(`${tag}: text on #8a2be2 is ${onBrand}, expected white`);
    }
    expect(failures).to.deep.equal([]);
  });

  it('every element takes the colour scheme and the density from an ancestor, or density="compact" on itself', async () => {
    const failures: string[] = [];
    for (const tag of registered.filter((t) => !CONFIG_ONLY.has(t))) {
      const dark = await render(tenant, tag, {'--reseller-color-scheme': 'dark'});
      if (getComputedStyle(dark).colorScheme !== 'dark') failures.push(`${tag}: color-scheme ${getComputedStyle(dark).colorScheme} under --reseller-color-scheme: dark`);
      const pageDark = await render(tenant, tag, {'color-scheme': 'dark'});
      if (getComputedStyle(pageDark).colorScheme !== 'dark') failures.push(`${tag}: does not follow the page's color-scheme: dark`);
      const compact = await render(tenant, tag, {'--reseller-density': '0.75'});
      if (getComputedStyle(compact).getPropertyValue('--_density').trim() !== '0.75') failures.push(`${tag}: --reseller-density not taken`);
      const attr = await render(tenant, tag, {}, {density: 'compact'});
      if (getComputedStyle(attr).getPropertyValue('--_density').trim() !== '0.75') failures.push(`${tag}: density="compact" not taken`);
    }
    expect(failures).to.deep.equal([]);
  });

  it('configuration-only elements render their children as they are', async () => {
    for (const tag of registered.filter((t) => CONFIG_ONLY.has(t))) {
      const el = document.createElement(tag);
      await fixture(html`<div>${el}</div>`);
      expect(getComputedStyle(el).display, tag).to.equal('contents');
    }
  });
});
