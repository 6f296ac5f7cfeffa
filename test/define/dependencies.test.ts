/**
 * One registration mechanism: an element declares the sub-elements it renders
 * (`static dependencies`), and registering it registers them first. This page imports one define
 * module only, so "registered" means registered by that module.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define/customer-table.js';
import {defineElement} from '../../src/elements/shared/registration.js';
import {createTenant} from '../helpers/sandbox.js';

let n = 0;
const freshTag = (name: string) => `dependencies-test-${name}-${Date.now().toString(36)}-${n++}`;

describe('static dependencies', () => {
  it('define/customer-table registers the confirm dialog and the toast stack it declares, and not the lazy New Customer form', () => {
    expect(customElements.get('reseller-customer-table'), 'the table').to.exist;
    expect(customElements.get('reseller-confirm-dialog'), 'its confirm dialog').to.exist;
    expect(customElements.get('reseller-toast-region'), 'its toast stack').to.exist;
    expect(customElements.get('reseller-customer-form'), 'the New Customer form loads on first use').to.equal(undefined);
    expect(customElements.get('reseller-phone-field'), 'nor the form\'s phone field').to.equal(undefined);
  });

  it('registering an element registers what it declares first, recursively; a cycle ends; a taken tag is skipped', () => {
    const [outerTag, innerTag, leafTag] = [freshTag('outer'), freshTag('inner'), freshTag('leaf')];
    const order: string[] = [];
    class Leaf extends HTMLElement {}
    class Inner extends HTMLElement {
      static dependencies: Record<string, CustomElementConstructor> = {};
    }
    class Outer extends HTMLElement {
      static dependencies = {[innerTag]: Inner};
    }
    Inner.dependencies = {[leafTag]: Leaf, [outerTag]: Outer}; // a cycle back to Outer
    const define = customElements.define.bind(customElements);
    customElements.define = (tag: string, ctor: CustomElementConstructor, options?: ElementDefinitionOptions) => {
      order.push(tag);
      define(tag, ctor, options);
    };
    try {
      expect(defineElement(outerTag, Outer)).to.equal(true);
    } finally {
      customElements.define = define;
    }
    expect(order).to.deep.equal([leafTag, innerTag, outerTag]);
    expect([customElements.get(outerTag), customElements.get(innerTag), customElements.get(leafTag)]).to.deep.equal([Outer, Inner, Leaf]);
  });

  it('the New Customer form, opened from the table, arrives registered with its phone field', async () => {
    const tenant = await createTenant({customers: 1});
    const el = await fixture<HTMLElementTagNameMap['reseller-customer-table']>(html`<reseller-customer-table .token=${tenant.token}></reseller-customer-table>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.new-button'), 'the table renders', {timeout: 15_000});
    el.shadowRoot!.querySelector<HTMLButtonElement>('.new-button')!.click();
    await waitUntil(() => customElements.get('reseller-customer-form') && customElements.get('reseller-phone-field'), 'the form and its phone field are registered', {timeout: 15_000});
    await waitUntil(() => el.shadowRoot!.querySelector('reseller-customer-form')?.shadowRoot?.querySelector('reseller-phone-field'), 'the form renders its phone field', {timeout: 15_000});
    expect(el.shadowRoot!.querySelector('reseller-customer-form')!.shadowRoot!.querySelector('reseller-phone-field')!.shadowRoot, 'an upgraded phone field').to.exist;
  });
});
