/**
 * Host string overrides. A host replaces any string, either for whatever locale is shown (flat)
 * or per locale:
 *
 * ```js
 * provider.strings = {'table.newCustomer': 'Add client'};
 * provider.strings = {en: {'table.newCustomer': 'Add client'}, nl: {'table.newCustomer': 'Klant toevoegen'}};
 * ```
 *
 * Keys of the flat form contain a dot; locale tags never do, which tells the two forms apart.
 */
import type {PartialMessages} from './registry.js';
import {localeChain} from './registry.js';

export type I18nOverrides = PartialMessages | Readonly<Record<string, PartialMessages>>;

/** The override layers that apply to a locale, most specific first. */
export function overrideLayers(overrides: I18nOverrides | undefined | null, locale: string): PartialMessages[] {
  if (!overrides) return [];
  const keys = Object.keys(overrides);
  if (!keys.length) return [];
  if (keys.some((k) => k.includes('.'))) return [overrides as PartialMessages];
  const byLocale = new Map(keys.map((k) => [k.toLowerCase().replace(/_/g, '-'), (overrides as Record<string, PartialMessages>)[k]]));
  const layers: PartialMessages[] = [];
  for (const tag of localeChain(locale)) {
    const layer = byLocale.get(tag);
    if (layer) layers.push(layer);
  }
  return layers;
}
