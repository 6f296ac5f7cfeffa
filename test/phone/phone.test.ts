import {expect} from '@open-wc/testing';
import {
  formatAsYouType,
  formatInternational,
  formatInternationalSync,
  isPhoneLoaded,
  isValidPhone,
  parsePhone,
} from '../../src/phone/index.js';

describe('phone', () => {
  it('loads the library lazily, on the first call', async () => {
    // Nothing in this module graph imported libphonenumber-js yet: the sync fallback is the raw E.164.
    expect(isPhoneLoaded()).to.be.false;
    expect(formatInternationalSync('+31612345678')).to.equal('+31612345678');
    const before = performance.getEntriesByType('resource').filter((e) => e.name.includes('libphonenumber'));
    expect(before).to.have.length(0);
    await parsePhone('0612345678');
    expect(isPhoneLoaded()).to.be.true;
    const after = performance.getEntriesByType('resource').filter((e) => e.name.includes('libphonenumber-js'));
    expect(after.length).to.be.greaterThan(0);
    expect(after.some((e) => /metadata\.max|\/max\//.test(e.name)), 'min metadata only').to.be.false;
    expect(formatInternationalSync('+31612345678')).to.equal('+31 6 12345678');
  });

  it('reads Dutch national numbers in the default country (NL)', async () => {
    expect(await parsePhone('06 12345678')).to.deep.equal({
      e164: '+31612345678',
      international: '+31 6 12345678',
      valid: true,
      country: 'NL',
    });
    expect((await parsePhone('020-1234567'))?.e164).to.equal('+31201234567');
    expect((await parsePhone('(020) 123 45 67'))?.international).to.equal('+31 20 123 4567');
  });

  it('reads international forms, with + or 00', async () => {
    expect((await parsePhone('+31 6 1234 5678'))?.e164).to.equal('+31612345678');
    expect((await parsePhone('0031612345678'))?.e164).to.equal('+31612345678');
    const de = await parsePhone('+49 30 901820');
    expect(de?.country).to.equal('DE');
    expect(de?.valid).to.be.true;
    expect(de?.e164).to.equal('+4930901820');
  });

  it('uses another default country when told', async () => {
    const de = await parsePhone('030 901820', 'DE');
    expect(de?.e164).to.equal('+4930901820');
    const us = await parsePhone('(213) 373-4253', 'US');
    expect(us).to.deep.include({e164: '+12133734253', valid: true, country: 'US'});
    expect(us?.international).to.equal('+1 213 373 4253');
  });

  it('returns null for garbage and valid: false for impossible numbers', async () => {
    expect(await parsePhone('')).to.equal(null);
    expect(await parsePhone('hello')).to.equal(null);
    expect(await parsePhone('call me 0612345678')).to.equal(null);
    expect(await parsePhone('1')).to.equal(null);
    expect((await parsePhone('06 1234'))?.valid ?? false).to.be.false;
    expect(await isValidPhone('06 1234')).to.be.false;
    expect(await isValidPhone('+31 6 12345678')).to.be.true;
    expect(await isValidPhone('+999 123456789')).to.be.false;
  });

  it('formats as you type', async () => {
    expect(await formatAsYouType('0612')).to.equal('06 12');
    expect(await formatAsYouType('0612345678')).to.equal('06 12345678');
    expect(await formatAsYouType('+3161234')).to.equal('+31 6 1234');
    expect(await formatAsYouType('2133734253', 'US')).to.equal('(213) 373-4253');
  });

  it('formats E.164 for display', async () => {
    expect(await formatInternational('+31612345678')).to.equal('+31 6 12345678');
    expect(await formatInternational('+4930901820')).to.equal('+49 30 901820');
    expect(await formatInternational('not a number')).to.equal('not a number');
    expect(formatInternationalSync(null)).to.equal('');
  });
});
