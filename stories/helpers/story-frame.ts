import {LitElement, css, html, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';

/**
 * Story-only wrapper that applies the toolbar's brand colour, colour scheme and container width. It
 * sets them through CSSOM on its own host and a `width` attribute its stylesheet sizes it by (no
 * `style=""` in a template: the kit's CSP rule holds in stories too).
 *
 * @tag story-frame
 * @slot - The story.
 */
export class StoryFrame extends LitElement {
  static override styles = css`
    :host {
      display: block;
      background: Canvas;
      color: CanvasText;
      padding: 1rem;
      font-family: system-ui, sans-serif;
    }
    /* The toolbar's container widths (docs/layout.md): the story's own width, not the viewport's. */
    :host([width='320']) { inline-size: 320px; }
    :host([width='480']) { inline-size: 480px; }
    :host([width='768']) { inline-size: 768px; }
    :host([width='1024']) { inline-size: 1024px; }
    :host([width='1280']) { inline-size: 1280px; }
    :host([width='1920']) { inline-size: 1920px; }
    :host([width]) {
      outline: 1px dashed GrayText;
    }
  `;

  /** Brand colour (`--reseller-color-brand`); empty leaves the kit's default. */
  @property() brand = '';

  /** `light` or `dark`. */
  @property() scheme: 'light' | 'dark' = 'light';

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('brand')) {
      if (this.brand) this.style.setProperty('--reseller-color-brand', this.brand);
      else this.style.removeProperty('--reseller-color-brand');
    }
    if (changed.has('scheme')) this.style.colorScheme = this.scheme;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

/** Registers `<story-frame>` once; returns the tag. */
export function defineStoryFrame(): 'story-frame' {
  if (!customElements.get('story-frame')) customElements.define('story-frame', StoryFrame);
  return 'story-frame';
}

declare global {
  interface HTMLElementTagNameMap {
    'story-frame': StoryFrame;
  }
}
