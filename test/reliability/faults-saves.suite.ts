/**
 * Fault matrix, saves: customer form (create), customer detail (save), subscription panel (change
 * plan), token manager (create, revoke), brand editor (save colour, upload logo) × every save fault,
 * 422 with field messages, and 413/415 for the logo upload (faults.helpers.ts). The rows are split
 * over three test files (faults-saves-*.test.ts) to stay within the runner's per-file time limit.
 */
import type {Branding, Customer, CustomerPage, Subscription, Token, TokenCreated} from '../../src/contract/schemas.js';
import {createTenant, type Tenant} from '../helpers/sandbox.js';
import {api} from '../helpers/api.js';
import {waitFor} from '../helpers/wait.js';
import {SAVE_FAULTS, UPLOAD_FAULTS, fault422, saveCell, typeValue, type Fault, type SaveScenario} from './faults.helpers.js';


let tenant: Tenant;
const sr = (el: HTMLElement) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => sr(el).querySelector<T>(selector);
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
let n = 0;
const unique = () => `${Date.now().toString(36)}${++n}`;
const randomHex = () => `#${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0')}`;

interface Ctx {
  [key: string]: unknown;
}

export function defineSaveSuite(suite: string, rows: string[]): void {
describe(`reliability: save faults (${rows.join(', ')})`, () => {
  let customer: Customer;
  before(async () => {
    tenant = await createTenant({customers: 2, seed: 11});
    customer = (await api<CustomerPage>(tenant, 'GET', '/customers')).data[0]!;
  });

  const scenarios = (): [SaveScenario<Ctx>, Fault[]][] => [
    [
      {
        row: 'customer-form (create)',
        tag: 'reseller-customer-form',
        attrs: {inline: ''},
        method: 'POST',
        path: '/customers',
        ready: (el) => !!q(el, '#name'),
        setup: async () => ({created: false}),
        fill: async (el, ctx) => {
          el.addEventListener('reseller-customer-created', () => (ctx.created = true));
          const id = unique();
          await typeValue(q<HTMLInputElement>(el, '#name')!, `Matrix ${id} BV`);
          await typeValue(q<HTMLInputElement>(el, '#email')!, `m${id}@matrix.example`);
        },
        values: (el) => [q<HTMLInputElement>(el, '#name')!.value, q<HTMLInputElement>(el, '#email')!.value],
        submit: async (el) => q<HTMLButtonElement>(el, '[part~="submit"]')!.click(),
        done: async (_el, ctx) => ctx.created === true,
      },
      [...SAVE_FAULTS, fault422({email: 'This email address is already in use'})],
    ],
    [
      {
        row: 'customer-detail (save)',
        tag: 'reseller-customer-detail',
        attrs: {'customer-id': 0},
        method: 'PATCH',
        path: '/customers/*',
        ready: (el) => !!q(el, 'form[part~="form"] #name'),
        setup: async () => ({name: ''}),
        fill: async (el, ctx) => {
          ctx.name = `Renamed ${unique()} BV`;
          await typeValue(q<HTMLInputElement>(el, '#name')!, ctx.name as string);
        },
        values: (el) => [q<HTMLInputElement>(el, '#name')!.value, q<HTMLInputElement>(el, '#email')!.value],
        submit: async (el) => {
          // After a 412 the operator chooses "Save anyway" in the conflict alert.
          const overwrite = q<HTMLButtonElement>(el, '[part~="conflict-overwrite"]');
          (overwrite ?? q<HTMLButtonElement>(el, '[part~="update"]')!).click();
        },
        done: async (_el, ctx) => (await api<Customer>(tenant, 'GET', `/customers/${customer.id}`)).name === ctx.name,
      },
      [...SAVE_FAULTS, fault422({name: 'This name is not allowed'})],
    ],
    [
      {
        row: 'subscription-panel (change plan)',
        tag: 'reseller-subscription-panel',
        attrs: {'customer-id': 0},
        method: 'PUT',
        path: '/customers/*/subscription',
        ready: (el) => !!q(el, '[part~="plan-select"]'),
        setup: async () => {
          const current = (await api<Subscription>(tenant, 'GET', `/customers/${customer.id}/subscription`)).plan;
          return {plan: current === 'silver' ? 'gold' : 'silver'};
        },
        fill: async (el, ctx) => typeValue(q<HTMLSelectElement>(el, '[part~="plan-select"]')!, ctx.plan as string),
        values: (el) => [q<HTMLSelectElement>(el, '[part~="plan-select"]')!.value],
        submit: async (el) => {
          q<HTMLButtonElement>(el, '[part~="change-button"]')!.click();
          const dialog = q(el, 'reseller-confirm-dialog')!;
          await waitFor(() => dialog.shadowRoot!.querySelector('dialog')?.open, 'the plan change confirmation opens');
          dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
        },
        done: async (_el, ctx) => (await api<Subscription>(tenant, 'GET', `/customers/${customer.id}/subscription`)).plan === ctx.plan,
      },
      [...SAVE_FAULTS, fault422({plan: 'This plan is not available'})],
    ],
    [
      {
        row: 'token-manager (create)',
        tag: 'reseller-token-manager',
        attrs: {'customer-id': 0},
        method: 'POST',
        path: '/tokens',
        ready: (el) => !!q(el, '[part~="generate-button"]') && !q(el, '[part~="loading"]'),
        setup: async () => ({name: ''}),
        fill: async (el, ctx) => {
          q<HTMLButtonElement>(el, '[part~="generate-button"]')!.click();
          await waitFor(() => q<HTMLDialogElement>(el, 'dialog.generate')?.open, 'the generate dialog opens');
          ctx.name = `Matrix ${unique()}`;
          await typeValue(q<HTMLInputElement>(el, '#token-name')!, ctx.name as string);
          const box = q<HTMLInputElement>(el, 'input[name="permissions"][value="usage:read"]')!;
          if (!box.checked) box.click();
        },
        values: (el) => [
          q<HTMLInputElement>(el, '#token-name')!.value,
          [...sr(el).querySelectorAll<HTMLInputElement>('input[name="permissions"]')].filter((i) => i.checked).map((i) => i.value).join(','),
          q<HTMLSelectElement>(el, '#token-expiry')!.value,
        ],
        submit: async (el) => q<HTMLButtonElement>(el, '[part~="submit-button"]')!.click(),
        done: async (el, ctx) =>
          !!q(el, '[part~="secret"]') && (await api<{data: Token[]}>(tenant, 'GET', `/customers/${customer.id}/tokens`)).data.some((t) => t.name === ctx.name),
      },
      [...SAVE_FAULTS, fault422({name: 'This name is already taken'})],
    ],
    [
      {
        row: 'token-manager (revoke)',
        tag: 'reseller-token-manager',
        attrs: {'customer-id': 0},
        method: 'DELETE',
        path: '/tokens/*',
        ready: (el) => !!q(el, '[part~="revoke-button"]'),
        setup: async () => {
          const token = await api<TokenCreated>(tenant, 'POST', '/tokens', {customer_id: customer.id, name: `Revoke me ${unique()}`, permissions: ['usage:read']});
          return {id: token.id};
        },
        fill: async (el, ctx) => {
          await waitFor(() => q(el, `tbody tr[data-id="${String(ctx.id)}"]`), `the row of token ${String(ctx.id)} shows`, {
            observe: () => [...sr(el).querySelectorAll<HTMLElement>('tbody tr[part~="row"]')].map((r) => r.dataset.id),
          });
        },
        values: (el) => [...sr(el).querySelectorAll<HTMLElement>('tbody tr[part~="row"]')].map((r) => r.dataset.id ?? ''),
        submit: async (el, ctx) => {
          const dialog = q(el, 'reseller-confirm-dialog')!;
          if (!dialog.shadowRoot!.querySelector('dialog')?.open) {
            q<HTMLButtonElement>(el, `tbody tr[data-id="${String(ctx.id)}"] [part~="revoke-button"]`)!.click();
            await waitFor(() => dialog.shadowRoot!.querySelector('dialog')?.open, 'the revoke confirmation opens');
          }
          dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
        },
        done: async (el, ctx) =>
          !q(el, `tbody tr[data-id="${String(ctx.id)}"]`) &&
          !(await api<{data: Token[]}>(tenant, 'GET', `/customers/${customer.id}/tokens`)).data.some((t) => t.id === ctx.id),
      },
      // A DELETE reads no body: malformed JSON / schema-invalid on its 200 are not applicable.
      SAVE_FAULTS.filter((f) => f.column !== 'malformed JSON' && f.column !== 'schema-invalid'),
    ],
    [
      {
        row: 'brand-editor (save colour)',
        tag: 'reseller-brand-editor',
        attrs: {'apply-to': '.matrix-host'},
        method: 'PATCH',
        path: '/branding',
        ready: (el) => !!q(el, 'form[part~="form"] #hex'),
        setup: async () => ({color: randomHex()}),
        fill: async (el, ctx) => typeValue(q<HTMLInputElement>(el, '#hex')!, ctx.color as string),
        values: (el) => [q<HTMLInputElement>(el, '#hex')!.value],
        submit: async (el) => q<HTMLButtonElement>(el, '[part~="save-button"]')!.click(),
        done: async (_el, ctx) => (await api<Branding>(tenant, 'GET', '/branding')).brand_color?.toLowerCase() === (ctx.color as string).toLowerCase(),
      },
      [...SAVE_FAULTS, fault422({brand_color: 'Use a colour like #1a73e8'})],
    ],
    [
      {
        row: 'brand-editor (upload logo)',
        tag: 'reseller-brand-editor',
        attrs: {'apply-to': '.matrix-host'},
        method: 'PUT',
        path: '/branding/logo',
        ready: (el) => !!q(el, 'form[part~="form"] .file-input'),
        setup: async () => {
          const current = await api<Branding>(tenant, 'GET', '/branding');
          if (current.logo_url) await api(tenant, 'DELETE', '/branding/logo');
          return {};
        },
        fill: async (el) => {
          const input = q<HTMLInputElement>(el, '.file-input')!;
          const dt = new DataTransfer();
          dt.items.add(new File([PNG], 'matrix-logo.png', {type: 'image/png'}));
          input.files = dt.files;
          input.dispatchEvent(new Event('change', {bubbles: true}));
          await waitFor(() => q(el, '[part~="pending-name"]')?.textContent?.includes('matrix-logo.png'), 'the chosen logo file is named as pending', {
            observe: () => q(el, '[part~="pending-name"], [part~="logo-error"]')?.textContent?.trim(),
          });
        },
        values: (el) => [q(el, '[part~="pending-name"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''],
        submit: async (el) => q<HTMLButtonElement>(el, '[part~="save-button"]')!.click(),
        done: async () => !!(await api<Branding>(tenant, 'GET', '/branding')).logo_url,
      },
      [...SAVE_FAULTS, ...UPLOAD_FAULTS],
    ],
  ];

  for (const [probe, faults] of scenarios()) {
    if (!rows.includes(probe.row)) continue;
    for (const fault of faults) {
      it(`${probe.row} × ${fault.column}`, async () => {
        const scenario = scenarios().find(([x]) => x.row === probe.row)![0];
        scenario.attrs = Object.fromEntries(Object.entries(scenario.attrs).map(([k, v]) => [k, k === 'customer-id' ? customer.id : v]));
        await saveCell(suite, tenant, scenario, fault);
      });
    }
  }
});
}
