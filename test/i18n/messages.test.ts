import {expect} from '@open-wc/testing';
import {en} from '../../src/i18n/en.js';
import {nl} from '../../src/i18n/nl.js';
import {placeholders} from '../../src/i18n/translate.js';

const enKeys = Object.keys(en) as (keyof typeof en)[];

describe('message bundles', () => {
  it('Dutch has every English key and no other', () => {
    const missing = enKeys.filter((k) => !(k in nl));
    const extra = Object.keys(nl).filter((k) => !(k in en));
    expect(missing, 'keys missing from nl.ts').to.deep.equal([]);
    expect(extra, 'keys in nl.ts that English does not have').to.deep.equal([]);
  });

  it('every Dutch string has the same {placeholders} as the English one', () => {
    const mismatches = enKeys
      .filter((k) => placeholders(en[k]).sort().join() !== placeholders(nl[k]).sort().join())
      .map((k) => `${k}: en {${placeholders(en[k]).join('},{')}} vs nl {${placeholders(nl[k]).join('},{')}}`);
    expect(mismatches).to.deep.equal([]);
  });

  it('no string is empty, and Dutch strings are translated where English has words', () => {
    expect(enKeys.filter((k) => !en[k].trim())).to.deep.equal([]);
    expect(enKeys.filter((k) => !nl[k].trim())).to.deep.equal([]);
    // Same-as-English is fine for names and codes (ID, Status, Token, Enterprise…), not for sentences.
    const words = (s: string) => s.replace(/\{\w+\}/g, '').match(/\p{L}{2,}/gu)?.length ?? 0;
    const untranslated = enKeys.filter((k) => nl[k] === en[k] && words(en[k]) > 2);
    expect(untranslated).to.deep.equal([]);
  });

  it('plural keys come in complete .one/.other pairs with {count}', () => {
    // A `.one` key is a plural form; its `.other` partner must exist. (`x.other` alone is an ordinary key.)
    const ones = enKeys.filter((k) => k.endsWith('.one')).map((k) => k.slice(0, -4));
    expect(ones.length).to.be.greaterThan(0);
    for (const base of ones) {
      const other = `${base}.other` as keyof typeof en;
      expect(other in en, `${other} exists`).to.be.true;
      expect(placeholders(en[other]), other).to.include('count');
    }
  });

  it('covers every element of the kit', () => {
    const groups = new Set(enKeys.map((k) => k.split('.')[0]));
    for (const g of ['table', 'form', 'detail', 'tabs', 'subscription', 'usage', 'dashboard', 'tokens', 'users', 'transcriptions', 'brand', 'state', 'error', 'toast', 'confirm']) {
      expect(groups.has(g), g).to.be.true;
    }
  });

  it('placeholders() lists each name once, in order', () => {
    expect(placeholders('{a} and {b} and {a}')).to.deep.equal(['a', 'b']);
    expect(placeholders('none')).to.deep.equal([]);
  });
});
