/// <reference types="vite/client" />
import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {LitElement, css, html, type TemplateResult} from 'lit';
import {until} from 'lit/directives/until.js';
import {firstCustomerId} from './customer-detail.stories.js';
import {BRAND_SWATCHES, STORY_THEMES, type StoryTheme} from './helpers/render.js';
import type {SandboxParameters, StoryTenant} from './helpers/sandbox.js';
import {defineStoryFrame} from './helpers/story-frame.js';

/**
 * Theming: every element of the kit with one brand colour, colour scheme and density. The list is
 * every class a `src/define/*` module exports (so a new element appears here by itself), minus
 * the configuration-only provider. Set `--reseller-color-brand` on any ancestor: that is all a
 * partner must do; the rest (text on brand, hover/active shades, tints) is derived.
 */
const DENSITY_OPTIONS = ['comfortable', 'compact'] as const;

interface ThemeArgs {
  brand: string;
  scheme: StoryTheme;
  density: (typeof DENSITY_OPTIONS)[number];
}

/** Configuration only (the provider), or a part of another element that gets its label there (the phone field). */
const NOT_IN_GALLERY = new Set(['reseller-provider', 'reseller-phone-field']);

/** The kit's public elements, from the define modules' exports. */
const defineModules = import.meta.glob<Record<string, unknown>>('../src/define/*.ts', {eager: true});
export const galleryTags: string[] = [
  ...new Set(
    Object.values(defineModules)
      .flatMap((module) => Object.values(module))
      .map((value) => (typeof value === 'function' ? customElements.getName(value as CustomElementConstructor) : null))
      .filter((tag): tag is string => !!tag && !NOT_IN_GALLERY.has(tag)),
  ),
].sort();

/** Story-only: a labelled card around one element. */
class StoryCard extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 0.75rem;
      border: 1px dashed color-mix(in oklab, currentColor 30%, transparent);
      border-radius: 0.5rem;
    }
    p {
      margin: 0 0 0.5rem;
      font: 600 0.8125rem ui-monospace, monospace;
    }
  `;
  static override properties = {label: {}};
  label = '';
  override render() {
    return html`<p>&lt;${this.label}&gt;</p><slot></slot>`;
  }
}
if (!customElements.get('story-card')) customElements.define('story-card', StoryCard);

/** One element with the ids it needs (a customer of the story's tenant). */
function element(tag: string, customerId: number, density: ThemeArgs['density']): TemplateResult {
  const el = document.createElement(tag);
  el.setAttribute('customer-id', String(customerId));
  el.setAttribute('density', density);
  if (tag === 'reseller-brand-editor') el.setAttribute('apply-to', '');
  return html`<story-card .label=${tag}>${el}</story-card>`;
}

/** Every element in one frame with the given brand, scheme and density; tests may render it too. */
export const renderGallery = (args: ThemeArgs, customerId: number): TemplateResult => {
  defineStoryFrame();
  return html`<story-frame .brand=${args.brand} .scheme=${args.scheme}>
    <div class="gallery">${galleryTags.map((tag) => element(tag, customerId, args.density))}</div>
  </story-frame>`;
};

const meta: Meta<ThemeArgs> = {
  title: 'Theme',
  excludeStories: /^(render[A-Z]|galleryTags)/,
  render: (args, {loaded}) => html`${until(firstCustomerId(loaded.tenant as StoryTenant).then((id) => renderGallery(args, id)), '')}`,
  args: {brand: BRAND_SWATCHES.Teal, scheme: 'light', density: 'comfortable'},
  argTypes: {
    brand: {control: 'color'},
    scheme: {control: 'inline-radio', options: [...STORY_THEMES]},
    density: {control: 'inline-radio', options: [...DENSITY_OPTIONS]},
  },
  parameters: {sandbox: {customers: 3, seed: 11} satisfies SandboxParameters},
};
export default meta;

type Story = StoryObj<ThemeArgs>;

/** Every element, teal brand, light, comfortable. */
export const Gallery: Story = {};

/** Every element in the dark scheme. */
export const GalleryDark: Story = {args: {scheme: 'dark', brand: '#57a0ff'}};

/** Every element, compact density. */
export const GalleryCompact: Story = {args: {density: 'compact', brand: BRAND_SWATCHES.Orange}};

/** The same element in several brand colours side by side (light and dark). */
export const BrandsSideBySide: Story = {
  render: () => {
    defineStoryFrame();
    const frames = Object.entries(BRAND_SWATCHES).flatMap(([name, brand]) =>
      (['light', 'dark'] as const).map((scheme) => html`<story-frame .brand=${brand} .scheme=${scheme}>
        <story-card .label=${`${name} ${brand} · ${scheme}`}>
          <reseller-customer-table per-page="25"></reseller-customer-table>
        </story-card>
      </story-frame>`),
    );
    return html`${frames}`;
  },
};
