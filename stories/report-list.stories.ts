import type {Loader, Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {createStoryTenant, setFaults, type SandboxParameters} from './helpers/sandbox.js';

/**
 * `<reseller-report-list>`: the reseller's monthly usage reports (CSV and PDF), Generate now and
 * the report settings. Every story makes its own sandbox tenant (12 seeded customers, a year of
 * usage) and runs the month-end job as on the first of the last three months through the control
 * API, so the list has three complete months; some stories also make the month so far.
 */
interface ReportStoryParameters extends SandboxParameters {
  /** Complete months made by the month-end job (default 3). */
  months?: number;
  /** Also make the report of the month so far (in progress). */
  current?: boolean;
  /** Saved report settings. */
  settings?: {enabled: boolean; recipients: string[]};
}

const API = '/api/v3/reseller';

const reportsLoader: Loader = async ({parameters}) => {
  const options = (parameters.reports ?? {}) as ReportStoryParameters;
  const tenant = await createStoryTenant({customers: 12, role: options.role});
  const headers = {authorization: `Bearer ${tenant.tokens.reseller}`, 'content-type': 'application/json'};
  const now = new Date();
  for (let back = (options.months ?? 3) - 1; back >= 0; back--) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
    await (await fetch('/__sandbox/reports/month-end', {method: 'POST', headers, body: JSON.stringify({date})})).arrayBuffer();
  }
  if (options.current) await (await fetch(`${API}/reports`, {method: 'POST', headers, body: '{}'})).arrayBuffer();
  if (options.settings) await (await fetch(`${API}/reports/settings`, {method: 'PUT', headers, body: JSON.stringify(options.settings)})).arrayBuffer();
  if (options.faults?.length) await setFaults(tenant.tokens.reseller, options.faults);
  return {tenant};
};

const meta: Meta = {
  title: 'Report list',
  component: 'reseller-report-list',
  loaders: [reportsLoader],
  render: () => html`<reseller-report-list></reseller-report-list>`,
  parameters: {
    // The global loader's tenant is replaced by this file's (same key, loaded after it).
    sandbox: {disabled: true} satisfies SandboxParameters,
  },
};
export default meta;

type Story = StoryObj;
const reports = (options: ReportStoryParameters) => ({reports: options});

/** Waits (at most 10 s) for `selector` in the element's shadow root. */
async function part(el: Element, selector: string): Promise<HTMLElement> {
  const deadline = Date.now() + 10_000;
  let node: HTMLElement | null;
  while (!(node = el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${selector}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return node;
}

/** Opens Report settings, types `typed` into the recipients (one field each) and saves. */
async function saveSettings(canvas: HTMLElement, typed: string[]): Promise<void> {
  const el = canvas.querySelector('reseller-report-list')!;
  (await part(el, '[part~="settings-button"]')).click();
  await part(el, 'dialog.settings[open] [part~="add-recipient"]');
  for (const value of typed) {
    (el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-recipient"]'))!.click();
    const input = (await part(el, `#recipient-${el.shadowRoot!.querySelectorAll('[part~="recipient-input"]').length - 1}`)) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  }
  el.shadowRoot!.querySelector<HTMLButtonElement>('dialog.settings [part~="submit-button"]')!.click();
}

/** Three complete months. Report settings: on, no recipients yet; try `ops..team@example.com` for the server's 422 at that address. */
export const Loaded: Story = {};

/** The month so far (In progress) above the complete months; saved recipients. */
export const InProgress: Story = {
  parameters: reports({current: true, settings: {enabled: true, recipients: ['finance@northwind.example', 'ops@northwind.example']}}),
};

/** No reports yet. */
export const Empty: Story = {parameters: reports({months: 0})};

/** The list takes two seconds. */
export const Slow: Story = {parameters: reports({faults: [{method: 'GET', path: '/reports', delay_ms: 2000}]})};

/** The list answers 500: the error with a retry. */
export const LoadError: Story = {tags: ['http-errors'], parameters: reports({faults: [{method: 'GET', path: '/reports', status: 500}]})};

/** A RESELLEE token: "reseller access required". */
export const ResellerAccessRequired: Story = {tags: ['http-errors'], parameters: reports({role: 'resellee'})};

/** Generate now answers 500: the reason beside the button, the list stays. */
export const GenerateFails: Story = {tags: ['http-errors'], parameters: reports({faults: [{method: 'POST', path: '/reports', status: 500}]})};

/** Every download answers 500 (a toast says which file). */
export const DownloadFails: Story = {
  tags: ['http-errors'],
  parameters: reports({faults: [{method: 'GET', path: '/reports/*/csv', status: 500}, {method: 'GET', path: '/reports/*/pdf', status: 500}]}),
};

/** Report settings with two addresses: one twice (the client's check), one only the server refuses (its 422 at that field). */
export const SettingsErrors: Story = {
  play: async ({canvasElement}) => saveSettings(canvasElement, ['finance@northwind.example', 'FINANCE@northwind.example']),
};

/** The server's own 422 at the second address (`recipients.1`). */
export const SettingsServerError: Story = {
  play: async ({canvasElement}) => saveSettings(canvasElement, ['finance@northwind.example', 'ops..team@northwind.example']),
};

/** Saving answers 500: the dialog keeps what was typed and says why. */
export const SettingsSaveFails: Story = {
  tags: ['http-errors'],
  parameters: reports({faults: [{method: 'PUT', path: '/reports/settings', status: 500}]}),
  play: async ({canvasElement}) => saveSettings(canvasElement, ['finance@northwind.example']),
};
