/**
 * Message lookup and `{placeholder}` filling. Pure: the LocaleController supplies the layers
 * (element strings → host overrides → locale chain → English) and a number formatter.
 */
import type {PluralKey} from './en.js';
import type {PartialMessages} from './registry.js';
import {isolateBidi} from './bidi.js';

/** Values for a message's `{placeholders}`. Numbers are formatted in the active locale. */
export type MessageParams = Readonly<Record<string, string | number | null | undefined>>;

export type {PluralKey};

/** The names of the `{placeholders}` in a template, in order of first appearance. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
}

/**
 * Fills `{name}` placeholders; an unknown placeholder stays visible as `{name}` (easy to spot). A
 * value with right-to-left text or bidi controls (a customer named in Hebrew, or a hostile
 * U+202E) is put in a first-strong isolate (U+2068 … U+2069), so it cannot reorder the message.
 */
export function interpolate(
  template: string,
  params: MessageParams | undefined,
  formatNumber: (n: number) => string = String,
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return match;
    if (typeof value === 'number') return formatNumber(value);
    return isolateBidi(value);
  });
}

/** The first layer that has the key, or undefined. */
export function lookup(key: string, layers: readonly (PartialMessages | undefined | null)[]): string | undefined {
  for (const layer of layers) {
    const value = (layer as Record<string, string | undefined> | null | undefined)?.[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}
