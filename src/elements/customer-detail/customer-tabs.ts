/**
 * The five tabs of `<reseller-customer-detail>`: the WAI-ARIA tabs pattern with **manual
 * activation** (arrow keys, Home and End move focus between the tabs; Enter or Space opens the
 * focused tab), because opening a tab loads its code and its data: moving focus across the tabs
 * should not start five downloads. Each tab's element is loaded on first open (`tab-loaders.ts`)
 * and stays rendered (hidden) afterwards, so what an operator typed in a panel survives a switch.
 */
import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {renderError, renderLoading} from '../shared/states.js';
import {TAB_LOADERS, TAB_TAGS, TABS, type TabId, type TabLoaders} from './tab-loaders.js';

/** Where a tab's element is: not asked for yet, loading, registered, not installed, failed. */
export type TabLoadState = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

type Host = ReactiveControllerHost & HTMLElement;

export interface TabsOptions {
  i18n: LocaleController;
  /** The selected tab (the host's reflected `tab` property). */
  selected: () => TabId;
  /** The operator opened a tab (click, Enter, Space). */
  onSelect: (tab: TabId) => void;
  /** Loaders given by the host, over the kit's own. */
  loaders: () => TabLoaders | null | undefined;
}

export class CustomerTabsController implements ReactiveController {
  readonly #host: Host;
  readonly #o: TabsOptions;
  readonly #states = new Map<TabId, TabLoadState>();
  readonly #errors = new Map<TabId, unknown>();
  /** Tabs opened at least once: their panels stay rendered. */
  readonly #opened = new Set<TabId>();

  constructor(host: Host, options: TabsOptions) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Before every render: the selected tab is opened (its code loads the first time). */
  hostUpdate(): void {
    this.open(this.#o.selected());
  }

  /** The load state of a tab's element. */
  state(tab: TabId): TabLoadState {
    return this.#states.get(tab) ?? 'idle';
  }

  /** Opens a tab: loads its element unless it is loaded, loading or registered already. */
  open(tab: TabId): void {
    this.#opened.add(tab);
    const state = this.state(tab);
    if (state === 'idle' || (state === 'missing' && customElements.get(TAB_TAGS[tab]))) void this.#load(tab);
  }

  /** Tries a failed tab again. */
  retry(tab: TabId): void {
    this.#states.set(tab, 'idle');
    this.open(tab);
    this.#host.requestUpdate();
  }

  async #load(tab: TabId): Promise<void> {
    const tag = TAB_TAGS[tab];
    if (customElements.get(tag)) return this.#set(tab, 'ready');
    const own = this.#o.loaders();
    const loader = own && tab in own ? own[tab] : TAB_LOADERS[tab];
    if (!loader) {
      this.#set(tab, 'missing');
      // Registered later (the host loads it, or another element does): show it then.
      void customElements.whenDefined(tag).then(() => this.#set(tab, 'ready'));
      return;
    }
    this.#set(tab, 'loading');
    try {
      await loader();
      if (!customElements.get(tag)) throw new Error(`the loader of the ${tab} tab did not register <${tag}>`);
      this.#set(tab, 'ready');
    } catch (error) {
      this.#errors.set(tab, error);
      this.#set(tab, 'error');
    }
  }

  #set(tab: TabId, state: TabLoadState): void {
    if (this.#states.get(tab) === state) return;
    this.#states.set(tab, state);
    this.#host.requestUpdate();
  }

  /** The tab list and the panels. `panel(tab)` renders a ready tab's element. */
  render(panel: (tab: TabId) => TemplateResult, fallback: Partial<Record<TabId, () => TemplateResult>>): TemplateResult {
    const t = this.#o.i18n.t.bind(this.#o.i18n);
    const selected = this.#o.selected();
    return html`<div class="tabs" part="tabs">
      <div class="tablist" part="tablist" role="tablist" aria-label=${t('tabs.label')} @keydown=${this.#onKeydown}>
        ${TABS.map((tab) => html`<button type="button" class="tab" part="tab${tab === selected ? ' tab-selected' : ''}" role="tab"
          id="tab-${tab}" data-tab=${tab} aria-selected=${tab === selected ? 'true' : 'false'} aria-controls="panel-${tab}"
          tabindex=${tab === selected ? '0' : '-1'} @click=${() => this.#o.onSelect(tab)}>${t(`tabs.${tab}`)}</button>`)}
      </div>
      ${TABS.map((tab) => html`<div class="tabpanel" part="tabpanel" role="tabpanel" id="panel-${tab}" data-tab=${tab}
        aria-labelledby="tab-${tab}" tabindex="0" ?hidden=${tab !== selected}>
        ${this.#opened.has(tab) ? this.#renderPanel(tab, panel, fallback[tab]) : nothing}
      </div>`)}
    </div>`;
  }

  #renderPanel(tab: TabId, panel: (tab: TabId) => TemplateResult, fallback?: () => TemplateResult) {
    const t = this.#o.i18n.t.bind(this.#o.i18n);
    const name = t(`tabs.${tab}`);
    switch (this.state(tab)) {
      case 'ready':
        return panel(tab);
      case 'error':
        return renderError({
          title: t('tabs.loadError', {tab: name}),
          message: this.#o.i18n.errorMessage(this.#errors.get(tab)),
          retryLabel: t('common.retry'),
          onRetry: () => this.retry(tab),
        });
      case 'missing':
        return fallback ? fallback() : html`<div class="state not-available" part="state not-available">
          <p class="state-title" part="state-title">${t('tabs.notAvailable.heading', {tab: name})}</p>
          <p class="state-message" part="state-message">${t('tabs.notAvailable.message')}</p>
        </div>`;
      default:
        return renderLoading(t('tabs.loading', {tab: name}), {lines: 4});
    }
  }

  /**
   * Arrow keys, Home and End move focus (with wrap-around); Enter and Space click (native buttons).
   * Only the selected tab is in the Tab sequence, so Tab from the list goes to the open panel.
   */
  #onKeydown = (event: KeyboardEvent): void => {
    const tabs = [...this.#host.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const index = tabs.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const rtl = getComputedStyle(this.#host).direction === 'rtl';
    const next = {
      ArrowRight: rtl ? index - 1 : index + 1,
      ArrowLeft: rtl ? index + 1 : index - 1,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    tabs[(next + tabs.length) % tabs.length]!.focus();
  };
}
