import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import {until} from 'lit/directives/until.js';
import type {ResellerBrandEditor} from '../src/elements/brand-editor/brand-editor.js';
import type {SandboxParameters, StoryTenant} from './helpers/sandbox.js';
import {bmpFile, undecodableFile} from './helpers/images.js';

/**
 * `<reseller-brand-editor>`: brand colour (picker + hex field, contrast check, live preview) and
 * logo (file button / drop zone, preview before saving, replace, delete). Each story runs on its own
 * sandbox tenant; `apply-to` is the story frame, so the colour re-themes the story as you pick.
 */
interface EditorArgs {
  /** Where the colour applies live (a selector). */
  applyTo: string;
}

/** A small SVG mark used as the saved logo. */
export const SAMPLE_LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="48" viewBox="0 0 160 48">
  <rect width="48" height="48" rx="10" fill="#0b3d91"/><path d="M12 34V14h5l12 13V14h5v20h-5L17 21v13z" fill="#fff"/>
  <text x="58" y="31" font-family="system-ui,sans-serif" font-size="18" font-weight="700" fill="#0b3d91">Northwind</text></svg>`;

/**
 * Saves branding for the story's tenant before it renders (colour and/or the sample logo). Each
 * answer's body is read: a no-store answer whose body is never read stays "in flight" in Chromium.
 */
export async function saveBranding(tenant: StoryTenant | null | undefined, {color, logo}: {color?: string; logo?: boolean}): Promise<void> {
  if (!tenant) return;
  const auth = {authorization: `Bearer ${tenant.tokens.reseller}`};
  if (color) {
    await (await fetch('/api/v3/reseller/branding', {method: 'PATCH', headers: {...auth, 'content-type': 'application/json'}, body: JSON.stringify({brand_color: color})})).arrayBuffer();
  }
  if (logo) {
    await (await fetch('/api/v3/reseller/branding/logo', {method: 'PUT', headers: {...auth, 'content-type': 'image/svg+xml'}, body: SAMPLE_LOGO})).arrayBuffer();
  }
}

/** The story template; tests may render it too. */
export const renderEditor = (args: EditorArgs): TemplateResult => html`<reseller-brand-editor apply-to=${args.applyTo}></reseller-brand-editor>`;

const meta: Meta<EditorArgs> = {
  title: 'Brand editor',
  component: 'reseller-brand-editor',
  excludeStories: /^(render[A-Z]|saveBranding|SAMPLE_LOGO)/,
  render: (args, {loaded, parameters}) => {
    const saved = parameters.saved as {color?: string; logo?: boolean} | undefined;
    return saved ? html`${until(saveBranding(loaded.tenant as StoryTenant, saved).then(() => renderEditor(args)), '')}` : renderEditor(args);
  },
  args: {applyTo: 'story-frame'},
  argTypes: {applyTo: {name: 'apply-to', control: 'text'}},
  parameters: {sandbox: {customers: 0} satisfies SandboxParameters},
};
export default meta;

type Story = StoryObj<EditorArgs>;

async function editorIn(canvasElement: HTMLElement): Promise<ResellerBrandEditor> {
  for (let i = 0; i < 100; i++) {
    const el = canvasElement.querySelector('reseller-brand-editor');
    if (el?.shadowRoot?.querySelector('[part~="form"]')) return el;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the brand editor did not load');
}

/** Chooses a file as the file button would, and waits until it is checked (converted or refused). */
async function chooseFile(canvasElement: HTMLElement, file: File): Promise<void> {
  const el = await editorIn(canvasElement);
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('.file-input')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', {bubbles: true}));
  for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('[part~="converted"], [part~="logo-error"]'); i++) await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
}

async function typeHex(canvasElement: HTMLElement, value: string): Promise<ResellerBrandEditor> {
  const el = await editorIn(canvasElement);
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#hex')!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  input.dispatchEvent(new Event('change', {bubbles: true}));
  await el.updateComplete;
  return el;
}

/** Nothing saved yet: the kit's default colour, no logo. */
export const Empty: Story = {};

/** A saved colour and logo. */
export const Saved: Story = {parameters: {saved: {color: '#0b3d91', logo: true}}};

/** A colour picked, not saved: the preview and the story frame follow it; Save and Reset are enabled. */
export const Edited: Story = {play: async ({canvasElement}) => void (await typeHex(canvasElement, '#00796b'))};

/** A light brand: buttons get dark text automatically. */
export const LightBrand: Story = {play: async ({canvasElement}) => void (await typeHex(canvasElement, '#ffd400'))};

/**
 * #777777: neither white (4.48:1) nor dark text reaches 4.5:1, so the editor warns. (Not applied to
 * the frame here: the frame's own buttons would then fail AA, which is what the warning is about.)
 */
export const LowContrast: Story = {args: {applyTo: ''}, play: async ({canvasElement}) => void (await typeHex(canvasElement, '#777777'))};

/** A CSS-injection attempt is refused with a clear message; nothing reaches a style. */
export const InvalidColour: Story = {play: async ({canvasElement}) => void (await typeHex(canvasElement, 'red;}body{background:url(x)'))};

/** Saving fails (fault: 500): the message, and the edit kept with Save still enabled. */
export const SaveFails: Story = {
  tags: ['http-errors'],
  parameters: {sandbox: {customers: 0, faults: [{method: 'PATCH', path: '/branding', status: 500}]} satisfies SandboxParameters},
  play: async ({canvasElement}) => {
    const el = await typeHex(canvasElement, '#c2410c');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
  },
};

/** Dark colour scheme. */
export const Dark: Story = {globals: {theme: 'dark'}, parameters: {saved: {color: '#57a0ff', logo: true}}};

/** Loading (fault: 3 s latency). */
export const Loading: Story = {parameters: {sandbox: {customers: 0, faults: [{method: 'GET', path: '/branding', delay_ms: 3000}]} satisfies SandboxParameters}};

/** The branding cannot be loaded (500): the message and a retry. */
export const LoadError: Story = {
  tags: ['http-errors'],
  parameters: {sandbox: {customers: 0, faults: [{method: 'GET', path: '/branding', status: 500}]} satisfies SandboxParameters},
};

/** A BMP (written in the story) chosen: converted to PNG in the browser, previewed, not saved yet. */
export const ConvertedImage: Story = {play: async ({canvasElement}) => chooseFile(canvasElement, bmpFile())};

/** An image this browser cannot open: the message says so and how to fix it. */
export const UndecodableImage: Story = {play: async ({canvasElement}) => chooseFile(canvasElement, undecodableFile())};

/**
 * A RESELLEE token (a user of one of the reseller's customers; the role from `GET /me`): its
 * reseller's colour, preview and logo, read-only, with no control that could change them.
 */
export const ReadOnly: Story = {parameters: {sandbox: {customers: 0, role: 'resellee'} satisfies SandboxParameters, saved: {color: '#0b3d91', logo: true}}};
