/**
 * <reseller-provider> and ApiController against the sandbox: consumers get the provider's client
 * and load again when it changes; an element alone uses its own api-base/token; the token never
 * becomes an attribute; failures reach the host as events.
 */
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import {ContextConsumer} from '@lit/context';
import {Task} from '@lit/task';
import {ResellerProvider} from '../../src/elements/provider/provider.js';
import {ApiController, isAccessError, resellerAccess} from '../../src/controllers/api-controller.js';
import {i18nContext, localeContext} from '../../src/context/index.js';
import {ResellerClient} from '../../src/api/client.js';
import {HttpError, NotConfiguredError} from '../../src/api/errors.js';
import {ResellerAuthErrorEvent, ResellerRequestErrorEvent} from '../../src/events.js';
import {type Tenant, createTenant, setFaults} from '../helpers/sandbox.js';

/** A minimal element built the way the kit's elements are: ApiController + a Task on the client. */
class TestApiConsumer extends LitElement {
  @property({attribute: 'api-base'}) apiBase: string | null = null;
  @property({attribute: false}) token: string | null = null;
  @property({attribute: false}) getToken: (() => Promise<string>) | null = null;
  @property() auth: 'token' | 'cookie' | null = null;

  readonly api = new ApiController(this, {retry: false});
  readonly locale = new ContextConsumer(this, {context: localeContext, subscribe: true});
  readonly strings = new ContextConsumer(this, {context: i18nContext, subscribe: true});
  runs = 0;
  readonly me = new Task(this, {
    args: () => [this.api.client] as const,
    task: ([client], {signal}) => {
      this.runs++;
      return client.getMe({signal});
    },
  });

  override render() {
    return this.me.render({
      pending: () => html`<p>Loading</p>`,
      complete: (me) => html`<p>${me.organization.name}</p>`,
      error: (error) => html`<p>${isAccessError(error) ? 'Reseller access required' : error instanceof NotConfiguredError ? 'Not configured' : 'Could not load'}</p>`,
    });
  }
}
customElements.define('test-api-consumer', TestApiConsumer);

declare global {
  interface HTMLElementTagNameMap {
    'test-api-consumer': TestApiConsumer;
  }
}

function defineProvider(): void {
  if (!customElements.get('reseller-provider')) customElements.define('reseller-provider', ResellerProvider);
}

/** Lets the provider and the consumer settle: context pushed, task run, result rendered. */
async function settled(consumer: TestApiConsumer, provider?: ResellerProvider): Promise<string> {
  if (provider) await provider.updateComplete;
  await consumer.updateComplete;
  // A failed task is an outcome some tests expect: the caller asserts the text it rendered.
  await consumer.me.taskComplete.then(
    () => undefined,
    () => undefined,
  );
  await consumer.updateComplete;
  return consumer.shadowRoot!.textContent!.trim();
}

let alpha: Tenant;
let beta: Tenant;

before(async () => {
  [alpha, beta] = await Promise.all([createTenant({customers: 1, name: 'Alpha Reseller'}), createTenant({customers: 1, name: 'Beta Reseller'})]);
});

describe('ApiController with a provider defined late', () => {
  // Runs first, before any test defines <reseller-provider>.
  it('waits for a provider that is in the page but not defined yet, then loads with its client', async () => {
    expect(customElements.get('reseller-provider')).to.equal(undefined);
    const authErrors: Event[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @reseller-auth-error=${(e: Event) => authErrors.push(e)}>
      <reseller-provider .token=${alpha.token}><test-api-consumer></test-api-consumer></reseller-provider>
    </div>`);
    const consumer = wrapper.querySelector('test-api-consumer')!;
    await consumer.updateComplete;
    expect(consumer.api.source).to.equal('pending');
    expect(consumer.shadowRoot!.textContent!.trim()).to.equal('Loading');

    defineProvider();
    const provider = wrapper.querySelector('reseller-provider')!;
    await customElements.whenDefined('reseller-provider');
    expect(await settled(consumer, provider)).to.equal('Alpha Reseller');
    expect(consumer.api.source).to.equal('provider');
    expect(consumer.api.client).to.equal(provider.client);
    expect(authErrors).to.deep.equal([]);
  });
});

describe('<reseller-provider>', () => {
  before(defineProvider);
  afterEach(async () => {
    await Promise.all([setFaults(alpha.token, []), setFaults(beta.token, [])]);
  });

  it('gives its client to the elements inside', async () => {
    const provider = await fixture<ResellerProvider>(html`<reseller-provider .token=${alpha.token}>
      <test-api-consumer></test-api-consumer><test-api-consumer></test-api-consumer>
    </reseller-provider>`);
    const [a, b] = provider.querySelectorAll('test-api-consumer');
    expect(await settled(a!, provider)).to.equal('Alpha Reseller');
    expect(await settled(b!, provider)).to.equal('Alpha Reseller');
    expect(a!.api.source).to.equal('provider');
    expect(a!.api.client).to.equal(provider.client);
    expect(b!.api.client).to.equal(provider.client);
    expect(provider.client.baseUrl).to.equal(`${location.origin}/api/v3/reseller`);
  });

  it('a removed element that updates keeps the provider’s client (no request without the token)', async () => {
    const provider = await fixture<ResellerProvider>(html`<reseller-provider .token=${alpha.token}><test-api-consumer></test-api-consumer></reseller-provider>`);
    const consumer = provider.querySelector('test-api-consumer')!;
    expect(await settled(consumer, provider)).to.equal('Alpha Reseller');
    consumer.remove();
    consumer.requestUpdate(); // e.g. a lazy module resolving after the router removed the element
    await consumer.updateComplete;
    expect(consumer.api.client, 'still the provider’s client').to.equal(provider.client);
    expect(consumer.runs, 'the task did not run again').to.equal(1);
    provider.append(consumer); // moved back in: asks the provider again, same client, no reload
    await settled(consumer, provider);
    expect(consumer.api.source).to.equal('provider');
    expect(consumer.runs).to.equal(1);
  });

  it('builds a new client when the token changes, and the elements load again with it', async () => {
    const provider = await fixture<ResellerProvider>(html`<reseller-provider .token=${alpha.token}><test-api-consumer></test-api-consumer></reseller-provider>`);
    const consumer = provider.querySelector('test-api-consumer')!;
    expect(await settled(consumer, provider)).to.equal('Alpha Reseller');
    const first = provider.client;
    provider.token = beta.token;
    expect(await settled(consumer, provider)).to.equal('Beta Reseller');
    expect(provider.client).not.to.equal(first);
    expect(consumer.api.client).to.equal(provider.client);
    expect(consumer.runs).to.equal(2);
  });

  it('builds a new client when api-base changes', async () => {
    const provider = await fixture<ResellerProvider>(html`<reseller-provider api-base="/api/v3/reseller" .token=${alpha.token}>
      <test-api-consumer></test-api-consumer>
    </reseller-provider>`);
    const consumer = provider.querySelector('test-api-consumer')!;
    expect(await settled(consumer, provider)).to.equal('Alpha Reseller');
    provider.setAttribute('api-base', '/not-the-api/v3');
    expect(await settled(consumer, provider)).to.equal('Could not load');
    expect(consumer.api.client.baseUrl).to.equal(`${location.origin}/not-the-api/v3`);
    provider.apiBase = `${location.origin}/api/v3/reseller`;
    expect(await settled(consumer, provider)).to.equal('Alpha Reseller');
    expect(consumer.runs).to.equal(3);
  });

  it('keeps its client when only the getToken function is replaced, and calls the newest one', async () => {
    const provider = await fixture<ResellerProvider>(html`<reseller-provider .token=${'rsk_expired'} .getToken=${async () => 'rsk_old_fn'}>
      <test-api-consumer></test-api-consumer>
    </reseller-provider>`);
    const consumer = provider.querySelector('test-api-consumer')!;
    const client = provider.client;
    let calls = 0;
    provider.getToken = async () => (calls++, alpha.token);
    await provider.updateComplete;
    expect(provider.client).to.equal(client);
    // The first run may have failed with the old function; a fresh run uses the new one.
    void consumer.me.run();
    expect(await settled(consumer, provider)).to.equal('Alpha Reseller');
    expect(calls).to.be.greaterThan(0);
  });

  it('never writes the token into an attribute or the markup', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <reseller-provider .token=${alpha.token}><test-api-consumer></test-api-consumer></reseller-provider>
      <test-api-consumer .token=${beta.token}></test-api-consumer>
    </div>`);
    const [inside, alone] = wrapper.querySelectorAll('test-api-consumer');
    expect(await settled(inside!)).to.equal('Alpha Reseller');
    expect(await settled(alone!)).to.equal('Beta Reseller');
    expect(wrapper.outerHTML).not.to.contain(alpha.token);
    expect(wrapper.outerHTML).not.to.contain(beta.token);
    for (const el of wrapper.querySelectorAll('*')) {
      for (const name of el.getAttributeNames()) {
        expect(el.getAttribute(name)).not.to.contain(alpha.token.slice(4));
        expect(el.getAttribute(name)).not.to.contain(beta.token.slice(4));
      }
    }
  });

  it('ignores a token attribute (with one warning) instead of using it', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const provider = await fixture<ResellerProvider>(
        html`<reseller-provider token=${alpha.token} credentials-timeout="200"><test-api-consumer></test-api-consumer></reseller-provider>`,
      );
      const consumer = provider.querySelector('test-api-consumer')!;
      // No token: the consumer waits for one and sends nothing, then "not configured".
      expect(await settled(consumer, provider)).to.equal('Not configured');
      expect(provider.client.hasCredentials).to.equal(false);
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((args) => String(args[0]).includes('token is a property only'))).to.equal(true);
    expect(warnings.flat().join(' ')).not.to.contain(alpha.token);
  });

  it('provides the locale and string overrides, and updates them', async () => {
    const strings = {'table.newCustomer': 'Add client'};
    const provider = await fixture<ResellerProvider>(html`<reseller-provider locale="nl" .i18n=${strings} .token=${alpha.token}>
      <test-api-consumer></test-api-consumer>
    </reseller-provider>`);
    const consumer = provider.querySelector('test-api-consumer')!;
    await settled(consumer, provider);
    expect(consumer.locale.value).to.equal('nl');
    expect(consumer.strings.value).to.deep.equal(strings);
    const client = provider.client;
    provider.locale = 'en';
    provider.strings = {nl: {'table.newCustomer': 'Klant toevoegen'}};
    await settled(consumer, provider);
    expect(consumer.locale.value).to.equal('en');
    expect(consumer.strings.value).to.deep.equal({nl: {'table.newCustomer': 'Klant toevoegen'}});
    expect(provider.client).to.equal(client);
  });

  it('sets dir="rtl" for a right-to-left locale, removes it again, and never touches a dir the host wrote', async () => {
    const provider = await fixture<ResellerProvider>(html`<reseller-provider locale="ar" .token=${alpha.token}><p>x</p></reseller-provider>`);
    expect(provider.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(provider.querySelector('p')!).direction, 'the elements inside mirror').to.equal('rtl');
    provider.locale = 'nl';
    await provider.updateComplete;
    expect(provider.hasAttribute('dir')).to.equal(false);
    provider.locale = 'he-IL';
    await provider.updateComplete;
    expect(provider.getAttribute('dir')).to.equal('rtl');

    const own = await fixture<ResellerProvider>(html`<reseller-provider dir="ltr" locale="ar" .token=${alpha.token}></reseller-provider>`);
    expect(own.getAttribute('dir'), "the host's own dir").to.equal('ltr');
    own.locale = 'en';
    await own.updateComplete;
    expect(own.getAttribute('dir')).to.equal('ltr');
  });

  it('dispatches reseller-auth-error from itself when the token is refused', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><reseller-provider .token=${'rsk_not_a_real_token'}></reseller-provider></div>`);
    const provider = wrapper.querySelector('reseller-provider')!;
    const event = oneEvent(wrapper, ResellerAuthErrorEvent.eventName);
    provider.append(document.createElement('test-api-consumer'));
    const received = await event;
    expect(received).to.be.instanceOf(ResellerAuthErrorEvent);
    expect(received.target).to.equal(provider);
    expect((received.detail.error as HttpError).status).to.equal(401);
    expect(await settled(provider.querySelector('test-api-consumer')!, provider)).to.equal('Reseller access required');
  });

  it('dispatches reseller-request-error from itself when a request fails', async () => {
    await setFaults(alpha.token, [{method: 'GET', path: '/me', status: 500}]);
    const wrapper = await fixture<HTMLDivElement>(html`<div><reseller-provider .token=${alpha.token}></reseller-provider></div>`);
    const provider = wrapper.querySelector('reseller-provider')!;
    const event = oneEvent(wrapper, ResellerRequestErrorEvent.eventName);
    provider.append(document.createElement('test-api-consumer'));
    const received = await event;
    expect(received.target).to.equal(provider);
    expect(received.composed).to.equal(true);
    expect(received.detail.method).to.equal('GET');
    expect(received.detail.path).to.equal('/me');
    expect((received.detail.error as HttpError).status).to.equal(500);
    expect(await settled(provider.querySelector('test-api-consumer')!, provider)).to.equal('Could not load');
  });
});

describe('ApiController without a provider', () => {
  before(defineProvider);

  it('uses the element’s own api-base attribute and token property', async () => {
    const el = await fixture<TestApiConsumer>(html`<test-api-consumer api-base="/api/v3/reseller" .token=${alpha.token}></test-api-consumer>`);
    expect(await settled(el)).to.equal('Alpha Reseller');
    expect(el.api.source).to.equal('own');
    el.token = beta.token;
    expect(await settled(el)).to.equal('Beta Reseller');
    el.apiBase = '/not-the-api/v3';
    expect(await settled(el)).to.equal('Could not load');
    expect(el.api.client.baseUrl).to.equal(`${location.origin}/not-the-api/v3`);
  });

  it('prefers its own config over a provider around it', async () => {
    const provider = await fixture<ResellerProvider>(html`<reseller-provider .token=${alpha.token}>
      <test-api-consumer .token=${beta.token}></test-api-consumer>
    </reseller-provider>`);
    const consumer = provider.querySelector('test-api-consumer')!;
    expect(await settled(consumer, provider)).to.equal('Beta Reseller');
    expect(consumer.api.source).to.equal('own');
  });

  it('uses its own getToken, and dispatches failures from itself', async () => {
    const el = await fixture<TestApiConsumer>(html`<test-api-consumer .getToken=${async () => alpha.token}></test-api-consumer>`);
    expect(await settled(el)).to.equal('Alpha Reseller');
    await setFaults(alpha.token, [{method: 'GET', path: '/me', status: 500, times: 1}]);
    const event = oneEvent(el, ResellerRequestErrorEvent.eventName);
    void el.me.run();
    expect((await event).target).to.equal(el);
    expect(await settled(el)).to.equal('Could not load');
  });

  it('with auth="cookie" and no token: the default API base, and "reseller access required" without a session cookie', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const event = oneEvent(wrapper, ResellerAuthErrorEvent.eventName);
    const el = document.createElement('test-api-consumer');
    el.setAttribute('auth', 'cookie');
    wrapper.append(el);
    expect((await event).target).to.equal(el);
    expect(el.api.source).to.equal('own');
    expect(el.api.client.baseUrl).to.equal(`${location.origin}/api/v3/reseller`);
    expect(await settled(el)).to.equal('Reseller access required');
  });
});

describe('role checks', () => {
  it('tells a reseller from a resellee and from no valid token', async () => {
    expect(await resellerAccess(new ResellerClient({token: alpha.token}))).to.equal('granted');
    expect(await resellerAccess(new ResellerClient({token: alpha.reselleeToken}))).to.equal('denied');
    expect(await resellerAccess(new ResellerClient({token: 'rsk_nope'}))).to.equal('unauthenticated');
  });

  it('marks 401 and 403 as access errors, other failures not', async () => {
    const resellee = new ResellerClient({token: alpha.reselleeToken});
    const forbidden = await resellee.listCustomers().catch((e: unknown) => e);
    expect(isAccessError(forbidden)).to.equal(true);
    const unauth = await new ResellerClient({token: 'rsk_nope'}).getMe().catch((e: unknown) => e);
    expect(isAccessError(unauth)).to.equal(true);
    const missing = await new ResellerClient({token: alpha.token}).getCustomer(99_999_999).catch((e: unknown) => e);
    expect(isAccessError(missing)).to.equal(false);
  });

  it('checks through the controller', async () => {
    const el = await fixture<TestApiConsumer>(html`<test-api-consumer .token=${alpha.reselleeToken}></test-api-consumer>`);
    await settled(el);
    expect(await el.api.access()).to.equal('denied');
  });
});
