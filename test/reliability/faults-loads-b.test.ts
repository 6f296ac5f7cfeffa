/**
 * Fault matrix, loads (2/2): token manager, user list, transcription list, transcript viewer, brand
 * editor, brand logo, report list × every load fault (faults.helpers.ts).
 */
import type {Customer, CustomerPage, TranscriptPage} from '../../src/contract/schemas.js';
import {API_BASE, createTenant, type Tenant} from '../helpers/sandbox.js';
import {LOAD_FAULTS, has, loadCell, type LoadScenario} from './faults.helpers.js';

const SUITE = 'faults-loads-b';
const ROWS = ['token-manager', 'user-list', 'transcription-list', 'transcript-viewer', 'brand-editor', 'brand-logo', 'report-list'];

describe('reliability: load faults (tokens, users, transcriptions, branding, reports)', () => {
  let tenant: Tenant;
  let customer: Customer;
  let transcriptId = 0;
  before(async () => {
    tenant = await createTenant({customers: 3, seed: 9});
    const page = (await (await fetch(`${API_BASE}/customers`, {headers: {authorization: `Bearer ${tenant.token}`}})).json()) as CustomerPage;
    customer = page.data[0]!;
    const done = (await (await fetch(`${API_BASE}/transcripts?status=done&per_page=25`, {headers: {authorization: `Bearer ${tenant.token}`}})).json()) as TranscriptPage;
    transcriptId = done.data[0]!.id;
    // A saved logo, so the brand logo's loaded state (the image) differs from its fallback (the name).
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    const logo = await fetch(`${API_BASE}/branding/logo`, {method: 'PUT', headers: {authorization: `Bearer ${tenant.token}`, 'content-type': 'image/png'}, body: png});
    if (!logo.ok) throw new Error(`logo upload answered ${logo.status}`);
  });

  const listed = has('tbody tr[part~="row"], [part~="state"][part~="empty"]');
  const scenarios = (): LoadScenario[] => [
    {row: 'token-manager (load)', tag: 'reseller-token-manager', attrs: {'customer-id': customer.id}, path: `/customers/${customer.id}/tokens`, loaded: listed},
    {row: 'user-list (load)', tag: 'reseller-user-list', attrs: {'customer-id': customer.id}, path: `/customers/${customer.id}/users`, loaded: listed},
    {row: 'transcription-list (load)', tag: 'reseller-transcription-list', attrs: {}, path: '/transcripts', loaded: listed},
    {row: 'transcript-viewer (load)', tag: 'reseller-transcript-viewer', attrs: {'transcription-id': transcriptId}, path: `/transcripts/${transcriptId}/content`, loaded: has('[part~="segments"]'), notFound: has('[part~="state"][part~="not-found"]')},
    {row: 'brand-editor (load)', tag: 'reseller-brand-editor', attrs: {'apply-to': '.matrix-host'}, path: '/branding', loaded: has('form[part~="form"]')},
    {
      row: 'brand-logo (load)',
      tag: 'reseller-brand-logo',
      attrs: {},
      path: '/branding',
      // Navigation chrome: a failed branding load shows the organization's name (the slot's default).
      loaded: (el) => el.dataset.state === 'logo' && !!el.shadowRoot?.querySelector('img[part~="image"]'),
      degraded: (el) => el.dataset.state === 'name' && !!el.shadowRoot?.querySelector('[part~="name"]')?.textContent?.trim(),
      reload: (el) => void (el as HTMLElement & {reload: () => Promise<unknown>}).reload(),
    },
    {row: 'report-list (load)', tag: 'reseller-report-list', attrs: {}, path: '/reports', loaded: listed},
  ];

  ROWS.forEach((name, index) => {
    for (const fault of LOAD_FAULTS) {
      it(`${name} × ${fault.column}`, async () => {
        await loadCell(SUITE, tenant, scenarios()[index]!, fault);
      });
    }
  });
});
