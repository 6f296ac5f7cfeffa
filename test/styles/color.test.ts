import {expect} from '@open-wc/testing';
import {
  applyBrandColor,
  bestTextOn,
  brandTokens,
  contrastRatio,
  isValidHexColor,
  meetsAA,
  normalizeHexColor,
  parseHexColor,
  relativeLuminance,
} from '../../src/styles/color.js';

describe('color', () => {
  it('parses and validates hex colours', () => {
    expect(parseHexColor('#2f6fdb')).to.deep.equal([47, 111, 219]);
    expect(parseHexColor('2F6FDB')).to.deep.equal([47, 111, 219]);
    expect(parseHexColor('#26d')).to.deep.equal([0x22, 0x66, 0xdd]);
    expect(parseHexColor('#12345')).to.equal(null);
    expect(parseHexColor('blue')).to.equal(null);
    expect(parseHexColor('#gggggg')).to.equal(null);
    expect(isValidHexColor('#2f6fdb')).to.be.true;
    expect(isValidHexColor('2f6fdb')).to.be.false;
    expect(isValidHexColor('2f6fdb', {strict: false})).to.be.true;
    expect(isValidHexColor('#2f6fd')).to.be.false;
    expect(normalizeHexColor(' #26D ')).to.equal('#2266dd');
    expect(normalizeHexColor('nope')).to.equal(null);
  });

  it('computes WCAG relative luminance and contrast', () => {
    expect(relativeLuminance('#000000')).to.equal(0);
    expect(relativeLuminance('#ffffff')).to.equal(1);
    expect(contrastRatio('#000000', '#ffffff')).to.equal(21);
    expect(contrastRatio('#ffffff', '#ffffff')).to.equal(1);
    // Known pairs (WebAIM): #767676 on white is 4.54:1, #777777 is 4.48:1.
    expect(contrastRatio('#767676', '#ffffff')).to.be.closeTo(4.54, 0.01);
    expect(meetsAA('#767676', '#ffffff')).to.be.true;
    expect(meetsAA('#777777', '#ffffff')).to.be.false;
    expect(meetsAA('#777777', '#ffffff', {large: true})).to.be.true;
    expect(() => relativeLuminance('red')).to.throw(TypeError);
  });

  it('picks the readable text colour for a background', () => {
    expect(bestTextOn('#2f6fdb')).to.equal('#ffffff');
    expect(bestTextOn('#000000')).to.equal('#ffffff');
    expect(bestTextOn('#ffd400')).to.equal('#111111');
    expect(bestTextOn('#ffffff')).to.equal('#111111');
    expect(bestTextOn('#00a3e0')).to.equal('#111111');
    // Whatever the brand, the chosen text reaches AA large (3:1), and AA normal whenever either can.
    for (let i = 0; i < 4096; i++) {
      const hex = `#${[i >> 8, (i >> 4) & 15, i & 15].map((c) => (c * 17).toString(16).padStart(2, '0')).join('')}`;
      const text = bestTextOn(hex);
      expect(contrastRatio(text, hex), hex).to.be.at.least(3);
      const best = Math.max(contrastRatio('#ffffff', hex), contrastRatio('#111111', hex));
      expect(contrastRatio(text, hex), hex).to.equal(best);
    }
  });

  it('derives and applies the brand tokens', () => {
    expect(brandTokens('#FFD400')).to.deep.equal({'--reseller-color-brand': '#ffd400', '--reseller-color-on-brand': '#111111'});
    expect(brandTokens('oops')).to.equal(null);
    const el = document.createElement('div');
    applyBrandColor(el, '#0b3d91');
    expect(el.style.getPropertyValue('--reseller-color-brand')).to.equal('#0b3d91');
    expect(el.style.getPropertyValue('--reseller-color-on-brand')).to.equal('#ffffff');
    applyBrandColor(el, null);
    expect(el.style.getPropertyValue('--reseller-color-brand')).to.equal('');
  });
});
