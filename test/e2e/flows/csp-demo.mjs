/**
 * Strict CSP + Trusted Types in the demo portal: `npm start` serves it with the kit's policy
 * (scripts/serve.ts CONTENT_SECURITY_POLICY). Every portal page is loaded fresh with a
 * `securitypolicyviolation` listener installed before any page script, left to settle (nothing in
 * flight, nothing `aria-busy`), and must have raised zero violations. The customer detail page also
 * opens each of its tabs (each loads its element lazily). Records one cell per page in
 * reports/reliability/csp-demo.json (the same checks that fail the flow).
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {assert, openPortal, repoRoot, waitForDefined} from '../helpers.mjs';

const TABS = ['subscription', 'usage', 'tokens', 'users', 'transcriptions'];

/** Before any page script: record every CSP / Trusted Types violation. */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      window.__cspViolations.push(
        `${event.effectiveDirective || event.violatedDirective}${event.blockedURI ? ` blocked ${event.blockedURI}` : ''}` +
          `${event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : ''}${event.sample ? ` "${event.sample.slice(0, 80)}"` : ''}`,
      ),
    true,
  );
}

/** @param {import('playwright-core').Page} page */
async function settle(page) {
  // Nothing in flight, then nothing (shadow roots included) still marked as loading.
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => {
    const busy = [];
    const visit = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.getAttribute('aria-busy') === 'true' || el.getAttribute('data-state') === 'loading') busy.push(el);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return busy.length === 0;
  }, null, {timeout: 15_000});
}

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {sampleCustomerId: number | null}}} ctx */
export default async function cspDemo({page, baseUrl, config}) {
  assert.notEqual(config.sampleCustomerId, null, 'the sandbox has customers');
  const id = String(config.sampleCustomerId);
  const pages = [
    {row: '#/customers', hash: '#/customers', tag: 'reseller-customer-table'},
    {row: '#/customers/{id} (every tab)', hash: `#/customers/${id}`, tag: 'reseller-customer-detail', tabs: true},
    {row: '#/usage', hash: '#/usage', tag: 'reseller-usage-dashboard'},
    {row: '#/branding', hash: '#/branding', tag: 'reseller-brand-editor'},
    {row: '#/settings', hash: '#/settings'},
  ];
  await page.addInitScript(recordViolations);
  const cells = pages.map(({row}) => ({row, column: 'strict CSP + Trusted Types', passed: false, detail: 'not checked: an earlier page failed'}));
  try {
    for (const [i, target] of pages.entries()) {
      cells[i].detail = 'failed before the check';
      await page.goto('about:blank');
      const response = await openPortal(page, baseUrl, target.hash);
      const policy = response?.headers()['content-security-policy'] ?? '';
      assert.match(policy, /require-trusted-types-for 'script'/, `${target.hash} is served under the strict policy`);
      assert.match(policy, /script-src 'self'(;|$)/, `${target.hash}: script-src 'self' only`);
      if (target.tag) await waitForDefined(page, target.tag);
      await page.locator(`section.page:not([hidden])`).waitFor();
      await settle(page);
      if (target.tabs) {
        const detail = page.locator('reseller-customer-detail');
        for (const tab of TABS) {
          await detail.evaluate((el, t) => el.setAttribute('tab', t), tab);
          await detail.locator(`#panel-${tab}`).waitFor({state: 'visible'});
          await settle(page);
        }
      }
      const violations = await page.evaluate(() => window.__cspViolations.splice(0));
      cells[i].passed = violations.length === 0;
      cells[i].detail = violations.length ? `${violations.length} violation(s): ${violations.join('; ').slice(0, 500)}` : 'served under the strict policy; 0 violations';
      assert.deepEqual(violations, [], `${target.hash}: CSP / Trusted Types violations`);
    }
    // The listener is live: a string assigned to innerHTML on the last page is refused and recorded.
    const probe = await page.evaluate(async () => {
      let threw = false;
      try {
        document.createElement('div').innerHTML = '<i>probe</i>';
      } catch {
        threw = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      return {threw, recorded: window.__cspViolations.splice(0)};
    });
    assert.ok(probe.threw, 'Trusted Types refuses a string for innerHTML');
    assert.equal(probe.recorded.length, 1, `the listener records the probe's violation: ${probe.recorded.join('; ')}`);
    assert.match(probe.recorded[0], /require-trusted-types-for/);
  } finally {
    const dir = path.join(repoRoot, 'reports', 'reliability');
    mkdirSync(dir, {recursive: true});
    writeFileSync(
      path.join(dir, 'csp-demo.json'),
      `${JSON.stringify({suite: 'csp-demo', area: 'CSP', generated_at: new Date().toISOString(), cells}, null, 2)}\n`,
    );
  }
}

// The probe's own refusal (the listener counts every other one).
export const allowConsoleErrors = [/^console.error: This document requires 'TrustedHTML' assignment/];
export const timeout = 90_000;
