/**
 * <reseller-customer-table>: the rows' copy icons. With a pointer that hovers (`(hover: hover)`)
 * they show on the row under the pointer or holding focus; the copy-ID button keeps its ID text and
 * both copy buttons stay in the Tab order; showing an icon moves nothing. Without hover (touch)
 * they always show.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {createTenant, row, rowIds, tableFor} from './customer-table.helpers.js';

const icon = (button: Element) => button.querySelector('svg.icon')!;
const iconShown = (button: Element) => getComputedStyle(icon(button)).display !== 'none' && icon(button).getBoundingClientRect().width > 0;
const box = (e: Element) => {
  const r = e.getBoundingClientRect();
  return {x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height)};
};

describe('<reseller-customer-table> copy icons', () => {
  it("shows a row's copy icons when focus is in the row; Tab from the email reaches its copy button; nothing moves", async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor(tenant);
    const [first, second] = rowIds(el) as [number, number];
    const tr = row(el, second);
    const copyId = tr.querySelector<HTMLButtonElement>('td.col-id button.copy')!;
    const email = tr.querySelector<HTMLElement>('td.col-email .open')!;
    const copyEmail = tr.querySelector<HTMLButtonElement>('td.col-email button.copy')!;
    const otherCopyEmail = row(el, first).querySelector<HTMLButtonElement>('td.col-email button.copy')!;
    const hover = matchMedia('(hover: hover)').matches;
    const before = {copyId: box(copyId), copyEmail: box(copyEmail), email: box(email)};

    // The ID stays readable either way.
    expect(copyId.textContent!.trim()).to.equal(String(second));
    if (hover && !tr.matches(':hover')) {
      expect(iconShown(copyId), 'copy-ID icon hidden without pointer or focus').to.be.false;
      expect(iconShown(copyEmail), 'copy-email icon hidden without pointer or focus').to.be.false;
    } else {
      expect(iconShown(copyId), 'copy-ID icon shown').to.be.true;
      expect(iconShown(copyEmail), 'copy-email icon shown').to.be.true;
    }

    // Focus on the email link (or button) shows the row's icons before Tab reaches the copy button.
    email.focus();
    expect(iconShown(copyEmail)).to.be.true;
    expect(iconShown(copyId)).to.be.true;
    await sendKeys({press: 'Tab'});
    expect(el.shadowRoot!.activeElement).to.equal(copyEmail);
    expect(iconShown(copyEmail)).to.be.true;
    // Nothing moved when the icons showed.
    expect({copyId: box(copyId), copyEmail: box(copyEmail), email: box(email)}).to.deep.equal(before);
    if (hover && !row(el, first).matches(':hover')) expect(iconShown(otherCopyEmail), 'another row keeps its icon hidden').to.be.false;

    // And on to the row's menu button, the copy button's icon still shown (focus is in its row).
    await sendKeys({press: 'Tab'});
    expect(el.shadowRoot!.activeElement).to.equal(tr.querySelector('[part~="menu-button"]'));
    expect(iconShown(copyEmail)).to.be.true;
  });
});
