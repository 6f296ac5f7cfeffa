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
import {clearFaults, createTenant, setFaults, type Tenant} from '../helpers/sandbox.js';
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

  it("a RESELLEE token gets its own reseller's logo and colour (alt: the generic 'Logo'), never another reseller's", async () => {
    const a = await createTenant({customers: 0});
    const b = await createTenant({customers: 0});
    const savedA = await api<Branding>(a, 'PUT', '/branding/logo', new Blob([PNG], {type: 'image/png'}), 'image/png');
    await api(a, 'PATCH', '/branding', {brand_color: '#aa0011'});
    await api(b, 'PATCH', '/branding', {brand_color: '#00bb22'});
    const wrapper = await fixture<HTMLElement>(html`<div>
      <div class="a"><reseller-brand-logo .token=${a.reselleeToken} apply-to=".a"><span>Portal A</span></reseller-brand-logo></div>
      <div class="b"><reseller-brand-logo .token=${b.reselleeToken} apply-to=".b"><span>Portal B</span></reseller-brand-logo></div>
    </div>`);
    const [logoA, logoB] = [...wrapper.querySelectorAll('reseller-brand-logo')];
    await waitUntil(() => logoA!.dataset.state === 'logo', "A's customer's user sees A's logo", {timeout: 10_000});
    const img = imageOf(logoA!)!;
    expect(img.src).to.equal(new URL(savedA.logo_url!, location.origin).href);
    expect(img.alt, "not the customer's own name: the logo is the reseller's").to.equal('Logo');
    await loaded(img);
    expect(img.naturalWidth).to.equal(1);
    expect(wrapper.querySelector<HTMLElement>('.a')!.style.getPropertyValue('--reseller-color-brand')).to.equal('#aa0011');
    await waitUntil(() => logoB!.dataset.state === 'name', "B's customer's user settles on B's branding (no logo)", {timeout: 10_000});
    expect(imageOf(logoB!), "B's customers never get A's logo").to.equal(null);
    expect(logoB!.shadowRoot!.querySelector('slot')!.assignedElements().map((e) => e.textContent)).to.deep.equal(['Portal B']);
    expect(wrapper.querySelector<HTMLElement>('.b')!.style.getPropertyValue('--reseller-color-brand')).to.equal('#00bb22');
    await expect(logoA!).to.be.accessible();
  });

  it('cold load: the cached brand (cache-key) is shown on the first render and replaced when it changed; another key never gets it', async () => {
    const tenant = await createTenant({customers: 0});
    const first = await api<Branding>(tenant, 'PUT', '/branding/logo', new Blob([PNG], {type: 'image/png'}), 'image/png');
    await api(tenant, 'PATCH', '/branding', {brand_color: '#aa0011'});
    const key = `reseller-${tenant.tenantId}`;
    localStorage.removeItem(`reseller-elements:brand:${new URL('/api/v3/reseller', location.origin).href}|${key}`);
    // A first visit fills the cache.
    const visit = await fixture<HTMLElement>(html`<reseller-brand-logo .token=${tenant.token} cache-key=${key}></reseller-brand-logo>`);
    await waitUntil(() => visit.dataset.state === 'logo', 'the first visit shows the logo', {timeout: 10_000});
    visit.remove();
    // The reseller changes its logo and colour; the next cold load is slow to hear about it.
    const second = await api<Branding>(tenant, 'PUT', '/branding/logo', new Blob([GIF], {type: 'image/gif'}), 'image/gif');
    await api(tenant, 'PATCH', '/branding', {brand_color: '#00bb22'});
    await setFaults(tenant.token, [{method: 'GET', path: '/branding', delay_ms: 1500}]);
    try {
      const wrapper = await fixture<HTMLElement>(html`<div class="cold"><reseller-brand-logo .token=${tenant.token} cache-key=${key} apply-to=".cold"></reseller-brand-logo></div>`);
      const el = wrapper.querySelector('reseller-brand-logo')!;
      await el.updateComplete;
      expect(el.dataset.state, 'the first render shows the cached logo, no placeholder').to.equal('logo');
      expect(imageOf(el)!.src).to.equal(new URL(first.logo_url!, location.origin).href);
      expect(wrapper.style.getPropertyValue('--reseller-color-brand'), 'and the cached colour').to.equal('#aa0011');
      await waitUntil(() => imageOf(el)?.src === new URL(second.logo_url!, location.origin).href, 'the answer replaces the cached logo', {timeout: 10_000});
      expect(wrapper.style.getPropertyValue('--reseller-color-brand')).to.equal('#00bb22');
      // Another reseller's key on the same machine gets nothing from this cache.
      const other = await fixture<ResellerBrandLogo>(html`<reseller-brand-logo .token=${tenant.token} cache-key="another-reseller"></reseller-brand-logo>`);
      await other.updateComplete;
      expect(other.dataset.state, 'no cached brand under another key: the placeholder until the API answers').to.equal('loading');
      expect(imageOf(other)).to.equal(null);
    } finally {
      await clearFaults(tenant.token);
    }
  });

  it("the host's server render (initial-logo-url, initial-brand-color) is shown on the first render, then the API's answer", async () => {
    const tenant = await createTenant({customers: 0});
    const saved = await api<Branding>(tenant, 'PUT', '/branding/logo', new Blob([PNG], {type: 'image/png'}), 'image/png');
    await setFaults(tenant.token, [{method: 'GET', path: '/branding', delay_ms: 1500}]);
    try {
      const known = `data:image/gif;base64,${btoa(String.fromCharCode(...GIF))}`;
      const wrapper = await fixture<HTMLElement>(html`<div class="ssr"><reseller-brand-logo .token=${tenant.token} apply-to=".ssr"
        initial-logo-url=${known} initial-brand-color="#123456"></reseller-brand-logo></div>`);
      const el = wrapper.querySelector('reseller-brand-logo')!;
      await el.updateComplete;
      expect(imageOf(el)!.src, 'first render').to.equal(known);
      expect(wrapper.style.getPropertyValue('--reseller-color-brand')).to.equal('#123456');
      await waitUntil(() => imageOf(el)?.src === new URL(saved.logo_url!, location.origin).href, "the API's logo replaces it", {timeout: 10_000});
      expect(wrapper.style.getPropertyValue('--reseller-color-brand'), 'no saved colour: the known one is removed').to.equal('');
    } finally {
      await clearFaults(tenant.token);
    }
  });

  it("a known colour that is not a hex colour (host's render, tampered cache) is ignored: the host's own colour stays", async () => {
    const tenant = await createTenant({customers: 0});
    const key = `tampered-${tenant.tenantId}`;
    const cacheName = `reseller-elements:brand:${new URL('/api/v3/reseller', location.origin).href}|${key}`;
    localStorage.setItem(cacheName, JSON.stringify({logo_url: null, brand_color: 'red;background:url(https://evil.example/x)'}));
    await setFaults(tenant.token, [{method: 'GET', path: '/branding', delay_ms: 800}]);
    try {
      for (const attributes of [{'initial-brand-color': 'not-a-colour'}, {'cache-key': key}]) {
        // The host's page set its own brand colour before the element arrived.
        const wrapper = document.createElement('div');
        wrapper.style.setProperty('--reseller-color-brand', '#334455');
        document.body.append(wrapper);
        const el = document.createElement('reseller-brand-logo');
        el.token = tenant.token;
        el.setAttribute('apply-to', '.own');
        wrapper.className = 'own';
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
        wrapper.append(el);
        await el.updateComplete;
        expect(wrapper.style.getPropertyValue('--reseller-color-brand'), 'first render').to.equal('#334455');
        await waitUntil(() => el.dataset.state === 'name', 'the API answered (no logo, no colour saved)', {timeout: 10_000});
        expect(wrapper.style.getPropertyValue('--reseller-color-brand'), 'after the answer without a colour').to.equal('#334455');
        expect(wrapper.getAttribute('style') ?? '', 'nothing of the bad value reached the CSS').not.to.match(/evil|not-a-colour|red/);
        wrapper.remove();
      }
    } finally {
      localStorage.removeItem(cacheName);
      await clearFaults(tenant.token);
    }
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
