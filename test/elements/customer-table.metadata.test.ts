/**
 * <reseller-customer-table> and customer metadata, against the sandbox: a host's metadata columns
 * (attribute), the operator's metadata dialog (filter by key and value, search within values,
 * column chooser) from the keyboard, the state reflected and reported to the host, the columns'
 * place in the container-width layout, and axe in each state.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {Customer, CustomerPage} from '../../src/contract/schemas.js';
import type {ResellerStateChangeEvent} from '../../src/events.js';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import {focused, typeInto} from '../helpers/dom.js';
import {horizontalOverflow, mountAt, resize} from '../helpers/layout.js';
import {requests} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';
import {$, $$, api, createCustomer, createTenant, nextEvent, rowIds, settled, type Tenant} from './customer-table.helpers.js';

const listPage = (tenant: Tenant, query: string) => api<CustomerPage>(tenant, 'GET', `/customers?${query}`);
const dialogOf = (el: ResellerCustomerTable) => $(el, 'reseller-metadata-dialog');
const inDialog = <T extends HTMLElement = HTMLElement>(el: ResellerCustomerTable, selector: string) => dialogOf(el).shadowRoot!.querySelector<T>(selector)!;
const visible = (node: Element | null) => !!node && getComputedStyle(node).display !== 'none';

async function mountTable(tenant: Tenant, width: number, attrs: Record<string, string> = {}, dir: 'ltr' | 'rtl' = 'ltr') {
  const el = document.createElement('reseller-customer-table');
  el.token = tenant.token;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const mounted = await mountAt(el, width, dir);
  await settled(el);
  return mounted;
}

/** Opens the dialog from the keyboard (focus on the toolbar button, Enter) and waits for focus in its first field. */
async function openDialog(el: ResellerCustomerTable): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="metadata-button"]').focus();
  await sendKeys({press: 'Enter'});
  await waitFor(() => dialogOf(el)?.shadowRoot?.querySelector('dialog')?.open && focused()?.id === 'key', 'the metadata dialog open with focus in Key', {
    observe: () => `open=${String(dialogOf(el)?.shadowRoot?.querySelector('dialog')?.open)} focused=${focused()?.localName}#${focused()?.id}`,
  });
}

describe('<reseller-customer-table> metadata', () => {
  let tenant: Tenant;
  let seeded: Customer[];
  before(async () => {
    tenant = await createTenant({customers: 30});
    seeded = (await listPage(tenant, 'per_page=100&sort=id')).data;
    // The file's first table loads the kit's lazy modules through the dev server (cold: seconds on a
    // loaded machine); wait for its rows once here, so each test's 10 s wait measures the table itself.
    const warm = document.createElement('reseller-customer-table');
    warm.token = tenant.token;
    await mountAt(warm, 1440);
    await waitFor(() => warm.shadowRoot?.querySelector('tbody tr[part~="row"]'), 'the first table of the file shows rows', {timeout: 30_000});
  });

  it('shows the metadata columns a host names (metadata-columns), with each customer\'s values, and stays axe clean', async () => {
    const {el} = await mountTable(tenant, 1440, {'metadata-columns': 'region,tier'});
    expect($$(el, 'thead th.col-meta').map((th) => th.textContent)).to.deep.equal(['region', 'tier']);
    const rows = $$(el, 'tbody tr[part~="row"]');
    const first = seeded.slice(0, rows.length);
    expect(rows.map((tr) => [...tr.querySelectorAll('td.col-meta')].map((td) => td.textContent))).to.deep.equal(first.map((c) => [c.metadata.region, c.metadata.tier]));
    expect(first.every((c) => c.metadata.region && c.metadata.tier), 'the seed gives every customer a region and a tier').to.be.true;
    await expect(el).to.be.accessible();
  });

  it('gives the metadata columns way first (below 1280 px), before Registered and Phone; stacked rows show them labelled', async () => {
    const {box, el} = await mountTable(tenant, 1440, {'metadata-columns': 'region'});
    const shown = () => ({
      meta: visible($(el, 'th.col-meta')) && getComputedStyle($(el, 'table')).display === 'table',
      registered: visible($(el, 'th.col-created_at')) && getComputedStyle($(el, 'table')).display === 'table',
    });
    const at = async (width: number) => (await resize(box, width), shown());
    expect(await at(1280)).to.deep.equal({meta: true, registered: true});
    expect(await at(1279)).to.deep.equal({meta: false, registered: true});
    expect(await at(1079)).to.deep.equal({meta: false, registered: false});
    await resize(box, 320);
    const cell = $(el, 'tbody tr[part~="row"] td.col-meta');
    expect(visible(cell), 'a stacked row shows its region').to.be.true;
    expect(cell.dataset.label).to.equal('region');
    expect(horizontalOverflow(box, el)).to.deep.equal([]);
  });

  it('fits 320 px right-to-left with metadata columns and an active filter; axe clean', async () => {
    const region = seeded[0]!.metadata.region!;
    const {box, el} = await mountTable(tenant, 320, {'metadata-columns': 'region,tier,segment', 'metadata-filter': `region:${region}`}, 'rtl');
    expect(horizontalOverflow(box, el)).to.deep.equal([]);
    expect($(el, '[part~="metadata-button"]').textContent).to.contain('1');
    await expect(el).to.be.accessible();
  });

  it('filters by a metadata key and value from the keyboard: reflected, reported to the host, the rows the API answers', async () => {
    const region = seeded[0]!.metadata.region!;
    const {el} = await mountTable(tenant, 1440, {page: '2', 'per-page': '25'});
    await openDialog(el);
    await expect(dialogOf(el)).to.be.accessible();
    const changed = nextEvent<ResellerStateChangeEvent>(el, 'reseller-state-change');
    await typeInto(inDialog(el, '#key'), 'region');
    await typeInto(inDialog(el, '#value'), region);
    await sendKeys({press: 'Enter'}); // submits the dialog's form
    expect((await changed).detail).to.include({metadataFilter: `region:${region}`, metadataQ: '', page: 1});
    await settled(el);
    expect(el.getAttribute('metadata-filter')).to.equal(`region:${region}`);
    const expected = await listPage(tenant, new URLSearchParams({metadata: `region:${region}`, per_page: '25'}).toString());
    expect(expected.total).to.be.within(1, seeded.length - 1);
    expect(rowIds(el)).to.deep.equal(expected.data.map((c) => c.id));
    const sent = (await requests(tenant.token)).filter((r) => r.path === '/customers' && r.query.includes('metadata='));
    expect(new URLSearchParams(sent.at(-1)!.query).getAll('metadata')).to.deep.equal([`region:${region}`]);
    expect(focused(), 'focus back on the Metadata button').to.equal($(el, '[part~="metadata-button"]'));
  });

  it('sorts by a metadata column from the keyboard: aria-sort, reflected, reported to the host, the rows the API answers; a host can set it', async () => {
    const {el} = await mountTable(tenant, 1440, {'metadata-columns': 'region,tier', 'per-page': '25'});
    const header = () => $(el, 'th[data-sort="metadata.region"]');
    expect(header().getAttribute('aria-sort'), 'not sorted yet').to.equal(null);
    header().querySelector('button')!.focus();
    for (const order of ['asc', 'desc'] as const) {
      const changed = nextEvent<ResellerStateChangeEvent>(el, 'reseller-state-change');
      await sendKeys({press: 'Enter'});
      expect((await changed).detail).to.include({sort: 'metadata.region', order, page: 1});
      await settled(el);
      expect(el.getAttribute('sort')).to.equal('metadata.region');
      expect(header().getAttribute('aria-sort')).to.equal(order === 'asc' ? 'ascending' : 'descending');
      const expected = await listPage(tenant, `sort=metadata.region&order=${order}&per_page=25`);
      expect(rowIds(el)).to.deep.equal(expected.data.map((c) => c.id));
      const regions = expected.data.map((c) => c.metadata.region!.toLowerCase());
      expect(regions).to.deep.equal([...regions].sort((a, b) => (order === 'asc' ? 1 : -1) * (a < b ? -1 : a > b ? 1 : 0)), 'the API sorted by region');
    }
    const byTier = await mountTable(tenant, 1440, {'metadata-columns': 'region,tier', sort: 'metadata.tier', order: 'desc', 'per-page': '25'});
    expect($(byTier.el, 'th[data-sort="metadata.tier"]').getAttribute('aria-sort')).to.equal('descending');
    expect(rowIds(byTier.el)).to.deep.equal((await listPage(tenant, 'sort=metadata.tier&order=desc&per_page=25')).data.map((c) => c.id));
    await expect(el).to.be.accessible();
  });

  it('searches within metadata values (metadata-q) and chooses columns with the keyboard', async () => {
    const local = await createTenant({customers: 0});
    const ann = await createCustomer(local, {name: 'Ann BV', email: 'ann@example.com', metadata: {account_manager: 'john@reseller.example', tier: 'gold'}});
    await createCustomer(local, {name: 'Bob BV', email: 'bob@example.com', metadata: {account_manager: 'mary@reseller.example', tier: 'silver'}});
    const {el} = await mountTable(local, 1440);
    expect($$(el, 'th.col-meta')).to.have.length(0);
    await openDialog(el);
    await typeInto(inDialog(el, '#q'), 'JOHN');
    // The column checkboxes list the keys of the customers shown; Space ticks the focused one.
    const boxes = [...dialogOf(el).shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="column"]')];
    expect(boxes.map((b) => b.value)).to.deep.equal(['account_manager', 'tier']);
    boxes[1]!.focus();
    await sendKeys({press: ' '});
    expect(boxes[1]!.checked).to.be.true;
    const changed = nextEvent<ResellerStateChangeEvent>(el, 'reseller-state-change');
    inDialog<HTMLButtonElement>(el, '[part~="apply-button"]').focus();
    await sendKeys({press: 'Enter'});
    expect((await changed).detail).to.include({metadataQ: 'JOHN', metadataColumns: 'tier'});
    await settled(el);
    expect(rowIds(el)).to.deep.equal([ann.id]);
    expect(el.getAttribute('metadata-q')).to.equal('JOHN');
    expect(el.getAttribute('metadata-columns')).to.equal('tier');
    expect($$(el, 'tbody td.col-meta').map((td) => td.textContent)).to.deep.equal(['gold']);
  });

  it('Escape closes the dialog without changing anything; a value without a valid key is refused in the dialog', async () => {
    const {el} = await mountTable(tenant, 1024);
    const events: Event[] = [];
    el.addEventListener('reseller-state-change', (e) => events.push(e));
    await openDialog(el);
    await typeInto(inDialog(el, '#key'), 'Region!');
    await typeInto(inDialog(el, '#value'), 'x');
    inDialog<HTMLButtonElement>(el, '[part~="apply-button"]').click();
    await waitFor(() => inDialog(el, '#key').getAttribute('aria-invalid') === 'true', 'the key marked invalid');
    expect(inDialog(el, '#key-error').textContent).to.contain('lowercase letters');
    expect(inDialog<HTMLDialogElement>(el, 'dialog').open, 'the dialog stays open with what was typed').to.be.true;
    expect(inDialog<HTMLInputElement>(el, '#value').value).to.equal('x');
    await expect(dialogOf(el)).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await waitFor(() => !inDialog<HTMLDialogElement>(el, 'dialog').open, 'the dialog closed');
    await waitFor(() => focused() === $(el, '[part~="metadata-button"]'), 'focus back on the Metadata button');
    expect(events).to.have.length(0);
    expect(el.hasAttribute('metadata-filter')).to.be.false;
  });

  it('a host\'s metadata-filter that matches nobody shows "no match", and Clear filters clears it', async () => {
    const {el} = await mountTable(tenant, 1024, {'metadata-filter': 'region:nowhere'});
    expect($(el, '[part~="no-match"]').textContent).to.contain('No customers match these filters.');
    await expect(el).to.be.accessible();
    const changed = nextEvent<ResellerStateChangeEvent>(el, 'reseller-state-change');
    $<HTMLButtonElement>(el, '[part~="clear-button"]').click();
    expect((await changed).detail).to.include({metadataFilter: '', metadataQ: ''});
    await settled(el);
    expect(rowIds(el)).to.have.length(25);
    expect(el.hasAttribute('metadata-filter')).to.be.false;
  });
});
