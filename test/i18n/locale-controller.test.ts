import {expect, fixture, html} from '@open-wc/testing';
import {ContextProvider} from '@lit/context';
import {LitElement} from 'lit';
import {LocaleController} from '../../src/controllers/locale-controller.js';
import {i18nContext, localeContext} from '../../src/i18n/context.js';
import {loadLocale, registerLocale} from '../../src/i18n/registry.js';
import type {I18nOverrides} from '../../src/i18n/overrides.js';
import type {PartialMessages} from '../../src/i18n/registry.js';
import {ar} from '../../src/i18n/ar.js';
import {httpErrorFor} from '../../src/api/errors.js';

/** An element that shows a few strings and formatted values, like a real one would. */
class I18nProbe extends LitElement {
  strings: PartialMessages | undefined;
  readonly i18n = new LocaleController(this, {strings: () => this.strings, timeZone: 'UTC'});
  renders = 0;
  override render() {
    this.renders++;
    return html`<h2>${this.i18n.t('table.newCustomer')}</h2>
      <p class="total">${this.i18n.tn('table.total', this.count)}</p>
      <p class="range">${this.i18n.t('table.paging.range', {from: 1, to: 25, total: 1234})}</p>
      <p class="duration">${this.i18n.duration(80)}</p>`;
  }
  count = 1;
}
customElements.define('i18n-probe', I18nProbe);

/** A stand-in for <reseller-provider>: provides locale and overrides. */
class I18nTestProvider extends LitElement {
  readonly #locale = new ContextProvider(this, {context: localeContext, initialValue: undefined});
  readonly #overrides = new ContextProvider(this, {context: i18nContext, initialValue: undefined});
  set locale(value: string | undefined) {
    this.#locale.setValue(value);
  }
  set overrides(value: I18nOverrides | undefined) {
    this.#overrides.setValue(value);
  }
  override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('i18n-test-provider', I18nTestProvider);

/** A host that puts the probe in its own shadow root (lang must be found across it). */
class I18nShadowHost extends LitElement {
  override render() {
    return html`<i18n-probe></i18n-probe>`;
  }
}
customElements.define('i18n-shadow-host', I18nShadowHost);

declare global {
  interface HTMLElementTagNameMap {
    'i18n-probe': I18nProbe;
    'i18n-test-provider': I18nTestProvider;
    'i18n-shadow-host': I18nShadowHost;
  }
}

const text = (el: I18nProbe, sel: string) => el.shadowRoot!.querySelector(sel)!.textContent!.trim();

describe('LocaleController', () => {
  before(() => loadLocale('nl'));

  it('speaks English by default (when nothing asks for another language)', async () => {
    const el = await fixture<I18nProbe>(html`<div lang="en"><i18n-probe></i18n-probe></div>`).then((d) => d.querySelector('i18n-probe') as I18nProbe);
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('New Customer');
    expect(text(el, '.total')).to.equal('1 customer');
    expect(text(el, '.range')).to.equal('1–25 of 1,234');
    expect(text(el, '.duration')).to.equal('1 h 20 min');
  });

  it('follows the nearest lang attribute, also across shadow roots', async () => {
    const wrapper = await fixture(html`<section lang="nl-NL"><i18n-shadow-host></i18n-shadow-host></section>`);
    const host = wrapper.querySelector('i18n-shadow-host') as I18nShadowHost;
    await host.updateComplete;
    const el = host.shadowRoot!.querySelector('i18n-probe') as I18nProbe;
    await el.updateComplete;
    expect(el.i18n.locale).to.equal('nl-NL');
    expect(el.i18n.messagesLocale).to.equal('nl');
    expect(text(el, 'h2')).to.equal('Nieuwe klant');
    expect(text(el, '.range')).to.equal('1–25 van 1.234');
    expect(text(el, '.duration')).to.equal('1 u 20 min');
  });

  it('re-renders when a lang attribute changes', async () => {
    const wrapper = await fixture(html`<div lang="en"><i18n-probe></i18n-probe></div>`);
    const el = wrapper.querySelector('i18n-probe') as I18nProbe;
    await el.updateComplete;
    wrapper.setAttribute('lang', 'nl');
    await new Promise((r) => setTimeout(r)); // MutationObserver → requestUpdate
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Nieuwe klant');
  });

  it("prefers the provider's locale over lang, and re-renders when it changes", async () => {
    const provider = await fixture<I18nTestProvider>(
      html`<i18n-test-provider lang="en"><i18n-probe></i18n-probe></i18n-test-provider>`,
    );
    const el = provider.querySelector('i18n-probe') as I18nProbe;
    provider.locale = 'nl';
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Nieuwe klant');
    provider.locale = 'en-GB';
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('New Customer');
    provider.locale = undefined; // back to lang
    await el.updateComplete;
    expect(el.i18n.locale).to.equal('en');
  });

  it('lets the host override strings: provider (flat or per locale), then the element', async () => {
    const provider = await fixture<I18nTestProvider>(
      html`<i18n-test-provider lang="en"><i18n-probe></i18n-probe></i18n-test-provider>`,
    );
    const el = provider.querySelector('i18n-probe') as I18nProbe;
    provider.overrides = {'table.newCustomer': 'Add client'};
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Add client');

    provider.overrides = {en: {'table.newCustomer': 'Add account'}, nl: {'table.newCustomer': 'Account toevoegen'}};
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Add account');
    provider.locale = 'nl-BE';
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Account toevoegen');
    expect(text(el, '.total'), 'not overridden: still Dutch').to.equal('1 klant');

    el.strings = {'table.newCustomer': 'Nieuw account'};
    el.requestUpdate();
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Nieuw account');
  });

  it('picks plural forms by the locale rules and formats the count', async () => {
    const el = await fixture<I18nProbe>(html`<i18n-probe lang="nl"></i18n-probe>`);
    el.count = 1234;
    el.requestUpdate();
    await el.updateComplete;
    expect(text(el, '.total')).to.equal('1.234 klanten');
    expect(el.i18n.tn('users.total', 1)).to.equal('1 gebruiker');
  });

  it('loads a registered locale lazily, falls back to English for missing keys, then re-renders', async () => {
    let resolveLoad!: (m: {default: PartialMessages}) => void;
    registerLocale('pt', () => new Promise((r) => (resolveLoad = r)));
    const el = await fixture<I18nProbe>(html`<i18n-probe lang="pt-BR"></i18n-probe>`);
    expect(text(el, 'h2'), 'English until Portuguese arrives').to.equal('New Customer');
    const renders = el.renders;
    resolveLoad({default: {'table.newCustomer': 'Novo cliente'}});
    await el.i18n.ready;
    await el.updateComplete;
    expect(el.renders).to.be.greaterThan(renders);
    expect(text(el, 'h2')).to.equal('Novo cliente');
    expect(text(el, '.total'), 'missing in pt: English').to.equal('1 customer');
    expect(text(el, '.range'), 'but numbers in Brazilian Portuguese').to.equal(
      `1–25 of ${new Intl.NumberFormat('pt-BR').format(1234)}`,
    );
    expect(new Intl.NumberFormat('pt-BR').format(1234)).not.to.equal('1,234');
  });

  it('accepts a plain object bundle', async () => {
    registerLocale('sv', {'table.newCustomer': 'Ny kund'});
    const el = await fixture<I18nProbe>(html`<i18n-probe lang="sv"></i18n-probe>`);
    expect(text(el, 'h2')).to.equal('Ny kund');
  });

  it('speaks the shipped German, French, Spanish and Arabic, with their plural rules and Intl formats', async () => {
    const cases: [string, string, string, string][] = [
      ['de', 'Neuer Kunde', '1.234 Kunden', '1 Std. 20 Min.'],
      ['fr', 'Nouveau client', `${new Intl.NumberFormat('fr').format(1234)} clients`, '1 h 20 min'],
      ['es', 'Nuevo cliente', `${new Intl.NumberFormat('es').format(1234)} clientes`, '1 h 20 min'],
      ['ar', 'عميل جديد', `${new Intl.NumberFormat('ar').format(1234)} عميلًا`, `${new Intl.NumberFormat('ar').format(1)} س ${new Intl.NumberFormat('ar').format(20)} د`],
    ];
    for (const [tag, heading, total, duration] of cases) {
      await loadLocale(tag);
      const el = await fixture<I18nProbe>(html`<i18n-probe lang=${tag}></i18n-probe>`);
      el.count = 1234;
      el.requestUpdate();
      await el.updateComplete;
      expect(text(el, 'h2'), tag).to.equal(heading);
      expect(text(el, '.total'), tag).to.equal(total);
      expect(text(el, '.duration'), tag).to.equal(duration);
    }
  });

  it('picks all six Arabic plural categories, and French/Spanish "many" for millions', async () => {
    await Promise.all([loadLocale('ar'), loadLocale('fr'), loadLocale('es')]);
    const ar = await fixture<I18nProbe>(html`<i18n-probe lang="ar"></i18n-probe>`);
    const n = (v: number) => new Intl.NumberFormat('ar').format(v);
    expect([0, 1, 2, 3, 11, 100].map((c) => ar.i18n.tn('table.total', c))).to.deep.equal([
      'لا يوجد عملاء', 'عميل واحد', 'عميلان', `${n(3)} عملاء`, `${n(11)} عميلًا`, `${n(100)} عميل`,
    ]);
    expect(ar.i18n.dir).to.equal('rtl');
    const fr = await fixture<I18nProbe>(html`<i18n-probe lang="fr"></i18n-probe>`);
    expect(fr.i18n.tn('table.total', 0)).to.equal('0 client');
    expect(fr.i18n.tn('table.total', 1_000_000)).to.equal(`${new Intl.NumberFormat('fr').format(1_000_000)} de clients`);
    expect(fr.i18n.dir).to.equal('ltr');
    const es = await fixture<I18nProbe>(html`<i18n-probe lang="es"></i18n-probe>`);
    expect(es.i18n.tn('users.total', 1_000_000)).to.equal(`${new Intl.NumberFormat('es').format(1_000_000)} de usuarios`);
  });

  it("takes a partner locale's own plural forms (any category) and its dates through Intl", async () => {
    registerLocale('pl', {'table.total.one': '{count} klient', 'table.total.few': '{count} klientów (few)', 'table.total.many': '{count} klientów', 'table.total.other': '{count} klienta'});
    const el = await fixture<I18nProbe>(html`<i18n-probe lang="pl"></i18n-probe>`);
    expect([1, 3, 5, 1.5].map((c) => el.i18n.tn('table.total', c))).to.deep.equal([
      '1 klient', '3 klientów (few)', '5 klientów', `${new Intl.NumberFormat('pl').format(1.5)} klienta`,
    ]);
    expect(el.i18n.date('2025-01-17')).to.equal(new Intl.DateTimeFormat('pl', {dateStyle: 'medium', timeZone: 'UTC'}).format(new Date('2025-01-17T00:00:00Z')));
  });

  it('falls back to English for an unknown locale, and to navigator.language without any lang', async () => {
    const el = await fixture<I18nProbe>(html`<i18n-probe lang="xx"></i18n-probe>`);
    expect(text(el, 'h2')).to.equal('New Customer');
    const html0 = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      const bare = await fixture<I18nProbe>(html`<i18n-probe></i18n-probe>`);
      expect(bare.i18n.locale).to.equal(navigator.languages[0] ?? navigator.language);
    } finally {
      if (html0 !== null) document.documentElement.setAttribute('lang', html0);
    }
  });

  it('maps client errors to messages', async () => {
    const el = await fixture<I18nProbe>(html`<i18n-probe lang="nl"></i18n-probe>`);
    expect(el.i18n.errorMessage({kind: 'network'})).to.equal(
      'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
    );
    expect(el.i18n.errorMessage({kind: 'rate-limit', retryAfterMs: 2500})).to.equal(
      'Te veel verzoeken. Probeer het over 3 seconden opnieuw.',
    );
    expect(el.i18n.errorMessage({kind: 'server', status: 503})).to.contain('tijdelijk niet beschikbaar');
    expect(el.i18n.errorMessage(new Error('x'))).to.equal('Er ging iets mis. Probeer het opnieuw.');
  });

  it('renders server errors from their code, the server message only for a code it does not know', async () => {
    await loadLocale('ar');
    const el = await fixture<I18nProbe>(html`<i18n-probe lang="ar"></i18n-probe>`);
    const http = (code: string, status = 409, extra: {fields?: Record<string, string>; fieldCodes?: Record<string, string>} = {}) =>
      httpErrorFor({method: 'POST', path: '/customers', status, code, message: 'Server words', ...extra});
    expect(el.i18n.errorMessage(http('precondition_failed', 412))).to.equal(ar['error.conflict']);
    expect(el.i18n.serverDetail(http('precondition_failed', 412)), 'no English beside a known code').to.equal('');
    expect(el.i18n.errorMessage(http('quota_frozen'))).to.equal('Server words');
    expect(el.i18n.errorMessage(http('http_409'))).to.equal(ar['error.conflict']);
    const invalid = http('validation_failed', 422, {
      fields: {email: 'This email address is already in use', name: 'Too long', 'metadata.x': 'Custom rule'},
      fieldCodes: {email: 'email_taken', name: 'too_long', 'metadata.x': 'some_new_code'},
    });
    expect(el.i18n.fieldMessages(invalid)).to.deep.equal({
      email: ar['serverField.emailTaken'], name: ar['serverField.tooLong'], 'metadata.x': 'Custom rule',
    });
    expect(el.i18n.fieldMessages(new Error('x'))).to.deep.equal({});
    // The server's words are isolated where they are shown (the client keeps them as sent).
    const hostile = httpErrorFor({method: 'GET', path: '/customers', status: 409, code: 'quota_frozen', message: 'مجمد \u202Eevil',
      fields: {'metadata.x': '\u202Eevil'}});
    expect(hostile.message, 'the error holds the server’s text as sent').to.equal('مجمد \u202Eevil');
    expect(el.i18n.errorMessage(hostile)).to.equal('\u2068مجمد \u202Eevil\u2069');
    expect(el.i18n.fieldMessages(hostile)).to.deep.equal({'metadata.x': '\u2068\u202Eevil\u2069'});
    const detail = httpErrorFor({method: 'GET', path: '/customers', status: 409, code: 'http_409', message: 'مجمد'});
    expect(el.i18n.serverDetail(detail)).to.equal('\u2068مجمد\u2069');
    // Put into a translated sentence, an isolated message is not isolated a second time…
    expect(el.i18n.t('error.withStatus', {status: el.i18n.serverDetail(detail)})).to.include('\u2068مجمد\u2069')
      .and.not.include('\u2068\u2068');
    // …but text that only looks isolated (a PDI inside closes the first isolate) is wrapped again.
    const forged = '\u2068a\u2069\u202Eevil\u2068b\u2069';
    expect(el.i18n.t('error.withStatus', {status: forged})).to.include(`\u2068${forged}\u2069`);
  });
});
