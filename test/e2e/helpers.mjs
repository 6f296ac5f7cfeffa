/**
 * Small helpers for e2e flows (test/e2e/flows/*.mjs).
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);
let axeSource;

/** The repository root and the CDN bundle the cdn flow needs (`npm run build`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CDN_BUNDLE = path.join(repoRoot, 'dist/cdn/reseller-elements.js');

/**
 * Opens the portal at `hash` (e.g. '#/customers/12') and waits until it is ready: configuration
 * loaded, the provider holding its token, the kit's elements registered.
 * @param {import('playwright-core').Page} page
 */
export async function openPortal(page, baseUrl, hash = '#/customers') {
  const response = await page.goto(`${baseUrl}/${hash}`);
  await page.locator('html[data-portal-ready]').waitFor({state: 'attached'});
  return response;
}

/** The visible page section of the portal (`section.page` without `hidden`). */
export async function visiblePage(page) {
  return page.locator('section.page:not([hidden])').getAttribute('data-page');
}

/** Waits until `tag` is registered; fails with a message naming the define module otherwise. */
export async function waitForDefined(page, tag, timeout = 5000) {
  try {
    await page.waitForFunction((t) => customElements.get(t) !== undefined, tag, {timeout});
  } catch {
    const name = tag.replace(/^reseller-/, '');
    throw new Error(`<${tag}> is not registered after ${timeout} ms (src/define/${name}.ts, imported by src/define/index.ts?)`);
  }
}

/**
 * Runs axe-core in the page (through the DevTools protocol, so the page's CSP stays enforced for
 * the page itself) and fails on any violation, with a readable list.
 * @param {import('playwright-core').Page} page
 * @param {{include?: string, disableRules?: string[]}} [options]
 */
export async function expectNoAxeViolations(page, options = {}) {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async ({include, disableRules}) => {
    const rules = Object.fromEntries((disableRules ?? []).map((id) => [id, {enabled: false}]));
    const result = await window.axe.run(include ? {include: [include]} : document, {rules, resultTypes: ['violations']});
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, options);
  assert.equal(
    violations.length,
    0,
    `axe violations:\n${violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n')}`,
  );
}

/**
 * Presses Tab (or Shift+Tab with `backward`) until `predicate(arg)` holds in the page, at most
 * `max` times.
 */
export async function tabUntil(page, predicate, arg, {max = 40, backward = false} = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`focus never reached the target after ${max} Tab presses`);
}

/**
 * Headers for the sandbox's control API (`/__sandbox/*`): its admin secret, which run.mjs gives to
 * `npm start` (SANDBOX_ADMIN_SECRET), plus `extra`.
 * @param {Record<string, string>} [extra]
 */
export function controlHeaders(extra = {}) {
  const secret = process.env.SANDBOX_ADMIN_SECRET;
  if (!secret) throw new Error('SANDBOX_ADMIN_SECRET is not set (test/e2e/run.mjs sets it for npm start and the flows)');
  return {'x-sandbox-admin': secret, ...extra};
}

/**
 * A fresh sandbox tenant for a flow (fixed `seed`: the same data every run), asserting it was
 * created. Answers `{tenant_id, name, tokens: {reseller, resellee}}`.
 */
export async function createTenant(baseUrl, body) {
  const created = await fetch(new URL('/__sandbox/tenants', baseUrl), {
    method: 'POST',
    headers: controlHeaders({'content-type': 'application/json'}),
    body: JSON.stringify(body),
  });
  assert.equal(created.status, 201, `POST /__sandbox/tenants answered ${created.status}`);
  return created.json();
}

/**
 * The portal's API as the flows call it to arrange and clean up (same token as the page):
 * `apiCall(method, path, body?)` → `{status, body}` (body null on 204).
 * @param {string} baseUrl
 * @param {{apiBase: string, token: string}} config
 */
export function apiClient(baseUrl, config) {
  return async (method, path, body) => {
    const response = await fetch(new URL(`${config.apiBase}${path}`, baseUrl), {
      method,
      headers: {authorization: `Bearer ${config.token}`, ...(body ? {'content-type': 'application/json'} : {})},
      body: body ? JSON.stringify(body) : undefined,
    });
    return {status: response.status, body: response.status === 204 ? null : await response.json()};
  };
}

export {assert};
