/**
 * Theme tokens. Every element puts `tokens` first in its `static styles`; it resolves the kit's
 * private `--_x` variables once at `:host` from the public `--reseller-*` tokens, with defaults.
 * Element styles use only the private variables.
 *
 * Public tokens (set them on any ancestor, e.g. `:root` or the portal's wrapper):
 *
 * | token | default | |
 * |---|---|---|
 * | `--reseller-color-brand` | `#2f6fdb` | the partner's colour; every brand shade is derived from it with `color-mix(in oklab, …)` |
 * | `--reseller-color-on-brand` | computed | text on the brand colour (see below) |
 * | `--reseller-color-surface` | white / near-black | element background |
 * | `--reseller-color-surface-raised` | white / dark grey | menus, dialogs, toasts |
 * | `--reseller-color-text`, `--reseller-color-text-muted` | | body and secondary text |
 * | `--reseller-color-border` | | hairlines; stronger borders are mixed from it |
 * | `--reseller-color-danger`, `-warning`, `-success` | | status colours (the `-text` shades are derived) |
 * | `--reseller-color-focus-ring` | brand | keyboard focus outline |
 * | `--reseller-font-family` | the host page's | fonts are inherited unless set |
 * | `--reseller-font-size` | the host page's | |
 * | `--reseller-radius` | `6px` | corner radius; small radii derive from it |
 * | `--reseller-density` | `1` | spacing multiplier: `1` comfortable, `0.75` compact (or `density="compact"` on the element) |
 * | `--reseller-color-scheme` | the page's `color-scheme` | force `light` or `dark` for the kit only |
 *
 * **Light and dark.** The kit follows the CSS `color-scheme` the page gives it (a page that
 * declares `color-scheme: light dark` follows the OS; a page that declares nothing stays light,
 * as an embedded widget should). Colours are `light-dark()` pairs. To force a scheme for the kit
 * alone set `--reseller-color-scheme: dark` (or plain `color-scheme: dark`) on any ancestor:
 * `:host` declares `color-scheme: var(--reseller-color-scheme)`, which inherits the page's value
 * when the token is unset (an unset `var()` makes the declaration compute to `unset`). Browsers
 * without `light-dark()` (before Chrome 123, Firefox 120, Safari 17.5) get the light palette;
 * override individual colour tokens there if you need dark.
 *
 * **Text on brand.** `contrast-color()` is not available everywhere yet, so text on the brand
 * colour is chosen in three layers: (1) `--reseller-color-on-brand` when set: the kit's
 * `brandTokens(hex)` (styles/color.ts, used by the brand editor and the provider) computes the
 * WCAG-AA choice between white and near-black in JS and sets it; (2) otherwise, where relative
 * colour syntax works, CSS picks white or near-black from the brand's OKLCH lightness (threshold
 * 0.58, which matches the WCAG choice closely); (3) otherwise white.
 *
 * **Scopes inside an element.** A node with `class="theme-scope"` in an element's shadow root
 * resolves the private variables again from the public tokens set on it, so a part of an element
 * can show another brand (the brand editor's live preview sets `--reseller-color-brand` on its
 * preview through `style.setProperty`, which a strict CSP allows).
 */
import {css} from 'lit';

/** Every public token (the `--reseller-*` custom properties the kit reads), for docs, stories and tests. */
export const PUBLIC_TOKENS = [
  '--reseller-color-brand',
  '--reseller-color-on-brand',
  '--reseller-color-surface',
  '--reseller-color-surface-raised',
  '--reseller-color-text',
  '--reseller-color-text-muted',
  '--reseller-color-border',
  '--reseller-color-danger',
  '--reseller-color-warning',
  '--reseller-color-success',
  '--reseller-color-focus-ring',
  '--reseller-color-scheme',
  '--reseller-font-family',
  '--reseller-font-size',
  '--reseller-radius',
  '--reseller-density',
] as const;
export type PublicToken = (typeof PUBLIC_TOKENS)[number];

/** Values of `--reseller-density` (also the element attribute `density="compact"`). */
export const DENSITIES = {comfortable: 1, compact: 0.75} as const;

export const tokens = css`
  :host,
  .theme-scope {
    color-scheme: var(--reseller-color-scheme);

    /* Brand: one input, every shade derived. */
    --_brand: var(--reseller-color-brand, #2f6fdb);
    --_on-brand: var(--reseller-color-on-brand, #ffffff);
    --_brand-hover: color-mix(in oklab, var(--_brand) 88%, black);
    --_brand-active: color-mix(in oklab, var(--_brand) 76%, black);
    --_brand-subtle: color-mix(in oklab, var(--_brand) 12%, var(--_surface));
    --_brand-subtle-hover: color-mix(in oklab, var(--_brand) 20%, var(--_surface));
    --_brand-text: color-mix(in oklab, var(--_brand) 88%, black);

    /* Surfaces, text, borders (light palette; the @supports block below adds dark). */
    --_surface: var(--reseller-color-surface, #ffffff);
    --_surface-raised: var(--reseller-color-surface-raised, #ffffff);
    --_surface-sunken: color-mix(in oklab, var(--_text) 4%, var(--_surface));
    --_text: var(--reseller-color-text, #1c1f23);
    --_text-muted: var(--reseller-color-text-muted, #5b6470);
    --_border: var(--reseller-color-border, #d5d9de);
    --_border-strong: color-mix(in oklab, var(--_border), var(--_text) 30%);
    --_hover: color-mix(in oklab, var(--_text) 6%, transparent);
    --_active: color-mix(in oklab, var(--_text) 12%, transparent);
    --_shadow: 0 0.5rem 1.5rem color-mix(in oklab, black 18%, transparent), 0 0 0 1px color-mix(in oklab, black 4%, transparent);

    /* Status colours: the base fills (with white text), -text for text on surfaces, -subtle for tints. */
    --_danger: var(--reseller-color-danger, #c62828);
    --_on-danger: #ffffff;
    --_danger-hover: color-mix(in oklab, var(--_danger) 88%, black);
    --_danger-text: color-mix(in oklab, var(--_danger) 90%, black);
    --_danger-subtle: color-mix(in oklab, var(--_danger) 10%, var(--_surface));
    --_warning: var(--reseller-color-warning, #9a6700);
    /* Darker than the fill in light mode: AA (4.5:1) on the -subtle tints, not only on the surface. */
    --_warning-text: color-mix(in oklab, var(--_warning) 88%, black);
    --_warning-subtle: color-mix(in oklab, var(--_warning) 12%, var(--_surface));
    --_success: var(--reseller-color-success, #1a7f37);
    --_success-text: color-mix(in oklab, var(--_success) 85%, black);
    --_success-subtle: color-mix(in oklab, var(--_success) 10%, var(--_surface));
    --_neutral-subtle: color-mix(in oklab, var(--_text) 8%, var(--_surface));

    --_focus-ring: var(--reseller-color-focus-ring, var(--_brand));
    --_skeleton: color-mix(in oklab, var(--_text) 8%, var(--_surface));
    --_skeleton-highlight: color-mix(in oklab, var(--_text) 3%, var(--_surface));
    --_backdrop: color-mix(in oklab, black 45%, transparent);

    /* Shape and rhythm. */
    --_radius: var(--reseller-radius, 6px);
    --_radius-small: calc(var(--_radius) * 0.66);
    --_density: var(--reseller-density, 1);
    --_space-1: calc(0.25rem * var(--_density));
    --_space-2: calc(0.5rem * var(--_density));
    --_space-3: calc(0.75rem * var(--_density));
    --_space-4: calc(1rem * var(--_density));
    --_space-5: calc(1.5rem * var(--_density));
    --_space-6: calc(2rem * var(--_density));
    --_control-height: calc(1rem + 1.5rem * var(--_density));
    --_duration: 150ms;

    /* The toast stack's place (read by <reseller-toast-region>, which a host may move through these). */
    --_toast-offset: var(--reseller-toast-offset, var(--_space-4));
    --_toast-max-width: var(--reseller-toast-max-width, 26rem);
    /* The transcript viewer's scrolling text block. */
    --_transcript-height: var(--reseller-transcript-height, 70vh);

    color: var(--_text);
    font-family: var(--reseller-font-family);
    font-size: var(--reseller-font-size);
    line-height: 1.5;
  }

  :host([density='compact']) {
    --_density: 0.75;
  }
  :host([density='comfortable']) {
    --_density: 1;
  }

  @supports (color: light-dark(#000, #fff)) {
    :host,
    .theme-scope {
      --_surface: var(--reseller-color-surface, light-dark(#ffffff, #17191c));
      --_surface-raised: var(--reseller-color-surface-raised, light-dark(#ffffff, #212429));
      --_text: var(--reseller-color-text, light-dark(#1c1f23, #e8eaed));
      --_text-muted: var(--reseller-color-text-muted, light-dark(#5b6470, #a2a9b3));
      --_border: var(--reseller-color-border, light-dark(#d5d9de, #3a3f46));
      --_brand-text: light-dark(
        color-mix(in oklab, var(--_brand) 88%, black),
        color-mix(in oklab, var(--_brand) 55%, white)
      );
      --_danger: var(--reseller-color-danger, light-dark(#c62828, #d1383d));
      --_danger-text: light-dark(
        color-mix(in oklab, var(--_danger) 90%, black),
        color-mix(in oklab, var(--_danger) 55%, white)
      );
      --_warning: var(--reseller-color-warning, light-dark(#9a6700, #e3b341));
      --_warning-text: light-dark(color-mix(in oklab, var(--_warning) 88%, black), var(--_warning));
      --_success: var(--reseller-color-success, light-dark(#1a7f37, #57c27a));
      --_success-text: light-dark(color-mix(in oklab, var(--_success) 85%, black), var(--_success));
      --_backdrop: light-dark(color-mix(in oklab, black 45%, transparent), color-mix(in oklab, black 65%, transparent));
    }
  }

  /* Text on brand from the brand's lightness, where relative colour syntax works. Brand-coloured
     text (links, ghost buttons, brand badges) keeps the brand's hue but caps its lightness, so a
     light brand (yellow, aqua, white) still reads at AA on the surface: at most OKLCH L 0.5 on
     light surfaces, at least 0.75 on dark ones. */
  @supports (color: oklch(from red l c h)) {
    :host,
    .theme-scope {
      --_on-brand: var(--reseller-color-on-brand, oklch(from var(--_brand) clamp(0.18, (0.58 - l) * 1000, 1) 0 0));
      --_brand-text: oklch(from var(--_brand) min(l, 0.5) c h);
    }
  }
  @supports (color: oklch(from red l c h)) and (color: light-dark(#000, #fff)) {
    :host,
    .theme-scope {
      --_brand-text: light-dark(oklch(from var(--_brand) min(l, 0.5) c h), oklch(from var(--_brand) max(l, 0.75) c h));
    }
  }

  @media (prefers-reduced-motion: reduce) {
    :host,
    .theme-scope {
      --_duration: 0ms;
    }
  }

  :host([hidden]) {
    display: none !important;
  }
`;
