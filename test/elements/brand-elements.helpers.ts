/** Shared helpers of the brand editor and brand logo tests (test/elements/brand-*.test.ts). */
import {fixture, html, waitUntil} from '@open-wc/testing';
import type {Branding} from '../../src/contract/schemas.js';
import type {ResellerBrandEditor} from '../../src/elements/brand-editor/brand-editor.js';
import type {Tenant} from '../helpers/sandbox.js';
import {api} from '../helpers/api.js';
import {$, rendered, toHex} from '../helpers/dom.js';
import {waitFor} from '../helpers/wait.js';

export {$, nextEvent, toHex} from '../helpers/dom.js';
export {api} from '../helpers/api.js';
export const part = <T extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
export const textOf = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
/** A 1×1 GIF. */
export const GIF = Uint8Array.from(atob('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='), (c) => c.charCodeAt(0));

export const pngFile = (name = 'logo.png') => new File([PNG], name, {type: 'image/png'});
export const svgFile = (body: string, name = 'logo.svg') => new File([body], name, {type: 'image/svg+xml'});

export const branding = (tenant: Tenant) => api<Branding>(tenant, 'GET', '/branding');

/**
 * An editor inside a wrapper `.live` that it re-themes (`apply-to=".live-N"`), waited until it
 * shows its form or a state.
 */
let n = 0;
export async function editorFor(token: string | null, attrs: Record<string, string> = {}): Promise<{el: ResellerBrandEditor; live: HTMLElement}> {
  const cls = `live-${++n}`;
  const el = document.createElement('reseller-brand-editor');
  el.token = token;
  el.setAttribute('apply-to', `.${cls}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const live = await fixture<HTMLDivElement>(html`<div class=${cls}>${el}</div>`);
  await settled(el);
  return {el, live};
}

export async function settled(el: ResellerBrandEditor): Promise<void> {
  await rendered(el, {ready: 'form[part~="form"], [part~="read-only"], [part~="state"]:not([part~="loading"])'}, 'the editor settles');
}

/** Sets the hex field as a paste would: input, then change (leaving the field). */
export async function setHex(el: ResellerBrandEditor, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#hex');
  input.value = value;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  input.dispatchEvent(new Event('change', {bubbles: true}));
  await el.updateComplete;
}

export async function pick(el: ResellerBrandEditor, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#picker');
  input.value = value;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  await el.updateComplete;
}

/** Chooses a file through the file input (as the picker would), and waits for the check. */
export async function chooseFile(el: ResellerBrandEditor, file: File): Promise<void> {
  const input = $<HTMLInputElement>(el, '.file-input');
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', {bubbles: true}));
  await waitForFileResult(el, file);
}

/** Drops a file on the drop zone (the file button). */
export async function dropFile(el: ResellerBrandEditor, file: File): Promise<void> {
  const zone = part(el, 'drop-zone')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  const over = new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt});
  zone.dispatchEvent(over);
  zone.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));
  await waitForFileResult(el, file);
}

async function waitForFileResult(el: ResellerBrandEditor, file: File) {
  await el.updateComplete;
  await waitUntil(
    // A converted image is pending under its PNG name: match the name without its extension.
    () => part(el, 'drop-zone')!.getAttribute('aria-busy') === 'false' && (part(el, 'logo-error') || textOf(el, 'pending-name').includes(file.name.replace(/\.[^.]*$/, ''))),
    'the file is checked',
  );
  await el.updateComplete;
}

export const saveButton = (el: Element) => part<HTMLButtonElement>(el, 'save-button')!;

/** Clicks Save and waits until it is no longer busy. */
export async function clickSave(el: ResellerBrandEditor): Promise<void> {
  saveButton(el).click();
  await el.updateComplete;
  await waitUntil(() => saveButton(el).getAttribute('aria-busy') === 'false', 'the save settles', {timeout: 10_000});
  await el.updateComplete;
}

/**
 * A computed colour as `#rrggbb`, once a transition towards `expected` has finished (buttons
 * animate their colours): waits up to 2 s, then fails naming the colour it saw last.
 */
export async function colorOf(node: Element, property: 'backgroundColor' | 'color', expected: string): Promise<string> {
  const read = () => toHex(getComputedStyle(node)[property]);
  await waitFor(() => read() === expected, `the ${property} of <${node.localName}> to become ${expected}`, {timeout: 2000, observe: read});
  return read();
}
