/**
 * `reseller-elements/autoloader` (src/autoloader.ts) on a real page: a tag already in the document
 * when the module loads is defined and upgraded, tags added later are defined, a host's shadow root
 * is covered by `discover()`, other tags are left alone, and only the define modules of the tags on
 * the page are loaded. The module is imported in `before`, after the first tags are in place, and
 * nothing else in this file imports a define module (each test file runs in a page of its own, so no
 * other file's registrations are here).
 */
import {expect, waitUntil} from '@open-wc/testing';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import {createTenant} from '../helpers/sandbox.js';
import {settle} from '../helpers/wait.js';

type AutoloaderModule = typeof import('../../src/autoloader.js');

// The dev server serves every source module on its own: far more than the default 250 entries.
performance.setResourceTimingBufferSize(100_000);

/** The define modules (src/define/<name>.ts) this page has fetched so far, by name. */
const loadedDefineModules = () =>
  [
    ...new Set(
      performance
        .getEntriesByType('resource')
        .map((entry) => /\/src\/define\/([\w-]+)\.ts(?:\?|$)/.exec(entry.name)?.[1])
        .filter((name): name is string => !!name),
    ),
  ].sort();

const defined = (tag: string) => waitUntil(() => customElements.get(tag), `<${tag}> gets defined`, {timeout: 10_000});
const add = <T extends HTMLElement>(tag: string, parent: ParentNode = document.body) => parent.appendChild(document.createElement(tag)) as T;

describe('reseller-elements/autoloader', () => {
  let autoloader: AutoloaderModule;
  let table: ResellerCustomerTable;
  let unknownReseller: HTMLElement;
  let otherWidget: HTMLElement;

  before(async () => {
    const tenant = await createTenant({customers: 3});
    table = add<ResellerCustomerTable>('reseller-customer-table');
    table.token = tenant.token; // a property set before the upgrade: Lit keeps it
    unknownReseller = add('reseller-not-an-element');
    otherWidget = add('other-widget');
    expect(customElements.get('reseller-customer-table'), 'nothing defines the table before the autoloader').to.be.undefined;
    autoloader = await import('../../src/autoloader.js');
  });

  after(() => autoloader.stop());

  it('defines and upgrades a tag that was in the document before it loaded', async () => {
    await defined('reseller-customer-table');
    expect(table).to.be.instanceOf(customElements.get('reseller-customer-table')!);
    await waitUntil(() => table.shadowRoot?.querySelectorAll('tbody tr[part~="row"]').length === 3, 'the table shows its 3 rows', {timeout: 10_000});
  });

  it('defines a tag inserted later, also deep inside an inserted subtree', async () => {
    add('reseller-brand-logo');
    // A subtree built detached and inserted at once: one mutation record for the <section>.
    const outer = document.createElement('section');
    add('reseller-token-manager', add('div', outer));
    document.body.append(outer);
    await defined('reseller-brand-logo');
    await defined('reseller-token-manager');
    expect(document.querySelector('reseller-token-manager')!.shadowRoot, 'upgraded').to.exist;
  });

  it('defines a tag inside a host shadow root after discover(shadowRoot)', async () => {
    const host = add('div');
    const shadow = host.attachShadow({mode: 'open'});
    const list = add('reseller-user-list', shadow);
    // The observer does not see into shadow roots: a light-DOM tag inserted at the same time gets
    // defined while the shadow one stays undefined.
    add('reseller-usage-chart');
    await defined('reseller-usage-chart');
    expect(customElements.get('reseller-user-list'), 'not seen without discover()').to.be.undefined;
    expect(loadedDefineModules(), 'user-list not requested').not.to.include('user-list');

    autoloader.discover(shadow);
    await defined('reseller-user-list');
    expect(list).to.be.instanceOf(customElements.get('reseller-user-list')!);
  });

  it('leaves other tags alone and loads only the define modules of the tags on the page', async () => {
    expect(customElements.get('reseller-not-an-element'), 'unknown reseller-* tag').to.be.undefined;
    expect(customElements.get('other-widget'), 'a tag of someone else').to.be.undefined;
    expect(unknownReseller.matches(':defined') || otherWidget.matches(':defined')).to.be.false;
    for (const tag of ['reseller-usage-dashboard', 'reseller-customer-detail', 'reseller-brand-editor', 'reseller-provider', 'reseller-transcription-list']) {
      expect(customElements.get(tag), `${tag} (not on the page)`).to.be.undefined;
    }
    expect(loadedDefineModules()).to.deep.equal(['brand-logo', 'customer-table', 'token-manager', 'usage-chart', 'user-list']);
  });

  it('stops watching after stop(); discover() still works', async () => {
    autoloader.stop();
    add('reseller-transcription-list');
    await settle(500, 'a working observer would have seen the new tag and loaded its define module');
    expect(customElements.get('reseller-transcription-list'), 'not defined after stop()').to.be.undefined;
    expect(loadedDefineModules()).not.to.include('transcription-list');

    autoloader.discover(document);
    await defined('reseller-transcription-list');
  });
});
