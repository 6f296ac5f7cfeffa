/**
 * <reseller-brand-editor>, any image format (issue 18): a BMP and an ICO written byte by byte in
 * the test are decoded by the browser and converted to PNG before upload (the conversion module is
 * loaded only then); what reaches the sandbox is a PNG with the same pixels. An image the browser
 * cannot decode gets a clear message and nothing is sent. SVG is not converted.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define/brand-editor.js';
import type {ResellerBrandChangeEvent} from '../../src/events.js';
import {createTenant, requests, type Tenant} from '../helpers/sandbox.js';
import {BLUE, RED, bmpFile, icoFile, undecodableFile} from '../../stories/helpers/images.js';
import {branding, chooseFile, clickSave, editorFor, nextEvent, part, saveButton, svgFile, textOf} from './brand-elements.helpers.js';

/** The saved logo as the sandbox serves it: its type, its bytes' signature and its pixels. */
async function savedLogo(tenant: Tenant) {
  const b = await branding(tenant);
  const res = await fetch(new URL(b.logo_url!, location.origin));
  const blob = await res.blob();
  const head = [...new Uint8Array(await blob.slice(0, 8).arrayBuffer())];
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const pixel = (x: number, y: number) => [...ctx.getImageData(x, y, 1, 1).data];
  return {type: b.logo_content_type, served: res.headers.get('content-type'), head, width: bitmap.width, height: bitmap.height, pixel};
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const near = (actual: number[], expected: readonly number[]) => actual.every((v, i) => Math.abs(v - expected[i]!) <= 3);

describe('<reseller-brand-editor> any image format', () => {
  for (const [label, file, size, probes] of [
    ['BMP', bmpFile(), [3, 2], [[0, 0, RED], [2, 1, BLUE]]],
    ['ICO', icoFile(), [2, 2], [[1, 0, BLUE], [0, 1, RED]]],
  ] as const) {
    it(`a ${label} is converted to PNG in the browser; the sandbox receives a PNG with the same pixels`, async () => {
      const tenant = await createTenant({customers: 0});
      const {el} = await editorFor(tenant.token);
      await chooseFile(el, file);
      expect(part(el, 'logo-error'), textOf(el, 'logo-error')).to.equal(null);
      expect(textOf(el, 'pending-name')).to.contain(`${file.name.replace(/\.[^.]*$/, '')}.png`);
      expect(textOf(el, 'converted')).to.equal(`Converted from ${label} to PNG in your browser.`);
      expect(part<HTMLImageElement>(el, 'logo-image')!.src).to.match(/^blob:/);
      await expect(el).to.be.accessible();
      const before = nextEvent<ResellerBrandChangeEvent>(el, 'reseller-brand-change');
      await clickSave(el);
      expect((await before).detail.logo?.type, 'the host is told the PNG that is uploaded').to.equal('image/png');
      await waitUntil(() => saveButton(el).getAttribute('aria-disabled') === 'true', 'saved');
      const saved = await savedLogo(tenant);
      expect([saved.type, saved.served]).to.deep.equal(['image/png', 'image/png']);
      expect(saved.head).to.deep.equal(PNG_SIGNATURE);
      expect([saved.width, saved.height]).to.deep.equal(size);
      for (const [x, y, colour] of probes) expect(near(saved.pixel(x, y), colour), `pixel ${x},${y}: ${saved.pixel(x, y).join(',')}`).to.equal(true);
    });
  }

  it('an ICO the system gave no type is converted too', async () => {
    const tenant = await createTenant({customers: 0});
    const {el} = await editorFor(tenant.token);
    await chooseFile(el, icoFile('mark.ico', ''));
    expect(textOf(el, 'converted')).to.equal('Converted from ICO to PNG in your browser.');
  });

  it('an image the browser cannot decode: a clear message, no preview, nothing sent', async () => {
    const tenant = await createTenant({customers: 0});
    const {el} = await editorFor(tenant.token);
    await chooseFile(el, undecodableFile());
    expect(textOf(el, 'logo-error')).to.equal('This browser cannot open this image (RAW). Save it as PNG, JPEG or SVG and try again.');
    expect(part(el, 'logo-image')).to.equal(null);
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect((await requests(tenant.token)).filter((r) => r.method !== 'GET')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('SVG stays SVG (not rasterised)', async () => {
    const tenant = await createTenant({customers: 0});
    const {el} = await editorFor(tenant.token);
    await chooseFile(el, svgFile('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#c00"/></svg>'));
    expect(part(el, 'converted')).to.equal(null);
    await clickSave(el);
    expect((await branding(tenant)).logo_content_type).to.equal('image/svg+xml');
  });
});
