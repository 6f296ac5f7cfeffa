/**
 * Colour maths for the brand colour: parsing, WCAG 2.x relative luminance and contrast, and the
 * readable text colour on a background. Pure functions; used by the brand editor (contrast check,
 * live preview) and by anything that applies a brand colour (`brandTokens`).
 */

export type Rgb = readonly [r: number, g: number, b: number];

/** Light text on brand. */
export const TEXT_ON_DARK = '#ffffff';
/** Dark text on brand (near-black: softer than #000, still 18:1 on white). */
export const TEXT_ON_LIGHT = '#111111';
/** WCAG 2.x AA minimum for normal text. */
export const AA_NORMAL = 4.5;
/** WCAG 2.x AA minimum for large text and UI components. */
export const AA_LARGE = 3;

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Whether a string is `#rgb` or `#rrggbb` (the `#` optional when `strict` is false). */
export function isValidHexColor(value: string, {strict = true}: {strict?: boolean} = {}): boolean {
  const v = value.trim();
  return HEX.test(v) && (!strict || v.startsWith('#'));
}

/** `#2f6fdb`, `2F6FDB`, `#26d` → `[47, 111, 219]`; anything else → null. */
export function parseHexColor(value: string): Rgb | null {
  const match = HEX.exec(value.trim());
  if (!match) return null;
  let hex = match[1];
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  const n = Number.parseInt(hex, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The API's form: `#rrggbb`, lower case; null when not a colour. `26D` → `#2266dd`. */
export function normalizeHexColor(value: string): string | null {
  const rgb = parseHexColor(value);
  return rgb ? `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}` : null;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance, 0 (black) … 1 (white). */
export function relativeLuminance(color: string | Rgb): number {
  const rgb = typeof color === 'string' ? parseHexColor(color) : color;
  if (!rgb) throw new TypeError(`Not a hex colour: ${String(color)}`);
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

/** WCAG contrast ratio of two colours, 1 … 21. */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The text colour with the higher contrast on `background`: '#ffffff' or '#111111'. */
export function bestTextOn(background: string): typeof TEXT_ON_DARK | typeof TEXT_ON_LIGHT {
  return contrastRatio(background, TEXT_ON_DARK) >= contrastRatio(background, TEXT_ON_LIGHT) ? TEXT_ON_DARK : TEXT_ON_LIGHT;
}

/** Whether text on the background meets WCAG AA (normal text by default). */
export function meetsAA(text: string, background: string, {large = false}: {large?: boolean} = {}): boolean {
  return contrastRatio(text, background) >= (large ? AA_LARGE : AA_NORMAL);
}

/**
 * The public tokens for a brand colour: the colour and its readable text colour. Apply them with
 * `element.style.setProperty(name, value)` (CSP-safe, unlike a `style` attribute); null brand →
 * remove both (the kit's default brand applies).
 */
export function brandTokens(brand: string | null): Record<'--reseller-color-brand' | '--reseller-color-on-brand', string> | null {
  const hex = brand ? normalizeHexColor(brand) : null;
  if (!hex) return null;
  return {'--reseller-color-brand': hex, '--reseller-color-on-brand': bestTextOn(hex)};
}

/** Sets (or, for null, removes) the brand tokens on an element. */
export function applyBrandColor(element: HTMLElement, brand: string | null): void {
  const tokens = brandTokens(brand);
  if (tokens) {
    for (const [name, value] of Object.entries(tokens)) element.style.setProperty(name, value);
  } else {
    element.style.removeProperty('--reseller-color-brand');
    element.style.removeProperty('--reseller-color-on-brand');
  }
}
