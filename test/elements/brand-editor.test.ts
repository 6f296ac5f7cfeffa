/**
 * <reseller-brand-editor> against the sandbox: colour input rules (invalid and CSS-injection values
 * refused, #rgb normalised), contrast facts for known pairs, the live preview and the live target,
 * save with the before/after events, logo checks on the client and on the server, preview, replace
 * and delete, failed saves that keep the edits, and the loading / error / access states.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define/brand-editor.js';
import {ResellerClient} from '../../src/api/client.js';
import {HttpError} from '../../src/api/errors.js';
import {LOGO_MAX_BYTES, type Branding} from '../../src/contract/schemas.js';
import type {ResellerBrandChangeEvent, ResellerToastEvent} from '../../src/events.js';
import {clearFaults, clearRequests, createTenant, requests, setFaults} from '../helpers/sandbox.js';
import {
  $, GIF, PNG, api, branding, chooseFile, clickSave, dropFile, editorFor, nextEvent, part, pick, pngFile, saveButton, setHex, settled,
  textOf, colorOf,
} from './brand-elements.helpers.js';

const writes = async (token: string) => (await requests(token)).filter((r) => r.method !== 'GET');

describe('<reseller-brand-editor>', () => {
  it('loads the saved colour into the picker and the hex field, kept in sync both ways; axe clean', async () => {
    const tenant = await createTenant({customers: 0});
    await api(tenant, 'PATCH', '/branding', {brand_color: '#0b3d91'});
    const {el, live} = await editorFor(tenant.token);
    const hex = $<HTMLInputElement>(el, '#hex');
    const picker = $<HTMLInputElement>(el, '#picker');
    expect(hex.value).to.equal('#0b3d91');
    expect(picker.value).to.equal('#0b3d91');
    expect(live.style.getPropertyValue('--reseller-color-brand'), 'the saved colour is applied to apply-to').to.equal('#0b3d91');
    expect(saveButton(el).getAttribute('aria-disabled'), 'nothing to save yet').to.equal('true');
    await expect(el).to.be.accessible();

    await pick(el, '#aa2266');
    expect(hex.value).to.equal('#aa2266');
    await setHex(el, '#ABC');
    expect(hex.value, '#rgb is normalised').to.equal('#aabbcc');
    expect(picker.value).to.equal('#aabbcc');
    await setHex(el, '12a4F0');
    expect(hex.value).to.equal('#12a4f0');
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('false');
    expect(textOf(el, 'actions')).to.contain('You have unsaved changes.');
  });

  it('refuses invalid and CSS-injection-looking colours with a clear message; nothing reaches a style or the server', async () => {
    const tenant = await createTenant({customers: 0});
    const {el, live} = await editorFor(tenant.token);
    await setHex(el, '#2266dd');
    for (const bad of ['blue', '#12345', '#gggggg', 'red;}body{background:url(x)', 'var(--x)', 'rgb(1,2,3)', '#fff;color:red', '#2266dd !important']) {
      await setHex(el, bad);
      const hex = $<HTMLInputElement>(el, '#hex');
      expect(hex.getAttribute('aria-invalid'), bad).to.equal('true');
      expect(textOf(el, 'color-error'), bad).to.equal('Enter a colour as #rrggbb, e.g. #2f6fdb.');
      expect(hex.getAttribute('aria-describedby')).to.contain('hex-error');
      // The last valid colour stays in the preview and on the live target.
      expect(live.style.getPropertyValue('--reseller-color-brand'), bad).to.equal('#2266dd');
      expect(part(el, 'preview')!.style.getPropertyValue('--reseller-color-brand'), bad).to.equal('#2266dd');
    }
    await expect(el).to.be.accessible();
    await clickSave(el);
    expect(el.shadowRoot!.activeElement?.id, 'Save puts focus on the bad field').to.equal('hex');
    expect(await writes(tenant.token), 'nothing saved').to.deep.equal([]);
    expect((await branding(tenant)).brand_color).to.equal(null);
  });

  it('shows the contrast of white and dark text for known pairs, AA pass/fail and a warning below 4.5:1', async () => {
    const tenant = await createTenant({customers: 0});
    const {el} = await editorFor(tenant.token);
    const ratioOf = (name: string) => Number(part(el, name)!.dataset.ratio);

    await setHex(el, '#000000');
    expect(ratioOf('contrast-white')).to.equal(21);
    expect(textOf(el, 'contrast-white')).to.equal('White text: 21:1 AA pass');
    expect(part(el, 'contrast')!.dataset.onBrand).to.equal('#ffffff');

    await setHex(el, '#ffffff');
    expect(ratioOf('contrast-white')).to.equal(1);
    expect(textOf(el, 'contrast-white')).to.equal('White text: 1:1 AA fail');
    expect(ratioOf('contrast-dark')).to.be.closeTo(18.88, 0.01);
    expect(part(el, 'contrast')!.dataset.onBrand).to.equal('#111111');
    expect(textOf(el, 'contrast-verdict')).to.contain('Good contrast');

    // #777777 on white is 4.48:1 (WebAIM), and dark text does worse (4.22:1): the warning.
    await setHex(el, '#777777');
    expect(ratioOf('contrast-white')).to.equal(4.48);
    expect(textOf(el, 'contrast-white')).to.equal('White text: 4.48:1 AA fail');
    expect(textOf(el, 'contrast-dark')).to.equal('Dark text: 4.22:1 AA fail');
    expect(textOf(el, 'contrast-verdict')).to.equal(
      'Low contrast (4.48:1): text on this colour is hard to read. WCAG AA asks for at least 4.5:1. Buttons get white text.',
    );
    // #767676 just passes with white text.
    await setHex(el, '#767676');
    expect(textOf(el, 'contrast-white')).to.equal('White text: 4.54:1 AA pass');
    expect(textOf(el, 'contrast-verdict')).to.contain('Good contrast');
    await expect(el).to.be.accessible();
  });

  it('previews buttons, badge and table header in the chosen colour, and re-themes the apply-to target live', async () => {
    const tenant = await createTenant({customers: 0});
    const {el, live} = await editorFor(tenant.token);
    await pick(el, '#8a2be2');
    const button = part(el, 'preview-button')!;
    const th = part(el, 'preview-table')!.querySelector('th')!;
    expect(await colorOf(button, 'backgroundColor', '#8a2be2')).to.equal('#8a2be2');
    expect(await colorOf(button, 'color', '#ffffff')).to.equal('#ffffff');
    expect(await colorOf(th, 'backgroundColor', '#8a2be2')).to.equal('#8a2be2');
    expect(live.style.getPropertyValue('--reseller-color-brand')).to.equal('#8a2be2');
    expect(live.style.getPropertyValue('--reseller-color-on-brand')).to.equal('#ffffff');
    // A light brand gets dark text.
    await pick(el, '#ffd400');
    expect(await colorOf(button, 'color', '#111111')).to.equal('#111111');
    expect(live.style.getPropertyValue('--reseller-color-on-brand')).to.equal('#111111');
    // Default colour: the preview shows the kit's default, the target gets its own value back.
    part<HTMLButtonElement>(el, 'default-button')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#hex').value).to.equal('');
    expect(await colorOf(button, 'backgroundColor', '#2f6fdb')).to.equal('#2f6fdb');
    expect(live.style.getPropertyValue('--reseller-color-brand')).to.equal('');
    // Reset goes back to the saved branding (no colour).
    await pick(el, '#123456');
    part<HTMLButtonElement>(el, 'reset-button')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#hex').value).to.equal('');
    expect(live.style.getPropertyValue('--reseller-color-brand')).to.equal('');
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('true');
  });

  it('saves the colour: a cancelable before-event (prevented: nothing saved), then the after-event, a toast and the server has it', async () => {
    const tenant = await createTenant({customers: 0});
    const {el} = await editorFor(tenant.token);
    await setHex(el, '#0B3D91');

    const stop = (e: Event) => (e as ResellerBrandChangeEvent).preventDefault();
    el.addEventListener('reseller-brand-change', stop, {once: true});
    await clickSave(el);
    expect(await writes(tenant.token), 'a prevented before-event saves nothing').to.deep.equal([]);
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('false');

    const before = nextEvent<ResellerBrandChangeEvent>(el, 'reseller-brand-change', (e) => e.detail.phase === 'before');
    const after = nextEvent<ResellerBrandChangeEvent>(document, 'reseller-brand-change', (e) => e.detail.phase === 'after');
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    await clickSave(el);
    const b = await before;
    expect(b.cancelable).to.be.true;
    expect(b.detail.branding.brand_color).to.equal('#0b3d91');
    expect('logo' in b.detail, 'no logo change').to.be.false;
    const a = await after;
    expect(a.cancelable).to.be.false;
    expect(a.detail.branding.brand_color).to.equal('#0b3d91');
    expect((await toast).detail.message).to.equal('Brand colour saved.');
    expect((await branding(tenant)).brand_color).to.equal('#0b3d91');
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect((await writes(tenant.token)).map((r) => `${r.method} ${r.path} ${r.status}`)).to.deep.equal(['PATCH /branding 200']);
  });

  it('refuses oversized, non-image and mislabelled files on the client, with messages; nothing is uploaded', async () => {
    const tenant = await createTenant({customers: 0});
    const {el} = await editorFor(tenant.token);
    const edge = new Uint8Array(LOGO_MAX_BYTES + 1);
    edge.set(PNG);
    await chooseFile(el, new File([edge], 'edge.png', {type: 'image/png'}));
    expect(textOf(el, 'logo-error'), 'one byte over').to.match(/^The image is .+; the limit is 2 MB\.$/);
    const big = new Uint8Array(3 * 1024 * 1024);
    big.set(PNG);
    await chooseFile(el, new File([big], 'huge.png', {type: 'image/png'}));
    expect(textOf(el, 'logo-error')).to.equal('The image is 3 MB; the limit is 2 MB.');
    await expect(el).to.be.accessible();

    await chooseFile(el, new File(['hello, not an image'], 'notes.txt', {type: 'text/plain'}));
    expect(textOf(el, 'logo-error')).to.equal('This file type is not supported. Use PNG, JPEG, GIF, WebP, AVIF or SVG.');
    await chooseFile(el, new File(['<html><script>alert(1)</script></html>'], 'fake.png', {type: 'image/png'}));
    expect(textOf(el, 'logo-error'), 'a PNG name and type with other content').to.contain('not supported');
    await chooseFile(el, new File([GIF], 'gif-as-png.png', {type: 'image/png'}));
    expect(textOf(el, 'logo-error'), 'the declared type must match the content').to.contain('not supported');
    expect(part(el, 'logo-image'), 'no preview').to.equal(null);
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(await writes(tenant.token)).to.deep.equal([]);
  });

  it('the server refuses what the client would: 413 for oversized, 415 for non-images (client.uploadLogo directly)', async () => {
    const tenant = await createTenant({customers: 0});
    const client = new ResellerClient({token: tenant.token});
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(PNG);
    const tooLarge = await client.uploadLogo(new Blob([big], {type: 'image/png'})).catch((e: unknown) => e);
    expect(tooLarge).to.be.instanceOf(HttpError);
    expect((tooLarge as HttpError).status).to.equal(413);
    const text = await client.uploadLogo(new Blob(['hello'], {type: 'text/plain'})).catch((e: unknown) => e);
    expect((text as HttpError).status).to.equal(415);
    const spoofed = await client.uploadLogo(new Blob(['<html></html>'], {type: 'image/png'})).catch((e: unknown) => e);
    expect((spoofed as HttpError).status).to.equal(415);
    expect((await branding(tenant)).logo_url).to.equal(null);
  });

  it('previews a dropped logo before saving (blob: URL, revoked when replaced), saves it, replaces it and deletes it after a confirmation', async () => {
    const tenant = await createTenant({customers: 0});
    const {el} = await editorFor(tenant.token);
    expect(textOf(el, 'no-logo')).to.equal('No logo uploaded.');
    expect(textOf(el, 'drop-zone')).to.equal('Upload logo or drop an image here');

    await dropFile(el, pngFile('first.png'));
    const first = part<HTMLImageElement>(el, 'logo-image')!;
    const firstUrl = first.src;
    expect(firstUrl).to.match(/^blob:/);
    expect(textOf(el, 'pending-name')).to.match(/^New logo, not saved yet: first\.png \(\d+ bytes\)$/);
    expect(await writes(tenant.token), 'nothing uploaded before Save').to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Choosing another file replaces the preview and revokes the first blob: URL.
    await chooseFile(el, new File([GIF], 'second.gif', {type: 'image/gif'}));
    expect(part<HTMLImageElement>(el, 'logo-image')!.src).to.not.equal(firstUrl);
    const revoked = await fetch(firstUrl).then(() => false, () => true);
    expect(revoked, 'the replaced preview URL is revoked').to.be.true;

    const after = nextEvent<ResellerBrandChangeEvent>(el, 'reseller-brand-change', (e) => e.detail.phase === 'after');
    const before = nextEvent<ResellerBrandChangeEvent>(el, 'reseller-brand-change', (e) => e.detail.phase === 'before');
    await clickSave(el);
    expect((await before).detail.logo).to.be.instanceOf(Blob);
    const saved = (await after).detail.branding;
    expect(saved.logo_content_type).to.equal('image/gif');
    expect((await branding(tenant)).logo_url).to.equal(saved.logo_url);
    const img = part<HTMLImageElement>(el, 'logo-image')!;
    expect(img.src).to.equal(new URL(saved.logo_url!, location.origin).href);
    expect(textOf(el, 'drop-zone')).to.equal('Replace logo or drop an image here');

    // Replace: a new upload.
    await chooseFile(el, pngFile('third.png'));
    await clickSave(el);
    const replaced = await branding(tenant);
    expect(replaced.logo_content_type).to.equal('image/png');
    expect(replaced.logo_url).to.not.equal(saved.logo_url);

    // Delete, with the confirmation (Cancel first: nothing happens).
    part<HTMLButtonElement>(el, 'delete-button')!.click();
    const dialog = $(el, 'reseller-confirm-dialog');
    await waitUntil(() => dialog.shadowRoot!.querySelector('dialog')?.open, 'the confirmation opens');
    expect(dialog.shadowRoot!.textContent).to.contain('Delete the logo?');
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await waitUntil(() => !dialog.shadowRoot!.querySelector('dialog')?.open, 'the confirmation closes');
    expect((await branding(tenant)).logo_url).to.not.equal(null);

    const deleted = nextEvent<ResellerBrandChangeEvent>(el, 'reseller-brand-change', (e) => e.detail.phase === 'after');
    part<HTMLButtonElement>(el, 'delete-button')!.click();
    await waitUntil(() => dialog.shadowRoot!.querySelector('dialog')?.open, 'the confirmation opens');
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    expect((await deleted).detail.branding.logo_url).to.equal(null);
    await el.updateComplete;
    expect((await branding(tenant)).logo_url).to.equal(null);
    expect(textOf(el, 'no-logo')).to.equal('No logo uploaded.');
  });

  it('keeps every edit when a save fails (500 on the colour, 413/415 from the server on the logo); Save stays enabled', async () => {
    const tenant = await createTenant({customers: 0});
    const {el} = await editorFor(tenant.token);
    await setHex(el, '#aa2266');
    await chooseFile(el, pngFile('mine.png'));
    await setFaults(tenant.token, [{method: 'PATCH', path: '/branding', status: 500}]);
    await clickSave(el);
    expect(textOf(el, 'alert')).to.match(/^The colour was not saved\. The server had a problem/);
    expect($<HTMLInputElement>(el, '#hex').value).to.equal('#aa2266');
    expect(textOf(el, 'pending-name')).to.contain('mine.png');
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();

    // The colour goes through, the logo is refused by the server: the colour is saved, the logo kept.
    await setFaults(tenant.token, [{method: 'PUT', path: '/branding/logo', status: 413}]);
    await clickSave(el);
    expect((await branding(tenant)).brand_color).to.equal('#aa2266');
    expect(textOf(el, 'alert')).to.match(/^The logo was not uploaded\. The file or request is too large\./);
    expect(textOf(el, 'pending-name')).to.contain('mine.png');
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('false');

    await setFaults(tenant.token, [{method: 'PUT', path: '/branding/logo', status: 415}]);
    await clickSave(el);
    expect(textOf(el, 'alert')).to.match(/^The logo was not uploaded\. This file type is not supported\./);
    expect(textOf(el, 'pending-name')).to.contain('mine.png');

    await clearFaults(tenant.token);
    await clickSave(el);
    expect(textOf(el, 'alert')).to.equal('');
    expect((await branding(tenant)).logo_content_type).to.equal('image/png');
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('true');
  });

  it('a move by the host keeps the chosen logo, the live preview and a running save; a removal restores the saved colour', async () => {
    const tenant = await createTenant({customers: 0});
    await api(tenant, 'PATCH', '/branding', {brand_color: '#0b3d91'});
    const {el, live} = await editorFor(tenant.token);
    const other = document.createElement('section');
    live.append(other);
    await setHex(el, '#aa2266');
    await chooseFile(el, pngFile('moved.png'));
    const brandOf = () => live.style.getPropertyValue('--reseller-color-brand');
    expect(brandOf()).to.equal('#aa2266');

    other.append(el); // the host's layout moves it
    await el.updateComplete;
    expect(brandOf(), 'the live preview stays after a move').to.equal('#aa2266');
    expect(textOf(el, 'pending-name'), 'the chosen logo is kept').to.contain('moved.png');
    expect(el.dirty).to.be.true;

    await setFaults(tenant.token, [{method: 'PUT', path: '/branding/logo', delay_ms: 600}]);
    saveButton(el).click();
    await waitUntil(async () => (await requests(tenant.token)).some((r) => r.method === 'PATCH'), 'the colour is saved, the logo upload has left', {timeout: 10_000});
    live.append(el); // moved again while it saves
    await waitUntil(() => saveButton(el).getAttribute('aria-busy') === 'false', 'the save settles', {timeout: 10_000});
    await clearFaults(tenant.token);
    const saved = await branding(tenant);
    expect(saved.brand_color).to.equal('#aa2266');
    expect(saved.logo_content_type, 'the upload was not aborted by the move').to.equal('image/png');
    expect(el.dirty).to.be.false;

    // An unsaved colour, then a real removal: the page gets the saved colour back.
    await setHex(el, '#117733');
    expect(brandOf()).to.equal('#117733');
    el.remove();
    expect(brandOf()).to.equal('#aa2266');
  });

  it("a RESELLEE (role from GET /me) sees its reseller's branding read-only: colour, preview and logo, nothing to change; axe clean", async () => {
    const tenant = await createTenant({customers: 0});
    await api(tenant, 'PATCH', '/branding', {brand_color: '#0b3d91'});
    const saved = await api<Branding>(tenant, 'PUT', '/branding/logo', new Blob([PNG], {type: 'image/png'}), 'image/png');
    await clearRequests(tenant.token);
    const {el, live} = await editorFor(tenant.reselleeToken);
    await waitUntil(() => part(el, 'read-only'), 'the read-only view');
    expect(el.hasAttribute('data-read-only')).to.equal(true);
    expect(textOf(el, 'read-only-note')).to.equal('Your reseller manages this branding: you can see it here, not change it.');
    expect(textOf(el, 'read-only-color')).to.equal('#0b3d91');
    expect(part<HTMLImageElement>(el, 'logo-image')!.src).to.equal(new URL(saved.logo_url!, location.origin).href);
    expect(live.style.getPropertyValue('--reseller-color-brand'), 'the reseller\'s colour themes the page').to.equal('#0b3d91');
    // No control that could change anything: no field, no file input, no save, no delete.
    expect([...el.shadowRoot!.querySelectorAll('input, [part~="save-button"], [part~="delete-button"], [part~="file-button"]')]).to.deep.equal([]);
    expect([...el.shadowRoot!.querySelectorAll('button')].every((b) => b.closest('[inert]')), 'only the inert preview has buttons').to.equal(true);
    expect(await el.save()).to.equal(false);
    const paths = (await requests(tenant.token)).map((r) => `${r.method} ${r.path}`);
    expect(paths.filter((p) => !p.startsWith('GET')), 'nothing written').to.deep.equal([]);
    expect(paths, 'the role comes from GET /me').to.include('GET /me');
    await expect(el).to.be.accessible();
  });

  it('states: loading, error with retry, reseller access required (cookie auth without a session); axe clean', async () => {
    const tenant = await createTenant({customers: 0});
    await setFaults(tenant.token, [{method: 'GET', path: '/branding', delay_ms: 1500, times: 1}]);
    const el = document.createElement('reseller-brand-editor');
    el.token = tenant.token;
    el.setAttribute('apply-to', '');
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(part(el, 'loading'), 'loading').to.exist;
      await expect(el).to.be.accessible();
      await settled(el);
      expect(part(el, 'form')).to.exist;
    } finally {
      el.remove();
    }

    await setFaults(tenant.token, [{method: 'GET', path: '/branding', status: 500}]);
    const {el: failing} = await editorFor(tenant.token);
    expect(textOf(failing, 'state-title')).to.equal('Could not load branding.');
    await expect(failing).to.be.accessible();
    await clearFaults(tenant.token);
    part<HTMLButtonElement>(failing, 'retry-button')!.click();
    await waitUntil(() => part(failing, 'form'), 'the retry loads the form');

    const {el: anonymous} = await editorFor(null, {auth: 'cookie'});
    expect(textOf(anonymous, 'state-title')).to.equal('Reseller access required');
  });
});
