import {html, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../../src/define/provider.js';
import {localeDirection} from '../../src/i18n/bidi.js';
import {defineStoryFrame} from './story-frame.js';

export const BRAND_SWATCHES = {
  Blue: '#0b57d0',
  Teal: '#00796b',
  Purple: '#6a1b9a',
  Orange: '#c2410c',
  Black: '#1f1f1f',
} as const;

/** The toolbar's locales: the six the kit ships, each named in its own language. */
export const STORY_LOCALES = {en: 'English', nl: 'Nederlands', de: 'Deutsch', fr: 'Français', es: 'Español', ar: 'العربية'} as const;
export type StoryLocale = keyof typeof STORY_LOCALES;

export const STORY_THEMES = ['light', 'dark'] as const;

/** The toolbar's container widths (px; `full`: the canvas's width): the layout test's matrix. */
export const STORY_WIDTHS = ['full', '320', '480', '768', '1024', '1280', '1920'] as const;
/** The toolbar's directions: `auto` follows the locale (right-to-left for Arabic). */
export const STORY_DIRECTIONS = ['auto', 'ltr', 'rtl'] as const;
export type StoryTheme = (typeof STORY_THEMES)[number];

export interface FrameOptions {
  /** The provider's token (property binding); null renders a provider without one. */
  token?: string | null;
  locale?: StoryLocale | string;
  brand?: string;
  theme?: StoryTheme;
  /** Base URL of the API (default: the provider's, `/api/v3/reseller` on this origin). */
  apiBase?: string;
  /** How long the elements wait for a token before "Not configured" (ms; default the kit's 10 000). */
  credentialsTimeout?: number;
  /** The frame's width in px (one of STORY_WIDTHS); `full` or absent: the canvas's width. */
  width?: string;
  /** `ltr` or `rtl`; `auto` or absent: the locale's direction. */
  dir?: string;
  /** The provider's `live` attribute: the elements follow live events (docs/live.md). */
  live?: boolean;
}

/**
 * A story's content inside `<story-frame>` (brand colour, colour scheme and container width; `dir="rtl"`
 * for a right-to-left locale such as Arabic or the Direction toolbar, so the whole story root mirrors) and `<reseller-provider>`
 * (token as a property, locale). Stories get it through the global decorator; tests can render the
 * same template with `render(inProvider(…), container)`.
 */
export function inProvider(options: FrameOptions, content: unknown): TemplateResult {
  defineStoryFrame();
  const {token = null, locale, brand = '', theme = 'light', apiBase, credentialsTimeout, width, dir, live = false} = options;
  const direction = dir === 'ltr' || dir === 'rtl' ? dir : locale && localeDirection(locale) === 'rtl' ? 'rtl' : undefined;
  return html`
    <story-frame .brand=${brand} .scheme=${theme} width=${ifDefined(width && width !== 'full' ? width : undefined)} dir=${ifDefined(direction)}>
      <reseller-provider .token=${token} locale=${ifDefined(locale)} api-base=${ifDefined(apiBase)} credentials-timeout=${ifDefined(credentialsTimeout)} ?live=${live}>${content}</reseller-provider>
    </story-frame>
  `;
}
