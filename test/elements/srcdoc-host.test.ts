/**
 * A host that embeds the kit in a `srcdoc` iframe (a preview pane, a sandboxed widget): the frame's
 * location is about:srcdoc, its base URL its parent's. The kit's relative API base resolves against
 * the base URL, as fetch() does, so the table loads its rows there too.
 */
import {expect} from '@open-wc/testing';
import {createTenant} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';

describe('the kit in a srcdoc iframe', () => {
  let frame: HTMLIFrameElement;
  after(() => frame?.remove());

  it('a customer table with the default API base loads its rows', async function () {
    this.timeout(60_000);
    const tenant = await createTenant({customers: 12});
    frame = document.createElement('iframe');
    Object.assign(frame, {title: 'a srcdoc host', width: '640', height: '400'});
    frame.srcdoc = `<!doctype html><html lang="en"><body><script type="module">import '/src/define/customer-table.ts';</script></body></html>`;
    document.body.append(frame);
    const win = await waitFor(() => (frame.contentWindow?.customElements.get('reseller-customer-table') ? frame.contentWindow : null), 'the kit loads in the srcdoc page', {timeout: 30_000});
    expect(win.location.href).to.equal('about:srcdoc');
    const table = win.document.createElement('reseller-customer-table') as HTMLElement & {token: string};
    table.token = tenant.token;
    win.document.body.append(table);
    const rows = await waitFor(() => {
      const found = table.shadowRoot?.querySelectorAll('tbody tr[part~="row"]');
      return found && found.length > 0 ? found : null;
    }, 'the table in the srcdoc page shows rows from the sandbox', {timeout: 30_000});
    expect(rows.length).to.equal(12);
  });
});
