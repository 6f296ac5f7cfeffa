/**
 * libphonenumber-js is not part of the cost of placing `<reseller-customer-form>` on a page: it
 * loads when the form first opens. Its own file, so that no earlier test has loaded it already.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define/customer-form.js';
import type {ResellerCustomerForm} from '../../src/elements/customer-form/customer-form.js';
import {isPhoneLoaded} from '../../src/phone/index.js';
import {createTenant} from '../helpers/sandbox.js';

const phoneResources = () =>
  performance.getEntriesByType('resource').filter((entry) => /libphonenumber/i.test(entry.name)).map((entry) => entry.name);

describe('<reseller-customer-form> loading', () => {
  it('loads libphonenumber-js when the form first opens, not when it is defined or placed', async () => {
    const tenant = await createTenant({customers: 0});
    const form = await fixture<ResellerCustomerForm>(html`<reseller-customer-form .token=${tenant.token}></reseller-customer-form>`);
    await form.updateComplete;
    expect(customElements.get('reseller-customer-form'), 'defined').to.exist;
    expect(isPhoneLoaded(), 'not loaded after define + render').to.be.false;
    expect(phoneResources(), 'no libphonenumber request yet').to.deep.equal([]);

    form.open();
    await waitUntil(() => isPhoneLoaded(), 'loaded after open', {timeout: 10_000});
    expect(phoneResources().length, 'fetched now').to.be.greaterThan(0);
  });
});
