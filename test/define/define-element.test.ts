/**
 * The kit's registration (src/elements/shared/registration.ts): a tag taken by another class —
 * what a second copy of the kit on the page meets — is skipped with ONE console warning for the
 * whole page, the first copy's element keeps working, and without `customElements` (an SSR import
 * in Node) nothing happens and nothing throws.
 *
 * A second copy's classes are different constructors with the same tags; here they are subclasses
 * of the kit's classes. The real thing (the Vite-served sources plus the CDN bundle on one page)
 * is the e2e flow test/e2e/flows/cdn-two-copies.mjs.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define/index.js';
import {defineElement} from '../../src/elements/shared/registration.js';
import {ResellerCustomerTable} from '../../src/define/customer-table.js';
import {ResellerProvider} from '../../src/define/provider.js';
import {ResellerPhoneField} from '../../src/define/customer-form.js';
import {createTenant} from '../helpers/sandbox.js';

const WARNED = Symbol.for('reseller-elements.second-copy-warned');

/** Runs `fn` with console.warn and console.error recorded (and passed through). */
async function recordingConsole(fn: () => unknown): Promise<{warnings: string[]; errors: string[]}> {
  const warnings: string[] = [];
  const errors: string[] = [];
  const {warn, error} = console;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    warn.apply(console, args);
  };
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    error.apply(console, args);
  };
  try {
    await fn();
  } finally {
    console.warn = warn;
    console.error = error;
  }
  return {warnings, errors};
}

let n = 0;
const freshTag = () => `define-element-test-${Date.now().toString(36)}-${n++}`;

describe('defineElement (src/elements/shared/registration.ts)', () => {
  beforeEach(() => {
    delete (globalThis as {[WARNED]?: boolean})[WARNED];
  });

  it('defines a free tag, and is silent when the same class is defined again (two define modules of one copy)', async () => {
    const tag = freshTag();
    class Free extends HTMLElement {}
    const {warnings} = await recordingConsole(() => {
      expect(defineElement(tag, Free)).to.equal(true);
      expect(defineElement(tag, Free)).to.equal(false);
      // The kit's own modules share <reseller-phone-field> (customer form and detail).
      expect(defineElement('reseller-phone-field', ResellerPhoneField)).to.equal(false);
    });
    expect(customElements.get(tag)).to.equal(Free);
    expect(warnings).to.deep.equal([]);
  });

  it('a second copy (other classes, same tags): skipped, ONE warning for all its tags, the first copy keeps working', async () => {
    const tenant = await createTenant({customers: 3});
    const secondCopy: Array<[string, CustomElementConstructor]> = [
      ['reseller-provider', class extends ResellerProvider {}],
      ['reseller-customer-table', class extends ResellerCustomerTable {}],
      ['reseller-phone-field', class extends ResellerPhoneField {}],
    ];
    const {warnings, errors} = await recordingConsole(() => {
      for (const [tag, element] of secondCopy) expect(defineElement(tag, element), tag).to.equal(false);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('<reseller-provider>').and.include('second copy of reseller-elements');
    expect(errors).to.deep.equal([]);
    expect(customElements.get('reseller-customer-table')).to.equal(ResellerCustomerTable);
    expect(customElements.get('reseller-provider')).to.equal(ResellerProvider);

    // The first copy's elements still work: a provider and a table against a sandbox tenant.
    const after = await recordingConsole(async () => {
      const provider = await fixture<ResellerProvider>(html`<reseller-provider .token=${tenant.token}><reseller-customer-table></reseller-customer-table></reseller-provider>`);
      const table = provider.querySelector('reseller-customer-table')!;
      await waitUntil(() => table.shadowRoot?.querySelectorAll('tbody tr[part~="row"]').length === 3, 'the table shows the tenant\'s 3 customers', {timeout: 10_000});
      // More conflicting registrations later on the same page: still that one warning.
      defineElement('reseller-customer-table', class extends ResellerCustomerTable {});
    });
    expect(after.warnings).to.deep.equal([]);
    expect(after.errors).to.deep.equal([]);
  });

  it('does nothing (and does not throw) without customElements, as in Node without a DOM', async () => {
    const tag = freshTag();
    // `customElements` is an own accessor of the window in some engines, on its prototype in others.
    const own = Object.getOwnPropertyDescriptor(globalThis, 'customElements');
    Object.defineProperty(globalThis, 'customElements', {value: undefined, configurable: true, writable: true});
    let result: boolean | undefined;
    try {
      const {warnings} = await recordingConsole(() => {
        result = defineElement(tag, class extends HTMLElement {});
      });
      expect(warnings).to.deep.equal([]);
    } finally {
      if (own) Object.defineProperty(globalThis, 'customElements', own);
      else delete (globalThis as {customElements?: unknown}).customElements;
    }
    expect(result).to.equal(false);
    expect(globalThis.customElements, 'the real registry is back').to.be.instanceOf(CustomElementRegistry);
    expect(customElements.get(tag)).to.equal(undefined);
  });
});
