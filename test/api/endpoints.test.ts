/**
 * Every ResellerClient method once against the sandbox: the paths, bodies and response schemas of
 * the client and the reference server agree (a mismatch would be a SchemaError or a 404 here).
 */
import {expect} from '@open-wc/testing';
import {ResellerClient} from '../../src/api/client.js';
import {NotFoundError} from '../../src/api/errors.js';
import {type Tenant, createTenant, requests} from '../helpers/sandbox.js';

let tenant: Tenant;
let c: ResellerClient;
let customerId: number;

before(async () => {
  tenant = await createTenant({customers: 5, seed: 11});
  c = new ResellerClient({token: tenant.token});
  customerId = (await c.listCustomers()).data[0]!.id;
});

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#123456"/></svg>';

describe('ResellerClient: every endpoint against the sandbox', () => {
  it('me and plans', async () => {
    const me = await c.getMe();
    expect(me.role).to.equal('RESELLER');
    const plans = await c.getPlans();
    expect(plans.map((p) => p.id)).to.deep.equal(['bronze', 'silver', 'gold', 'enterprise']);
  });

  it('customer usage, aggregate usage and the CSV export', async () => {
    const usage = await c.getCustomerUsage(customerId, {from: '2025-01-01', to: '2025-01-31'});
    expect(usage.customer_id).to.equal(customerId);
    expect(usage.daily).to.have.length(31);
    const all = await c.getUsage({from: '2025-01-01', to: '2025-01-07'});
    expect(all.daily).to.have.length(7);
    expect(all.totals.customers).to.equal(5);
    const csv = await c.exportUsage({from: '2025-01-01', to: '2025-01-07', granularity: 'week', customer_id: customerId});
    expect(csv).to.be.instanceOf(Blob);
    expect((await csv.text()).split('\n')[0]).to.match(/date|period|week/i);
  });

  it('subscription read and change', async () => {
    const sub = await c.getSubscription(customerId);
    expect(sub.customer_id).to.equal(customerId);
    const changed = await c.updateSubscription(customerId, {plan: 'enterprise', quota_minutes: 12_345});
    expect(changed.plan).to.equal('enterprise');
    expect(changed.quota_minutes).to.equal(12_345);
    expect((await c.getCustomer(customerId)).plan).to.equal('enterprise');
  });

  it('tokens: create (secret once), list, revoke', async () => {
    const created = await c.createToken({customer_id: customerId, name: 'CI token', permissions: ['usage:read']});
    expect(created.secret).to.be.a('string').and.not.empty;
    expect((await c.listTokens(customerId)).map((t) => t.id)).to.include(created.id);
    await c.revokeToken(created.id);
    expect((await c.listTokens(customerId)).map((t) => t.id)).not.to.include(created.id);
    const [post] = (await requests(tenant.token)).filter((r) => r.method === 'POST' && r.path === '/tokens');
    expect(post!.idempotency_key).to.be.a('string');
  });

  it('users: invite, change status, remove', async () => {
    const invited = await c.inviteUser(customerId, {name: 'Ines Invite', email: `ines-${Date.now()}@example.com`});
    expect(invited.status).to.equal('invited');
    expect((await c.listUsers(customerId)).map((u) => u.id)).to.include(invited.id);
    const updated = await c.updateUser(customerId, invited.id, {status: 'inactive'});
    expect(updated.status).to.equal('inactive');
    await c.removeUser(customerId, invited.id);
    expect((await c.listUsers(customerId)).map((u) => u.id)).not.to.include(invited.id);
  });

  it('transcripts, documents and a document download', async () => {
    const transcripts = await c.listTranscripts({per_page: 25, customer_id: customerId});
    expect(transcripts.data.every((t) => t.customer_id === customerId)).to.equal(true);
    const documents = await c.listDocuments({per_page: 25});
    expect(documents.total).to.be.greaterThan(0);
    const doc = documents.data[0]!;
    const blob = await c.downloadDocument(doc);
    expect(blob.size).to.be.greaterThan(0);
  });

  it('branding: colour, logo upload (SVG) and delete', async () => {
    await c.getBranding();
    expect((await c.updateBranding({brand_color: '#0a7d5e'})).brand_color).to.equal('#0a7d5e');
    const withLogo = await c.uploadLogo(new Blob([SVG], {type: 'image/svg+xml'}));
    expect(withLogo.logo_content_type).to.equal('image/svg+xml');
    expect(withLogo.logo_url).to.be.a('string');
    expect((await c.getBranding()).logo_url).to.equal(withLogo.logo_url);
    expect((await c.deleteLogo()).logo_url).to.equal(null);
  });

  it('customer delete (then 404)', async () => {
    const doomed = await c.createCustomer({name: 'To Delete', email: `delete-${Date.now()}@example.com`});
    await c.deleteCustomer(doomed.id);
    let error: unknown;
    await c.getCustomer(doomed.id).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(NotFoundError);
  });
});
