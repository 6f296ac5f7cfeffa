/**
 * <reseller-brand-logo> against the sandbox: the organization's name without a logo (or the
 * slotted fallback), the logo through <img> with the name as alt, updates from brand-change
 * after-events on the document, `apply-to`, and an SVG logo with a script that never runs (with
 * the CSP and nosniff headers the logo is served with).
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define/brand-logo.js';
import type {Branding, Me} from '../../src/contract/schemas.js';
import type {ResellerBrandLogo} from '../../src/elements/brand-logo/brand-logo.js';
import {ResellerBrandChangeEvent} from '../../src/events.js';
import {createTenant, type Tenant} from '../helpers/sandbox.js';
import {settle} from '../helpers/wait.js';
import {GIF, PNG, api, part} from './brand-elements.helpers.js';

async function logoFor(tenant: Tenant, content = html``, attrs: {applyTo?: string} = {}): Promise<ResellerBrandLogo> {
  const wrapper = await fixture<HTMLElement>(html`<div class="target"><reseller-brand-logo .token=${tenant.token} apply-to=${attrs.applyTo ?? ''}>${content}</reseller-brand-logo></div>`);
  const el = wrapper.querySelector('reseller-brand-logo')!;
  await waitUntil(() => el.dataset.state && el.dataset.state !== 'loading', 'the logo settles', {timeout: 10_000});
  return el;
}

const imageOf = (el: ResellerBrandLogo) => part<HTMLImageElement>(el, 'image');

async function loaded(img: HTMLImageElement): Promise<void> {
  await waitUntil(() => img.complete, 'the image loads', {timeout: 5000});
}

describe('<reseller-brand-logo>', () => {
  it("shows the organization's name without a logo, or the slotted fallback; axe clean", async () => {
    const tenant = await createTenant({customers: 0});
    const me = await api<Me>(tenant, 'GET', '/me');
    const el = await logoFor(tenant);
    expect(el.dataset.state).to.equal('name');
    expect(part(el, 'name')!.textContent).to.equal(me.organization.name);
    expect(imageOf(el)).to.equal(null);
    await expect(el).to.be.accessible();

    const withFallback = await logoFor(tenant, html`<img src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==" alt="Portal">`);
    const slot = withFallback.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements().map((e) => e.localName)).to.deep.equal(['img']);
  });

  it("shows the saved logo through <img> with the organization's name as alt", async () => {
    const tenant = await createTenant({customers: 0});
    const me = await api<Me>(tenant, 'GET', '/me');
    const saved = await api<Branding>(tenant, 'PUT', '/branding/logo', new Blob([PNG], {type: 'image/png'}), 'image/png');
    const el = await logoFor(tenant);
    expect(el.dataset.state).to.equal('logo');
    const img = imageOf(el)!;
    expect(img.alt).to.equal(me.organization.name);
    expect(img.src).to.equal(new URL(saved.logo_url!, location.origin).href);
    expect(el.logoUrl).to.equal(img.src);
    await loaded(img);
    expect(img.naturalWidth).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('follows brand-change after-events on the document (not before-events), and applies the colour with apply-to', async () => {
    const tenant = await createTenant({customers: 0});
    await api(tenant, 'PATCH', '/branding', {brand_color: '#0b3d91'});
    const el = await logoFor(tenant, html``, {applyTo: '.target'});
    const target = el.parentElement!;
    expect(target.style.getPropertyValue('--reseller-color-brand'), 'the saved colour, applied on load').to.equal('#0b3d91');
    expect(target.style.getPropertyValue('--reseller-color-on-brand')).to.equal('#ffffff');
    expect(el.dataset.state).to.equal('name');

    const uploaded = await api<Branding>(tenant, 'PUT', '/branding/logo', new Blob([GIF], {type: 'image/gif'}), 'image/gif');
    const source = document.createElement('div');
    document.body.append(source);
    try {
      // A before-event (about to save) changes nothing.
      source.dispatchEvent(new ResellerBrandChangeEvent({...uploaded, brand_color: '#ffd400'}, {phase: 'before'}));
      await el.updateComplete;
      expect(imageOf(el)).to.equal(null);
      expect(target.style.getPropertyValue('--reseller-color-brand')).to.equal('#0b3d91');
      // The after-event: the new logo and colour at once, without a reload.
      source.dispatchEvent(new ResellerBrandChangeEvent({...uploaded, brand_color: '#ffd400'}));
      await el.updateComplete;
      expect(imageOf(el)!.src).to.equal(new URL(uploaded.logo_url!, location.origin).href);
      expect(target.style.getPropertyValue('--reseller-color-brand')).to.equal('#ffd400');
      expect(target.style.getPropertyValue('--reseller-color-on-brand')).to.equal('#111111');
      // Logo deleted elsewhere: back to the name.
      source.dispatchEvent(new ResellerBrandChangeEvent({...uploaded, logo_url: null, logo_content_type: null}));
      await el.updateComplete;
      expect(el.dataset.state).to.equal('name');
    } finally {
      source.remove();
    }
  });

  it('an SVG logo with a script never runs it (shown through <img>); it is served with a CSP sandbox and nosniff', async () => {
    const tenant = await createTenant({customers: 0});
    const w = window as unknown as {__svgRan?: string[]};
    w.__svgRan = [];
    const messages: unknown[] = [];
    const onMessage = (e: MessageEvent) => messages.push(e.data);
    window.addEventListener('message', onMessage);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" onload="top.__svgRan.push('onload');top.postMessage('svg-onload','*')">
      <script>top.__svgRan.push('script');top.postMessage('svg-script','*');</script>
      <rect width="20" height="20" fill="#0b3d91"/></svg>`;
    try {
      // Control: the same SVG as a document does run its script, so the check below can fail.
      const control = document.createElement('iframe');
      control.src = URL.createObjectURL(new Blob([svg], {type: 'image/svg+xml'}));
      document.body.append(control);
      await waitUntil(() => w.__svgRan!.includes('script'), 'the control document runs the script', {timeout: 5000});
      // Its posted messages arrive as later tasks: wait for both before clearing, or a late one is
      // counted against the logo below.
      await waitUntil(() => ['svg-script', 'svg-onload'].every((m) => messages.includes(m)), "the control document's two messages arrive", {timeout: 5000});
      control.remove();
      w.__svgRan = [];
      messages.length = 0;

      const saved = await api<Branding>(tenant, 'PUT', '/branding/logo', new Blob([svg], {type: 'image/svg+xml'}), 'image/svg+xml');
      expect(saved.logo_content_type).to.equal('image/svg+xml');
      const el = await logoFor(tenant);
      const img = imageOf(el)!;
      await loaded(img);
      expect(img.naturalWidth, 'the SVG renders as an image').to.be.greaterThan(0);

      // Opened directly (a link, a new tab), the server's CSP sandbox stops it too.
      const direct = document.createElement('iframe');
      const directLoaded = new Promise((r) => direct.addEventListener('load', r, {once: true}));
      direct.src = img.src;
      document.body.append(direct);
      await directLoaded;
      await settle(300, 'a script in the SVG, or a message it posted, would have reached the page by now');
      direct.remove();
      expect(w.__svgRan, 'no script ran').to.deep.equal([]);
      expect(messages.filter((m) => typeof m === 'string' && m.startsWith('svg-')), 'no message from the SVG').to.deep.equal([]);

      const response = await fetch(img.src);
      expect(response.headers.get('content-type')).to.equal('image/svg+xml');
      expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).to.contain("default-src 'none'");
      expect(csp).to.match(/(^|;\s*)sandbox(;|$)/);
    } finally {
      window.removeEventListener('message', onMessage);
      delete w.__svgRan;
    }
  });
});
