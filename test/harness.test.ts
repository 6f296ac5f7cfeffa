/**
 * Smoke test of the browser test harness itself: TypeScript with experimentalDecorators reaches
 * every engine in a form it runs, @open-wc fixtures and axe work, and the sandbox is mounted on
 * the runner's own origin (so every other browser test can use it).
 */
import {expect, fixture, html} from '@open-wc/testing';
import {LitElement, css} from 'lit';
import {customElement, property} from 'lit/decorators.js';
import {ErrorBody, Me} from '../src/contract/schemas.js';
import {API_BASE, createTenant} from './helpers/sandbox.js';

@customElement('harness-greeting')
class HarnessGreeting extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  /** Who to greet. */
  @property() name = 'world';

  /** Whether the greeting is shouted. */
  @property({type: Boolean, reflect: true}) loud = false;

  override render() {
    const text = `Hello, ${this.name}`;
    return html`<p part="text">${this.loud ? text.toUpperCase() : text}</p>
      <button type="button" @click=${() => (this.loud = !this.loud)}>Shout</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'harness-greeting': HarnessGreeting;
  }
}

describe('test harness', () => {
  it('runs a decorated Lit element: attribute in, reactive update, reflected property out', async () => {
    const el = await fixture<HarnessGreeting>(html`<harness-greeting name="operator"></harness-greeting>`);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Hello, operator');

    el.shadowRoot!.querySelector('button')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('HELLO, OPERATOR');
    expect(el.hasAttribute('loud')).to.be.true;
  });

  it('passes axe', async () => {
    const el = await fixture<HarnessGreeting>(html`<harness-greeting></harness-greeting>`);
    await expect(el).to.be.accessible();
  });

  it('serves the sandbox API on its own origin: unauthenticated /me answers 401 with a contract error', async () => {
    const res = await fetch(`${API_BASE}/me`);
    expect(res.status).to.equal(401);
    const body: unknown = await res.json();
    expect(ErrorBody.safeParse(body).success, JSON.stringify(body)).to.be.true;
  });

  it('serves the sandbox control API: a fresh tenant token reads /me as a reseller', async () => {
    const tenant = await createTenant({customers: 1});
    const res = await fetch(`${API_BASE}/me`, {headers: {authorization: `Bearer ${tenant.token}`}});
    expect(res.status).to.equal(200);
    const me = Me.parse(await res.json());
    expect(me.role).to.equal('RESELLER');
  });
});
