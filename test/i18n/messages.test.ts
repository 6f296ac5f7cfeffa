import {expect} from '@open-wc/testing';
import {en, type PluralCategory} from '../../src/i18n/en.js';
import {nl} from '../../src/i18n/nl.js';
import {de} from '../../src/i18n/de.js';
import {fr} from '../../src/i18n/fr.js';
import {es} from '../../src/i18n/es.js';
import {ar} from '../../src/i18n/ar.js';
import {bundlesFor, isLocaleRegistered, loadLocale, SHIPPED_LOCALES} from '../../src/i18n/registry.js';
import {placeholders} from '../../src/i18n/translate.js';

type Bundle = Readonly<Record<string, string | undefined>>;
const enKeys = Object.keys(en) as (keyof typeof en)[];
const LOCALES: Record<string, Bundle> = {nl, de, fr, es, ar};
/** Plural keys: a `.one` key whose `.other` partner exists (`table.total`, …). */
const pluralBases = enKeys.filter((k) => k.endsWith('.one') && `${k.slice(0, -4)}.other` in en).map((k) => k.slice(0, -4));
const CATEGORIES: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
/** `table.total.few` → `table.total`; null for a key that is not a plural form. */
const pluralBaseOf = (key: string) => {
  const dot = key.lastIndexOf('.');
  const base = key.slice(0, dot);
  return pluralBases.includes(base) && CATEGORIES.includes(key.slice(dot + 1) as PluralCategory) ? base : null;
};
const sorted = (s: string) => placeholders(s).sort().join();

describe('message bundles', () => {
  it('ships six locales, English first, each registered', () => {
    expect([...SHIPPED_LOCALES]).to.deep.equal(['en', 'nl', 'de', 'fr', 'es', 'ar']);
    for (const tag of SHIPPED_LOCALES) expect(isLocaleRegistered(tag), tag).to.be.true;
  });

  it('each lazy locale loads exactly its module’s bundle', async () => {
    for (const [tag, bundle] of Object.entries(LOCALES)) {
      await loadLocale(tag);
      expect(bundlesFor(tag)[0], tag).to.equal(bundle);
    }
  });

  for (const [tag, bundle] of Object.entries(LOCALES)) {
    describe(tag, () => {
      it('has every English key, and no key English lacks (besides plural forms)', () => {
        const missing = enKeys.filter((k) => typeof bundle[k] !== 'string');
        const extra = Object.keys(bundle).filter((k) => !(k in en) && !pluralBaseOf(k));
        expect(missing, `keys missing from ${tag}.ts`).to.deep.equal([]);
        expect(extra, `keys in ${tag}.ts that English does not have`).to.deep.equal([]);
      });

      it('keeps the {placeholders} of every English string', () => {
        const mismatches = Object.keys(bundle)
          .filter((k) => {
            const base = pluralBaseOf(k);
            const source = en[(base ? `${base}.other` : k) as keyof typeof en];
            if (sorted(source) === sorted(bundle[k]!)) return false;
            // Arabic writes the count as a word for zero, one and two ("عميل واحد", "عميلان").
            const category = k.slice(k.lastIndexOf('.') + 1);
            const withoutCount = placeholders(source).filter((p) => p !== 'count').sort().join();
            return !(base && ['zero', 'one', 'two'].includes(category) && sorted(bundle[k]!) === withoutCount);
          })
          .map((k) => `${k}: {${placeholders(bundle[k]!).join('},{')}}`);
        expect(mismatches).to.deep.equal([]);
      });

      it('has exactly the plural categories Intl.PluralRules gives the language, for every plural key', () => {
        const wanted = new Intl.PluralRules(tag).resolvedOptions().pluralCategories.slice().sort();
        for (const base of pluralBases) {
          const has = CATEGORIES.filter((c) => typeof bundle[`${base}.${c}`] === 'string');
          // `.one` is an English key, so every bundle has it; a language without `one` (none of ours) would repeat `.other`.
          const have = has.filter((c) => c !== 'one' || wanted.includes('one'));
          expect(have.sort(), `${tag} ${base}`).to.deep.equal(wanted);
        }
      });

      it('translates: no empty string, no sentence left in English', () => {
        expect(Object.keys(bundle).filter((k) => !bundle[k]!.trim())).to.deep.equal([]);
        // Same-as-English is fine for names and codes (ID, Status, Token, Enterprise…), not for sentences.
        const words = (s: string) => s.replace(/\{\w+\}/g, '').match(/\p{L}{2,}/gu)?.length ?? 0;
        expect(enKeys.filter((k) => bundle[k] === en[k] && words(en[k]) > 2)).to.deep.equal([]);
      });
    });
  }

  it('English plural keys come in complete .one/.other pairs with {count}', () => {
    expect(pluralBases.length).to.be.greaterThan(0);
    for (const base of pluralBases) expect(placeholders(en[`${base}.other` as keyof typeof en]), base).to.include('count');
    expect(new Intl.PluralRules('en').resolvedOptions().pluralCategories.slice().sort()).to.deep.equal(['one', 'other']);
  });

  it('covers every element of the kit', () => {
    const groups = new Set(enKeys.map((k) => k.split('.')[0]));
    for (const g of ['table', 'form', 'detail', 'tabs', 'subscription', 'usage', 'dashboard', 'tokens', 'users', 'transcriptions', 'brand', 'state', 'error', 'serverField', 'toast', 'confirm']) {
      expect(groups.has(g), g).to.be.true;
    }
  });

  it('placeholders() lists each name once, in order', () => {
    expect(placeholders('{a} and {b} and {a}')).to.deep.equal(['a', 'b']);
    expect(placeholders('none')).to.deep.equal([]);
  });
});
