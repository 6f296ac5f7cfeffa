/**
 * The demo partner portal's own code: what a partner writes around the kit. Hash routing, the
 * provider's token (a property, from the server, in memory only), host reactions to the kit's
 * events, and the Settings page (locale, theme, brand colour). The portal's own chrome speaks the
 * chosen locale too (demo/shared/portal-strings.ts), and the page turns right to left for Arabic.
 *
 * The kit is registered as a partner would do it: the chrome's define modules (provider, brand logo)
 * and the shown page's (`reseller-elements/define/customer-table`, …), after the provider has its
 * token (the elements would wait for one anyway); another page's modules when it is first shown,
 * never the whole kit up front (evaluating every element's code would block the main thread of the
 * first page for nothing: Lighthouse's total blocking time, issue 21). Every page's elements wait in
 * a `<template data-page-content>` until the page is first shown and its define modules are
 * registered (so each element's first frame is its loading state, which reserves the loaded size:
 * no layout shift), and then stay (a page keeps its
 * state when the user comes back): opening the Customers page sends the table's request and nothing
 * for the usage, detail or branding pages.
 */

// The kit's event types (reseller-customer-open, …) come from its global event map.
import type {} from '../src/events.js';

import {loadConfig, type DemoConfig} from './shared/config.js';
import {PORTAL_LOCALES, portalText, type PortalKey, type PortalLocale} from './shared/portal-strings.js';
import {localeDirection} from '../src/i18n/bidi.js';

interface Settings {
  locale: PortalLocale;
  theme: 'light' | 'dark';
  brand: string | null;
}

type Page = 'customers' | 'customer' | 'usage' | 'reports' | 'branding' | 'settings' | 'not-found';

interface Route {
  page: Page;
  customerId?: string;
}

const TITLES: Record<Page, PortalKey> = {
  customers: 'customers',
  customer: 'customerDetail',
  usage: 'usage',
  reports: 'reports',
  branding: 'branding',
  settings: 'settings',
  'not-found': 'notFound',
};
const DEFAULT_BRAND = '#1d5fd1';
const SETTINGS_KEY = 'northwind-portal-settings';

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const provider = $<HTMLElement & {token?: string}>('#provider');
let lastCustomerId: string | null = null;
let config: DemoConfig | null = null;

/** The portal's own string in the locale shown (demo/shared/portal-strings.ts). */
const text = (key: PortalKey) => portalText(key, document.documentElement.lang);
const asLocale = (value: unknown): PortalLocale => ((PORTAL_LOCALES as readonly unknown[]).includes(value) ? (value as PortalLocale) : 'en');

// ---------------------------------------------------------------------------------------------
// Routing

function parseRoute(hash: string): Route | null {
  if (hash === '' || hash === '#' || hash === '#/') return null;
  const path = hash.replace(/^#/, '');
  if (path === '/customers' || path === '/customers/') return {page: 'customers'};
  const detail = /^\/customers\/(\d+)$/.exec(path);
  if (detail) return {page: 'customer', customerId: detail[1]};
  if (path === '/usage') return {page: 'usage'};
  if (path === '/reports') return {page: 'reports'};
  if (path === '/branding') return {page: 'branding'};
  if (path === '/settings') return {page: 'settings'};
  return {page: 'not-found'};
}

/** The define modules each page's elements need (the provider and brand logo are in the chrome). */
const PAGE_MODULES: Partial<Record<Page, () => Promise<unknown>>> = {
  customers: () => import('../src/define/customer-table.js'),
  customer: () => import('../src/define/customer-detail.js'),
  usage: () => Promise.all([import('../src/define/usage-dashboard.js'), import('../src/define/transcription-list.js')]),
  reports: () => import('../src/define/report-list.js'),
  branding: () => import('../src/define/brand-editor.js'),
};

/** Puts a page's elements in the document the first time it is shown (translated like the chrome). */
function mount(section: HTMLElement) {
  const template = section.querySelector<HTMLTemplateElement>(':scope > template[data-page-content]');
  if (!template) return;
  const content = document.importNode(template.content, true);
  translateChrome(content);
  template.replaceWith(content);
}

let configured!: () => void;
/** Settles once the configuration (the token) is known: the kit's modules are requested after it. */
const configLoaded = new Promise<void>((resolve) => (configured = resolve));

/**
 * The page's define modules, registered (requested once the token is set). A page's elements are
 * put in the document only then: an element inserted before its tag is defined has no size, and
 * its upgrade to its loading state (which reserves the loaded size) would push everything below
 * it down, a layout shift the user sees.
 */
const pageModules = (page: Page) => configLoaded.then(() => PAGE_MODULES[page]?.());

/** The shown page's elements are in the document (for `data-portal-ready`). */
let pageMounted: Promise<void> = Promise.resolve();

function render(route: Route, moveFocus: boolean) {
  for (const section of document.querySelectorAll<HTMLElement>('.page')) {
    section.hidden = section.dataset.page !== route.page;
    if (!section.hidden) {
      pageMounted = pageModules(route.page)
        .catch((error: unknown) => console.warn(`[portal] the ${route.page} page's elements failed to load`, error))
        .then(() => {
          mount(section);
          setCustomerIds();
        });
    }
  }
  if (route.customerId) {
    lastCustomerId = route.customerId;
    setCustomerIds();
    $('#customer-title-id').textContent = route.customerId;
    $('#customer-crumb').textContent = `${text('customer')} ${route.customerId}`;
  }
  updateCustomerLink();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (link.dataset.nav === route.page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const title = route.page === 'customer' ? `${text('customer')} ${route.customerId}` : text(TITLES[route.page]);
  document.title = `${title} · ${text('portalTitle')}`;
  // After a navigation, put focus on the new page's heading so keyboard and screen-reader users
  // start there (not on the first load: the browser's own start position is right then).
  if (moveFocus) $(`[data-page="${route.page}"] h1`).focus();
}

/** The route's customer on every element that shows one (`[data-customer-id-from-route]`). */
function setCustomerIds() {
  if (!lastCustomerId) return;
  for (const el of document.querySelectorAll('[data-customer-id-from-route]')) el.setAttribute('customer-id', lastCustomerId);
}

function updateCustomerLink() {
  const id = lastCustomerId ?? (config?.sampleCustomerId != null ? String(config.sampleCustomerId) : null);
  $<HTMLAnchorElement>('#nav-customer').href = id ? `#/customers/${id}` : '#/customers';
}

type CustomerDetail = HTMLElement & {customerId?: number; dirty?: boolean; canLeave?: () => Promise<boolean>};
let shownHash = location.hash;

async function onHashChange(moveFocus: boolean) {
  const route = parseRoute(location.hash);
  // The detail keeps unsaved edits while other pages show; opening another customer asks first
  // (the element's canLeave() shows its own dialog), and "Keep editing" puts the URL back.
  const detail = document.querySelector<CustomerDetail>('reseller-customer-detail');
  if (route?.customerId && detail?.dirty && String(detail.customerId) !== route.customerId && !(await detail.canLeave?.())) {
    history.replaceState(null, '', shownHash);
    return;
  }
  shownHash = location.hash;
  if (!route) {
    history.replaceState(null, '', '#/customers');
    render({page: 'customers'}, moveFocus);
    return;
  }
  render(route, moveFocus);
}

// The skip link targets #main: keep it out of the router (the hash is the route).
$<HTMLAnchorElement>('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  $('#main').focus();
});

// ---------------------------------------------------------------------------------------------
// Host reactions to the kit's events

document.addEventListener('reseller-customer-open', (event) => {
  // The table links to its `detail-href` ("#/customers/{id}") by itself; an element without a
  // link leaves navigation to the portal: cancel its default and route to the detail page.
  if (event.detail.href) return;
  event.preventDefault();
  location.hash = `#/customers/${event.detail.id}`;
});
document.addEventListener('reseller-customer-deleted', (event) => {
  if (parseRoute(location.hash)?.customerId === String(event.detail.id)) location.hash = '#/customers';
});
document.addEventListener('reseller-brand-change', (event) => {
  if (event.detail.phase !== 'after') return; // 'before' is about to save (and may be cancelled)
  const colour = event.detail.branding.brand_color;
  if (colour && !loadSettings().brand) applyBrand(colour);
});
document.addEventListener('reseller-request-error', (event) => {
  // A real portal would report this to its monitoring; the element shows its own message.
  console.warn(`[portal] ${event.detail.method} ${event.detail.path} failed: ${event.detail.error.message}`);
});

// ---------------------------------------------------------------------------------------------
// Settings: locale, theme, brand colour (this browser only; never the token)

function loadSettings(): Settings {
  const fallback: Settings = {locale: 'en', theme: 'light', brand: null};
  try {
    const stored = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null') as Partial<Settings> | null;
    return {
      locale: asLocale(stored?.locale),
      theme: stored?.theme === 'dark' ? 'dark' : 'light',
      brand: typeof stored?.brand === 'string' && /^#[0-9a-f]{6}$/i.test(stored.brand) ? stored.brand : null,
    };
  } catch {
    return fallback;
  }
}

function saveSettings(settings: Settings) {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage may be unavailable (private mode, policy): the settings still apply to this page.
  }
}

function applyBrand(colour: string | null) {
  // CSSOM, not a style attribute: allowed under the portal's strict CSP.
  if (colour) document.documentElement.style.setProperty('--reseller-color-brand', colour);
  else document.documentElement.style.removeProperty('--reseller-color-brand');
  const value = colour ?? DEFAULT_BRAND;
  $<HTMLInputElement>('#setting-brand').value = value;
  $('#setting-brand-value').textContent = value;
}

/** The portal's own chrome in the chosen locale (the kit's elements follow the provider's `locale`). */
function translateChrome(root: ParentNode = document) {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = text(el.dataset.i18n as PortalKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    const [attribute, key] = el.dataset.i18nAttr!.split(':');
    el.setAttribute(attribute, text(key as PortalKey));
  }
}

function applySettings(settings: Settings) {
  provider.setAttribute('locale', settings.locale);
  document.documentElement.lang = settings.locale;
  document.documentElement.dir = localeDirection(settings.locale);
  translateChrome();
  const route = parseRoute(location.hash);
  if (route) render(route, false);
  document.documentElement.dataset.theme = settings.theme;
  applyBrand(settings.brand);
  $<HTMLSelectElement>('#setting-locale').value = settings.locale;
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="theme"]')) {
    radio.checked = radio.value === settings.theme;
  }
}

function readForm(): Settings {
  const form = $<HTMLFormElement>('#settings');
  const data = new FormData(form);
  const brand = String(data.get('brand') ?? DEFAULT_BRAND).toLowerCase();
  return {
    locale: asLocale(data.get('locale')),
    theme: data.get('theme') === 'dark' ? 'dark' : 'light',
    brand: brand === DEFAULT_BRAND ? null : brand,
  };
}

function onSettingsChange(message: PortalKey) {
  const settings = readForm();
  applySettings(settings);
  saveSettings(settings);
  $('#settings-status').textContent = text(message);
}

$<HTMLFormElement>('#settings').addEventListener('input', () => onSettingsChange('saved'));
$<HTMLFormElement>('#settings').addEventListener('submit', (event) => event.preventDefault());
$('#setting-brand-reset').addEventListener('click', () => {
  $<HTMLInputElement>('#setting-brand').value = DEFAULT_BRAND;
  onSettingsChange('brandReset');
});

// ---------------------------------------------------------------------------------------------
// Start

applySettings(loadSettings());
void onHashChange(false);
window.addEventListener('hashchange', () => void onHashChange(true));

config = await loadConfig('portal');
configured();
if (config) {
  // The token is a property: never an attribute, a URL or storage.
  provider.token = config.token;
  updateCustomerLink();
  void showAccount(config);
}
// The chrome's define modules and the shown page's (render() above requested the page's already:
// an import is fetched and evaluated once). Other pages load theirs when they are first shown.
await Promise.all([
  import('../src/define/provider.js'),
  import('../src/define/brand-logo.js'),
  PAGE_MODULES[parseRoute(location.hash)?.page ?? 'customers']?.(),
]);
await pageMounted;
// For tests and tools: the portal has its configuration, the chrome's and the shown page's elements are registered and in.
document.documentElement.setAttribute('data-portal-ready', '');

/** The portal's own header shows who is signed in, from the same API the kit uses. */
async function showAccount({apiBase, token}: DemoConfig) {
  const response = await fetch(`${apiBase}/me`, {headers: {authorization: `Bearer ${token}`}});
  if (!response.ok) return;
  const me = (await response.json()) as {organization?: {name?: string}};
  if (!me.organization?.name) return;
  $('#account-organization').textContent = me.organization.name;
  // One line in the header, cut short on a narrow screen: the full text stays in the tooltip.
  $('#account').title = me.organization.name;
  $('#account').hidden = false;
}
