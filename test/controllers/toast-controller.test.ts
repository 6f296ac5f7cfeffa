import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys, sendMouse} from '@web/test-runner-commands';
import {LitElement} from 'lit';
import {LocaleController} from '../../src/controllers/locale-controller.js';
import {ToastController} from '../../src/controllers/toast-controller.js';
import {ResellerToastRegion} from '../../src/elements/toast-region/toast-region.js';
import {defineElement} from '../../src/elements/shared/registration.js';
import type {ResellerToastEvent} from '../../src/events.js';
import {loadLocale} from '../../src/i18n/registry.js';
import {settle} from '../helpers/wait.js';
import {deepElementFromPoint} from '../helpers/layout.js';
import {PUBLIC_TOKENS} from '../../src/styles/tokens.js';

/** An element that shows toasts declares the stack, as the kit's elements do. */
class ToastProbe extends LitElement {
  static dependencies = {'reseller-toast-region': ResellerToastRegion};
  readonly i18n = new LocaleController(this);
  readonly toast = new ToastController(this, {i18n: this.i18n});
  override render() {
    return html`<button>Save</button>`;
  }
}
defineElement('toast-probe', ToastProbe);
declare global {
  interface HTMLElementTagNameMap {
    'toast-probe': ToastProbe;
  }
}

/** A Save button that raises a toast when clicked, pinned where the toast stack goes by default. */
class ToastActionProbe extends LitElement {
  readonly i18n = new LocaleController(this);
  readonly toast = new ToastController(this, {i18n: this.i18n});
  clicks = 0;
  override render() {
    return html`<button @click=${() => this.toast.show(`Saved ${++this.clicks}`, 'success')}>Save changes to this customer</button>`;
  }
}
customElements.define('toast-action-probe', ToastActionProbe);


const region = () => document.querySelector('reseller-toast-region')!;
const messages = () => [...region().shadowRoot!.querySelectorAll('.message')].map((m) => m.textContent!.trim());

async function center(el: Element) {
  const r = el.getBoundingClientRect();
  return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] as [number, number];
}

describe('ToastController', () => {
  afterEach(async () => {
    region()?.dismiss();
    await region()?.updateComplete;
    await sendMouse({type: 'move', position: [0, 0]});
  });

  it('fires a cancelable reseller-toast event from the host, then shows the toast', async () => {
    const el = await fixture<ToastProbe>(html`<toast-probe></toast-probe>`);
    const fired = oneEvent(document, 'reseller-toast') as Promise<ResellerToastEvent>;
    expect(el.toast.show('Customer Acme created.', 'success')).to.be.true;
    const event = await fired;
    expect(event.detail).to.deep.equal({message: 'Customer Acme created.', kind: 'success'});
    expect(event.composed && event.bubbles && event.cancelable).to.be.true;
    await region().updateComplete;
    expect(messages()).to.deep.equal(['Customer Acme created.']);
    expect(region().matches(':popover-open'), 'in the top layer').to.be.true;
  });

  it('shows nothing when the host prevents the event', async () => {
    const el = await fixture<ToastProbe>(html`<toast-probe></toast-probe>`);
    const onToast = (e: Event) => e.preventDefault();
    document.addEventListener('reseller-toast', onToast);
    try {
      expect(el.toast.show('Mine, not yours', 'info')).to.be.false;
    } finally {
      document.removeEventListener('reseller-toast', onToast);
    }
    await region()?.updateComplete;
    expect(region() ? messages() : []).to.deep.equal([]);
  });

  it('uses one polite status region per document, and an alert region for errors', async () => {
    const a = await fixture<ToastProbe>(html`<toast-probe></toast-probe>`);
    const b = await fixture<ToastProbe>(html`<toast-probe></toast-probe>`);
    a.toast.show('Saved', 'success');
    b.toast.show('Could not delete', 'error');
    await region().updateComplete;
    expect(document.querySelectorAll('reseller-toast-region')).to.have.length(1);
    const root = region().shadowRoot!;
    expect(root.querySelector('[role=status][aria-live=polite]')!.textContent).to.contain('Saved');
    expect(root.querySelector('[role=alert]')!.textContent).to.contain('Could not delete');
    expect(root.querySelector('[role=status]')!.textContent).not.to.contain('Could not delete');
    // Let the fade-in finish: axe measures contrast with the current opacity.
    await Promise.all(root.getAnimations().map((a) => a.finished));
    await expect(region()).to.be.accessible();
  });

  it('dismisses itself, and pauses while hovered', async () => {
    const el = await fixture<ToastProbe>(html`<toast-probe></toast-probe>`);
    const r = ToastController.region() as ResellerToastRegion;
    const saved = {...r.durations};
    r.durations = {success: 300, info: 300, error: 300};
    try {
      el.toast.show('Short-lived', 'info');
      await r.updateComplete;
      expect(messages()).to.deep.equal(['Short-lived']);
      await waitUntil(() => messages().length === 0, 'dismissed itself', {timeout: 2000});
      expect(r.matches(':popover-open'), 'hidden when empty').to.be.false;

      r.durations = {success: 1000, info: 1000, error: 1000};
      el.toast.show('Hover me', 'info');
      await r.updateComplete;
      // A pointer moving onto the toast (two moves: one alone looks like a pointer at rest).
      const [x, y] = await center(r.shadowRoot!.querySelector('.toast')!);
      await sendMouse({type: 'move', position: [x - 4, y]});
      await sendMouse({type: 'move', position: [x, y]});
      await settle(1500, 'the 1 s toast would have dismissed itself by now, had hovering not paused it');
      expect(messages(), 'kept while hovered').to.deep.equal(['Hover me']);
      await sendMouse({type: 'move', position: [0, 0]});
      await waitUntil(() => messages().length === 0, 'dismissed after leaving', {timeout: 4000});
    } finally {
      r.durations = saved;
    }
  });

  it('has a dismiss button, in the host locale', async () => {
    await loadLocale('nl');
    const el = await fixture<ToastProbe>(html`<toast-probe lang="nl"></toast-probe>`);
    el.toast.show('Opgeslagen', 'success');
    await region().updateComplete;
    const button = region().shadowRoot!.querySelector<HTMLButtonElement>('[part~=dismiss-button]')!;
    expect(button.getAttribute('aria-label')).to.equal('Melding sluiten');
    button.focus();
    await sendKeys({press: 'Enter'});
    await region().updateComplete;
    expect(messages()).to.deep.equal([]);
  });

  it('inside a host modal dialog, shows the toast in that dialog, usable and announced', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><dialog><p>Host overlay</p><toast-probe></toast-probe></dialog></div>`);
    const dialog = wrapper.querySelector('dialog')!;
    dialog.showModal();
    try {
      dialog.querySelector('toast-probe')!.toast.show('Above the dialog', 'success');
      const inDialog = dialog.querySelector('reseller-toast-region')!;
      expect(inDialog !== null, 'a stack inside the dialog').to.be.true;
      await inDialog.updateComplete;
      expect(inDialog.matches(':popover-open')).to.be.true;
      const button = inDialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~=dismiss-button]')!;
      await sendMouse({type: 'click', position: await center(button)});
      await inDialog.updateComplete;
      expect(inDialog.toasts, 'the click reached the dismiss button').to.deep.equal([]);
      dialog.querySelector('toast-probe')!.toast.show('Again', 'info');
    } finally {
      const closed = oneEvent(dialog, 'close');
      dialog.close();
      await closed;
    }
    expect(dialog.querySelector('reseller-toast-region') === null, 'removed with the dialog').to.be.true;
  });

  it('copies the raising element’s brand onto the stack', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><toast-probe></toast-probe></div>`);
    wrapper.style.setProperty('--reseller-color-brand', '#8a2be2');
    wrapper.querySelector('toast-probe')!.toast.show('Branded', 'info');
    await region().updateComplete;
    expect(region().style.getPropertyValue('--reseller-color-brand').trim()).to.equal('#8a2be2');
  });

  it('the host moves and narrows the stack through --reseller-toast-offset and --reseller-toast-max-width', async () => {
    const root = document.documentElement.style;
    root.setProperty('--reseller-toast-offset', '40px');
    root.setProperty('--reseller-toast-max-width', '180px');
    try {
      const probe = await fixture<ToastProbe>(html`<toast-probe></toast-probe>`);
      probe.toast.show('A message long enough to wrap inside a narrow toast stack', 'info');
      await region().updateComplete;
      const box = region().getBoundingClientRect();
      // The corner the kit chose (clear of the last press and focus; bottom-end unless that covers them).
      const placement = region().dataset.placement ?? 'bottom-end';
      const block = placement.startsWith('top') ? box.top : innerHeight - box.bottom;
      const inline = placement.endsWith('start') ? box.left : innerWidth - box.right;
      expect(Math.round(block), `offset from the block edge (${placement})`).to.equal(40);
      expect(Math.round(inline), `offset from the inline edge (${placement})`).to.equal(40);
      expect(box.width, 'no wider than the host asked').to.be.at.most(180);
    } finally {
      root.removeProperty('--reseller-toast-offset');
      root.removeProperty('--reseller-toast-max-width');
    }
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`never covers the action just clicked: the same button is clickable again at once (${dir})`, async () => {
      // The button sits in the stack's default corner (bottom, inline end), as a Save at the end of a form can.
      const el = await fixture<ToastActionProbe>(html`<toast-action-probe dir=${dir}></toast-action-probe>`);
      el.style.cssText = `position: fixed; inset-block-end: 8px; inset-inline-end: 8px;`;
      await el.updateComplete;
      const button = el.shadowRoot!.querySelector('button')!;
      const [x, y] = await center(button);
      await sendMouse({type: 'click', position: [x, y]});
      await waitUntil(() => region()?.toasts.length === 1, 'the first toast shows', {timeout: 5000});
      await region().updateComplete;
      expect(deepElementFromPoint(x, y), 'the button is still what a pointer there reaches').to.equal(button);
      expect(getComputedStyle(region()).pointerEvents, 'the stack box takes no pointer').to.equal('none');
      await sendMouse({type: 'click', position: [x, y]});
      await waitUntil(() => region().toasts.length === 2, 'the second click went through', {timeout: 5000});
      await region().updateComplete;
      expect(deepElementFromPoint(x, y)).to.equal(button);
      // Still at the inline end of the reading direction: mirrored under dir="rtl".
      const r = region().getBoundingClientRect();
      if (dir === 'rtl') expect(r.left, 'at the left under rtl').to.be.lessThan(innerWidth / 2);
      else expect(r.right, 'at the right under ltr').to.be.greaterThan(innerWidth / 2);
    });
  }

  it('a toast that appears under a resting pointer still dismisses itself', async () => {
    const el = await fixture<ToastActionProbe>(html`<toast-action-probe></toast-action-probe>`);
    const r = ToastController.region() as ResellerToastRegion;
    const saved = {...r.durations};
    r.durations = {success: 400, info: 400, error: 400};
    try {
      // The pointer rests in the stack's corner; the action comes from the keyboard elsewhere.
      await sendMouse({type: 'move', position: [innerWidth - 60, innerHeight - 30]});
      el.shadowRoot!.querySelector('button')!.focus();
      await sendKeys({press: 'Enter'});
      await waitUntil(() => r.toasts.length === 1, 'the toast shows', {timeout: 5000});
      await r.updateComplete;
      const toast = r.shadowRoot!.querySelector('.toast')!.getBoundingClientRect();
      expect(toast.left < innerWidth - 60 && toast.right > innerWidth - 60 && toast.top < innerHeight - 30 && toast.bottom > innerHeight - 30, 'the toast is under the pointer').to.be.true;
      await waitUntil(() => r.toasts.length === 0, 'dismissed although the pointer rests on it', {timeout: 3000});
    } finally {
      r.durations = saved;
    }
    });

  it('copies every public theme token of the raising element onto the stack', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><toast-probe></toast-probe></div>`);
    PUBLIC_TOKENS.forEach((name, i) => wrapper.style.setProperty(name, `${i + 1}`));
    wrapper.querySelector('toast-probe')!.toast.show('Themed', 'info');
    await region().updateComplete;
    const copied = PUBLIC_TOKENS.map((name) => `${name}: ${region().style.getPropertyValue(name).trim()}`);
    expect(copied).to.deep.equal(PUBLIC_TOKENS.map((name, i) => `${name}: ${i + 1}`));
  });
});
