import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {LitElement, css, html, type TemplateResult} from 'lit';
import {until} from 'lit/directives/until.js';
import {saveBranding} from './brand-editor.stories.js';
import type {SandboxParameters, StoryTenant} from './helpers/sandbox.js';

/**
 * `<reseller-brand-logo>`: the saved logo for the host's navigation (an `<img>`, alt the
 * organization's name), or the organization's name / the slotted fallback without one. Shown here
 * in a host header bar, as a portal would place it.
 */
interface LogoArgs {
  /** Also apply the saved brand colour to this selector. */
  applyTo: string;
  /** Slot a fallback mark (shown only without a saved logo). */
  fallback: boolean;
}

const FALLBACK = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><circle cx="16" cy="16" r="14" fill="#fff"/></svg>');

/** Story-only: a dark host header bar (the logo takes its text colour). */
class StoryHeader extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: 1rem;
      padding: 0.75rem 1rem;
      background: #14213d;
      color: #ffffff;
      font-family: system-ui, sans-serif;
    }
  `;
  override render() {
    return html`<slot></slot>`;
  }
}
if (!customElements.get('story-header')) customElements.define('story-header', StoryHeader);

/** The logo in a host header bar; tests may render it too. */
export const renderLogo = (args: LogoArgs): TemplateResult => html`<story-header>
  <reseller-brand-logo apply-to=${args.applyTo}>${args.fallback ? html`<img src=${FALLBACK} alt="" width="32" height="32" />` : ''}</reseller-brand-logo>
  <span>Partner portal</span>
</story-header>`;

const meta: Meta<LogoArgs> = {
  title: 'Brand logo',
  component: 'reseller-brand-logo',
  excludeStories: /^render[A-Z]/,
  render: (args, {loaded, parameters}) => {
    const saved = parameters.saved as {color?: string; logo?: boolean} | undefined;
    const content = renderLogo(args);
    return saved ? html`${until(saveBranding(loaded.tenant as StoryTenant, saved).then(() => content), '')}` : content;
  },
  args: {applyTo: '', fallback: false},
  argTypes: {applyTo: {name: 'apply-to', control: 'text'}, fallback: {control: 'boolean'}},
  parameters: {sandbox: {customers: 0} satisfies SandboxParameters},
};
export default meta;

type Story = StoryObj<LogoArgs>;

/** A saved logo: the image, alt = the organization's name. */
export const WithLogo: Story = {parameters: {saved: {logo: true}}};

/** No logo: the organization's name as text (in the header's colour). */
export const NameOnly: Story = {};

/** No logo, with the portal's own mark slotted as the fallback. */
export const SlottedFallback: Story = {args: {fallback: true}};

/** `apply-to="story-frame"`: the saved colour themes the frame around it. */
export const AppliesSavedColour: Story = {args: {applyTo: 'story-frame'}, parameters: {saved: {color: '#00796b', logo: true}}};
