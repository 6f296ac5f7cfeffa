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
}

/**
 * A story's content inside `<story-frame>` (brand colour and colour scheme; `dir="rtl"` for a
 * right-to-left locale such as Arabic, so the whole story root mirrors) and `<reseller-provider>`
 * (token as a property, locale). Stories get it through the global decorator; tests can render the
 * same template with `render(inProvider(…), container)`.
 */
export function inProvider(options: FrameOptions, content: unknown): TemplateResult {
  defineStoryFrame();
  const {token = null, locale, brand = '', theme = 'light', apiBase, credentialsTimeout} = options;
  return html`
    <story-frame .brand=${brand} .scheme=${theme} dir=${ifDefined(locale && localeDirection(locale) === 'rtl' ? 'rtl' : undefined)}>
      <reseller-provider .token=${token} locale=${ifDefined(locale)} api-base=${ifDefined(apiBase)} credentials-timeout=${ifDefined(credentialsTimeout)}>${content}</reseller-provider>
    </story-frame>
  `;
}
