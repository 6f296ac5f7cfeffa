/**
 * <reseller-customer-table>: a truncated name keeps its beginning in either direction. On a
 * right-to-left page a Latin name used to lose its start ("…n Health Trust"): the cell's direction
 * put the ellipsis on the left. Each name and email now takes its own direction (dir="auto").
 */
import {expect} from '@open-wc/testing';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import {mountAt} from '../helpers/layout.js';
import {$, createCustomer, createTenant, settled, type Tenant} from './customer-table.helpers.js';

const LATIN = 'Regionale Zorggroep Oost-Brabant en de Kempen voor Thuiszorg en Wijkverpleging';
const ARABIC = 'مجموعة الرعاية الإقليمية للتمريض المنزلي وإعادة التأهيل في شرق المدينة';

/** Whether the first character of the link's text is painted inside the link's visible box. */
function startVisible(link: HTMLElement): {ok: boolean; detail: string} {
  const text = link.firstChild!;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 1);
  const glyph = range.getBoundingClientRect();
  const box = link.getBoundingClientRect();
  const ok = glyph.width > 0 && glyph.left >= box.left - 1 && glyph.right <= box.right + 1;
  return {ok, detail: `"${link.textContent!.slice(0, 12)}…" first glyph ${Math.round(glyph.left)}–${Math.round(glyph.right)}, box ${Math.round(box.left)}–${Math.round(box.right)}`};
}

describe('<reseller-customer-table> bidirectional names', () => {
  let tenant: Tenant;
  before(async () => {
    tenant = await createTenant({customers: 2});
    await createCustomer(tenant, {name: ARABIC, email: 'arabic@example.org'});
    await createCustomer(tenant, {name: LATIN, email: 'latin@example.org'});
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    for (const width of [320, 1024]) {
      it(`${dir}, ${width}px: a truncated Latin or Arabic name shows its beginning`, async () => {
        const el = document.createElement('reseller-customer-table') as ResellerCustomerTable;
        el.token = tenant.token;
        el.setAttribute('order', 'desc');
        el.setAttribute('detail-href', '#/customers/{id}');
        const {box} = await mountAt(el, width, dir);
        try {
          await settled(el);
          const links = [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[part~="row"] .col-name .open')].slice(0, 2);
          expect(links.map((a) => a.textContent)).to.deep.equal([LATIN, ARABIC]);
          for (const link of links) {
            expect(link.scrollWidth, 'the name is long enough to be truncated here').to.be.greaterThan(link.clientWidth);
            const start = startVisible(link);
            expect(start.ok, `${dir} ${width}px: ${start.detail}`).to.be.true;
          }
          expect($(el, 'tbody tr[part~="row"] .col-name .open').title).to.equal(LATIN);
        } finally {
          box.remove();
        }
      });
    }
  }
});
