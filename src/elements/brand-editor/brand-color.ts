/**
 * The brand editor's colour rules, as pure functions: what the hex field accepts, and the contrast
 * facts the editor shows for a colour.
 */
import {AA_NORMAL, TEXT_ON_DARK, TEXT_ON_LIGHT, bestTextOn, contrastRatio, normalizeHexColor} from '../../styles/color.js';

/** The kit's default brand colour (tokens.ts), shown when no colour is saved. */
export const DEFAULT_BRAND = '#2f6fdb';

/**
 * The hex field's text → the colour to save. Accepts `#rgb` and `#rrggbb` (the `#` may be left
 * out), normalised to lower-case `#rrggbb`; empty means "the default colour" (null). Anything
 * else is refused: names, `rgb()`, `var(--x)`, and everything with CSS punctuation such as
 * `red;}body{background:url(x)` (nothing but hex digits can ever reach a style).
 */
export function parseBrandInput(text: string): {ok: true; color: string | null} | {ok: false} {
  const value = text.trim();
  if (value === '') return {ok: true, color: null};
  const color = normalizeHexColor(value);
  return color ? {ok: true, color} : {ok: false};
}

export interface ContrastFacts {
  /** The colour the facts are about (the default when none is chosen). */
  color: string;
  /** Contrast of white text on it. */
  white: number;
  /** Contrast of the kit's dark text (#111111) on it. */
  dark: number;
  /** The text colour the kit puts on it (the better of the two). */
  onBrand: typeof TEXT_ON_DARK | typeof TEXT_ON_LIGHT;
  /** Contrast of that text. */
  ratio: number;
  /** Whether that text meets WCAG AA for normal text (4.5:1). */
  ok: boolean;
}

export function contrastFacts(color: string | null): ContrastFacts {
  const c = color ?? DEFAULT_BRAND;
  const white = contrastRatio(TEXT_ON_DARK, c);
  const dark = contrastRatio(TEXT_ON_LIGHT, c);
  const onBrand = bestTextOn(c);
  const ratio = Math.max(white, dark);
  return {color: c, white, dark, onBrand, ratio, ok: ratio >= AA_NORMAL};
}

/** A ratio as people write it: 2 decimals (4.478 → 4.48), but a fail never reads as a pass (4.497 → 4.49). */
export function roundRatio(ratio: number): number {
  const rounded = Math.round(ratio * 100) / 100;
  return ratio < AA_NORMAL && rounded >= AA_NORMAL ? 4.49 : rounded;
}
