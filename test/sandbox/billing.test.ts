/**
 * Plan prices (`GET /plans`) and a customer's billing (`GET /customers/{id}/billing`): the current
 * period's amount so far and one line per past period, computed from the same usage the Usage tab
 * shows, so every figure agrees with `GET /customers/{id}/usage` by construction.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Billing, CustomerUsage, PlanList, SandboxErrorBody, Subscription} from '../../src/contract/schemas.js';
import {PLANS} from '../../src/contract/constants.js';
import {call, tenant} from './helpers.js';

const cents = (n: number) => Math.round(n * 100) / 100;

void test('GET /plans answers each plan\'s currency, monthly price, included minutes and overage rate (Enterprise by contract)', async () => {
  const t = await tenant({customers: 0});
  const plans = PlanList.parse((await call(t.token, 'GET', '/plans')).body).data;
  assert.deepEqual(plans, PLANS.map((p) => ({...p})));
  for (const p of plans.filter((x) => x.id !== 'enterprise')) {
    assert.equal(p.currency, 'EUR');
    assert.ok(p.monthly_price! > 0 && p.overage_per_minute! > 0 && p.monthly_minutes! > 0, p.id);
  }
  const enterprise = plans.find((p) => p.id === 'enterprise')!;
  assert.equal(enterprise.monthly_price, null);
  assert.equal(enterprise.overage_per_minute, null);
});

void test('billing: the current period and every past period agree with the usage endpoint, amounts = price + overage', async () => {
  const t = await tenant({customers: 8});
  const customers = (await call(t.token, 'GET', '/customers?per_page=100&sort=id')).body.data as {id: number; plan: string; created_at: string}[];
  let checkedOverage = false;
  let checkedLines = 0;
  for (const c of customers) {
    const res = await call(t.token, 'GET', `/customers/${c.id}/billing`);
    assert.equal(res.status, 200, res.text);
    const billing = Billing.parse(res.body);
    const plan = PLANS.find((p) => p.id === c.plan)!;
    const sub = Subscription.parse((await call(t.token, 'GET', `/customers/${c.id}/subscription`)).body);
    assert.deepEqual(billing.current.period, sub.billing_period);
    assert.equal(billing.current.minutes, sub.transcription_minutes, 'the current period: the minutes the Subscription and Usage tabs show');
    assert.equal(billing.current.status, 'open');
    assert.equal(billing.currency, 'EUR');
    const amount = (minutes: number) => (plan.monthly_price === null ? null : cents(plan.monthly_price + Math.max(0, minutes - plan.monthly_minutes!) * plan.overage_per_minute!));
    assert.equal(billing.current.amount, amount(billing.current.minutes));
    // Past periods: newest first, whole calendar months, at most 12, none before the customer registered.
    assert.ok(billing.history.length <= 12);
    let previousStart = billing.current.period.start;
    for (const [i, line] of billing.history.entries()) {
      assert.ok(line.period.end < previousStart, `${line.period.start} before ${previousStart}`);
      previousStart = line.period.start;
      assert.ok(line.period.end >= c.created_at.slice(0, 10), 'no period before registration');
      assert.equal(line.status, i === 0 ? 'invoiced' : 'paid');
      assert.equal(line.plan, c.plan);
      const usage = CustomerUsage.parse((await call(t.token, 'GET', `/customers/${c.id}/usage?from=${line.period.start}&to=${line.period.end}`)).body);
      const summed = Math.round(usage.daily.reduce((s, d) => s + d.audio_minutes, 0) * 10) / 10;
      assert.equal(line.minutes, summed, `${c.id} ${line.period.start}: billed minutes = the usage endpoint's`);
      assert.equal(line.amount, amount(line.minutes));
      if (plan.monthly_minutes !== null && line.minutes > plan.monthly_minutes) checkedOverage = true;
      checkedLines++;
    }
  }
  assert.ok(checkedLines > 10, `past periods checked (${checkedLines})`);
  // Overage: across a bigger tenant, periods above the included minutes are charged the rate for each minute above.
  const big = await tenant({customers: 40});
  for (const c of (await call(big.token, 'GET', '/customers?per_page=100')).body.data as {id: number; plan: string}[]) {
    const plan = PLANS.find((p) => p.id === c.plan)!;
    if (plan.monthly_price === null) continue;
    const billing = Billing.parse((await call(big.token, 'GET', `/customers/${c.id}/billing`)).body);
    for (const line of [billing.current, ...billing.history]) {
      if (line.minutes <= plan.monthly_minutes) continue;
      assert.equal(line.amount, cents(plan.monthly_price + (line.minutes - plan.monthly_minutes) * plan.overage_per_minute));
      assert.ok(line.amount! > plan.monthly_price);
      checkedOverage = true;
    }
  }
  assert.ok(checkedOverage, 'at least one period above its included minutes (overage charged)');
});

void test('billing of another reseller\'s customer or an unknown id is 404 with the error body; a RESELLEE gets 403', async () => {
  const a = await tenant({customers: 1});
  const b = await tenant({customers: 1});
  const theirs = (await call(b.token, 'GET', '/customers')).body.data[0].id as number;
  for (const [token, path, status] of [[a.token, `/customers/${theirs}/billing`, 404], [a.token, '/customers/2147483647/billing', 404], [a.reselleeToken, `/customers/${theirs}/billing`, 403]] as const) {
    const res = await call(token, 'GET', path);
    assert.equal(res.status, status, `${path}: ${res.text}`);
    SandboxErrorBody.parse(res.body);
  }
});
