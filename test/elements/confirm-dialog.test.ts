import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {LitElement} from 'lit';
import {ResellerConfirmDialog} from '../../src/elements/confirm-dialog/confirm-dialog.js';
import {defineElement} from '../../src/elements/shared/registration.js';
import {loadLocale} from '../../src/i18n/registry.js';
import {waitFor} from '../helpers/wait.js';

/** A host element like the customer table: a button that asks before deleting (it declares the dialog it renders). */
class ConfirmHost extends LitElement {
  static dependencies = {'reseller-confirm-dialog': ResellerConfirmDialog};
  override render() {
    return html`<button id="delete">Delete Acme</button><reseller-confirm-dialog></reseller-confirm-dialog>`;
  }
  get dialog() {
    return this.shadowRoot!.querySelector('reseller-confirm-dialog')!;
  }
  get button() {
    return this.shadowRoot!.querySelector<HTMLButtonElement>('#delete')!;
  }
}
defineElement('confirm-host', ConfirmHost);
declare global {
  interface HTMLElementTagNameMap {
    'confirm-host': ConfirmHost;
  }
}

const part = (d: ResellerConfirmDialog, name: string) => d.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const focusedIn = (d: ResellerConfirmDialog) => d.shadowRoot!.activeElement as HTMLElement | null;
const isOpen = (d: ResellerConfirmDialog) => d.shadowRoot!.querySelector('dialog')!.open;

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {promise, resolve, reject};
}

describe('<reseller-confirm-dialog>', () => {
  let host: ConfirmHost;
  beforeEach(async () => {
    host = await fixture<ConfirmHost>(html`<confirm-host lang="en"></confirm-host>`);
    host.button.focus();
  });

  it('a question asked right after the previous one closed stays open (the old close event does not cancel it)', async () => {
    const first = host.dialog.confirm({heading: 'First?', message: 'One.', confirmLabel: 'Yes'});
    await host.dialog.updateComplete;
    let firstClosed = false;
    host.dialog.shadowRoot!.querySelector('dialog')!.addEventListener('close', () => (firstClosed = true), {once: true});
    host.dialog.cancel();
    expect(await first).to.be.false;
    // Ask again in the same task: the first close's `close` event has not fired yet.
    const second = host.dialog.confirm({heading: 'Second?', message: 'Two.', confirmLabel: 'Yes'});
    await host.dialog.updateComplete;
    await waitFor(() => firstClosed, "the first question's queued close event fires");
    await host.dialog.updateComplete;
    expect(isOpen(host.dialog), 'the second question is still open').to.be.true;
    expect(part(host.dialog, 'heading')!.textContent).to.equal('Second?');
    part(host.dialog, 'confirm-button')!.click();
    expect(await second).to.be.true;
  });

  it('asks, resolves true on confirm, and returns focus to the opener', async () => {
    const answer = host.dialog.confirm({heading: 'Publish report?', message: 'Everyone will see it.', confirmLabel: 'Publish'});
    await host.dialog.updateComplete;
    expect(isOpen(host.dialog)).to.be.true;
    expect(part(host.dialog, 'heading')!.textContent).to.equal('Publish report?');
    expect(part(host.dialog, 'message')!.textContent).to.equal('Everyone will see it.');
    expect(focusedIn(host.dialog)?.textContent?.trim(), 'starts on the confirm button').to.equal('Publish');
    await sendKeys({press: 'Enter'});
    expect(await answer).to.be.true;
    expect(isOpen(host.dialog)).to.be.false;
    expect(host.shadowRoot!.activeElement).to.equal(host.button);
  });

  it('Escape cancels and returns focus', async () => {
    const answer = host.dialog.confirm({heading: 'Sure?'});
    await host.dialog.updateComplete;
    await sendKeys({press: 'Escape'});
    expect(await answer).to.be.false;
    expect(isOpen(host.dialog)).to.be.false;
    expect(host.shadowRoot!.activeElement).to.equal(host.button);
  });

  it('danger: red confirm button, focus starts on Cancel, Enter there cancels', async () => {
    const answer = host.dialog.confirm({heading: 'Delete Acme?', message: 'This is permanent.', confirmLabel: 'Delete customer', danger: true});
    await host.dialog.updateComplete;
    expect(part(host.dialog, 'confirm-button')!.classList.contains('danger')).to.be.true;
    expect(focusedIn(host.dialog)?.textContent?.trim()).to.equal('Cancel');
    await sendKeys({press: 'Enter'});
    expect(await answer).to.be.false;
  });

  it('runs the action busy, closes and resolves true when it succeeds', async () => {
    const job = deferred();
    let signal: AbortSignal | undefined;
    const answer = host.dialog.confirm({
      heading: 'Delete Acme?',
      confirmLabel: 'Delete',
      action: (s) => {
        signal = s;
        return job.promise;
      },
    });
    await host.dialog.updateComplete;
    await sendKeys({press: 'Enter'});
    await host.dialog.updateComplete;
    expect(part(host.dialog, 'confirm-button')!.getAttribute('aria-busy')).to.equal('true');
    expect(host.dialog.busy).to.be.true;
    expect(signal?.aborted).to.be.false;
    await sendKeys({press: 'Escape'});
    expect(isOpen(host.dialog), 'Escape does not close while busy').to.be.true;
    job.resolve();
    expect(await answer).to.be.true;
    expect(isOpen(host.dialog)).to.be.false;
    expect(host.shadowRoot!.activeElement).to.equal(host.button);
  });

  it('shows the error inside the dialog when the action fails, and lets the operator retry', async () => {
    let attempts = 0;
    const answer = host.dialog.confirm({
      heading: 'Delete Acme?',
      confirmLabel: 'Delete',
      danger: true,
      action: async () => {
        attempts++;
        if (attempts === 1) throw Object.assign(new Error('x'), {kind: 'network'});
      },
    });
    await host.dialog.updateComplete;
    part(host.dialog, 'confirm-button')!.click();
    await new Promise((r) => setTimeout(r));
    await host.dialog.updateComplete;
    const error = part(host.dialog, 'error');
    expect(error?.getAttribute('role')).to.equal('alert');
    expect(error?.textContent).to.equal('Could not reach the server. Check your connection and try again.');
    expect(isOpen(host.dialog), 'stays open').to.be.true;
    expect(part(host.dialog, 'confirm-button')!.getAttribute('aria-busy')).to.equal('false');
    await expect(host.dialog.shadowRoot!.querySelector('dialog')).to.be.accessible();
    expect(focusedIn(host.dialog)?.textContent?.trim()).to.equal('Delete');
    await sendKeys({press: 'Enter'});
    expect(await answer).to.be.true;
    expect(attempts).to.equal(2);
  });

  it('uses a custom error message when given', async () => {
    const answer = host.dialog.confirm({
      heading: 'Revoke?',
      action: () => Promise.reject(new Error('boom')),
      errorMessage: (e) => `Revoke failed: ${(e as Error).message}`,
    });
    await host.dialog.updateComplete;
    part(host.dialog, 'confirm-button')!.click();
    await new Promise((r) => setTimeout(r));
    await host.dialog.updateComplete;
    expect(part(host.dialog, 'error')?.textContent).to.equal('Revoke failed: boom');
    part(host.dialog, 'cancel-button')!.click();
    expect(await answer).to.be.false;
  });

  it('speaks the host language by default', async () => {
    await loadLocale('nl');
    host.setAttribute('lang', 'nl');
    const answer = host.dialog.confirm({heading: 'Zeker weten?'});
    await host.dialog.updateComplete;
    expect(part(host.dialog, 'cancel-button')!.textContent!.trim()).to.equal('Annuleren');
    expect(part(host.dialog, 'confirm-button')!.textContent!.trim()).to.equal('Bevestigen');
    host.dialog.cancel();
    expect(await answer).to.be.false;
  });

  it('is an accessible modal alert dialog', async () => {
    const answer = host.dialog.confirm({heading: 'Delete Acme?', message: 'This is permanent.', danger: true});
    await host.dialog.updateComplete;
    const dialog = host.dialog.shadowRoot!.querySelector('dialog')!;
    expect(dialog.matches(':modal')).to.be.true;
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    await expect(dialog).to.be.accessible();
    host.dialog.cancel();
    await answer;
  });

  it('a second confirm() cancels the first', async () => {
    const first = host.dialog.confirm({heading: 'One?'});
    await host.dialog.updateComplete;
    const second = host.dialog.confirm({heading: 'Two?'});
    expect(await first).to.be.false;
    await host.dialog.updateComplete;
    expect(part(host.dialog, 'heading')!.textContent).to.equal('Two?');
    host.dialog.cancel();
    expect(await second).to.be.false;
  });
});
