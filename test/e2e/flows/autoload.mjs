/**
 * The autoloader page (demo/autoload.html): only `dist/cdn/autoloader.js`, under the strict
 * Content-Security-Policy with Trusted Types, with a provider, a customer table and a brand logo.
 * The autoloader must load those three and nothing else: the table lists the tenant's customers,
 * the logo shows its name, and no chunk of an element that is not on the page is requested (the
 * define-module chunks of every other tag, read from the built autoloader's own loader map). A
 * usage chart inserted by the page later gets its chunk then, and renders. Fails on any
 * `securitypolicyviolation` and, through the runner, on any console error.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {assert, createTenant, repoRoot, waitForDefined} from '../helpers.mjs';

const AUTOLOADER = path.join(repoRoot, 'dist/cdn/autoloader.js');
const ON_PAGE = ['reseller-provider', 'reseller-customer-table', 'reseller-brand-logo'];

/** tag -> the chunk its loader imports (`/dist/cdn/chunks/…`), from the built CDN autoloader. */
function loaderChunks() {
  assert.ok(existsSync(AUTOLOADER), `${path.relative(repoRoot, AUTOLOADER)} is missing: run \`npm run build\` first`);
  const source = readFileSync(AUTOLOADER, 'utf8');
  const map = new Map(
    [...source.matchAll(/["'](reseller-[\w-]+)["']\s*:\s*\(\)\s*=>\s*import\(\s*["'`]\.\/(chunks\/[\w.-]+\.js)["'`]\s*\)/g)].map((m) => [m[1], `/dist/cdn/${m[2]}`]),
  );
  assert.ok(map.size >= 12, `the built autoloader maps the kit's tags to chunks (found ${map.size})`);
  return map;
}

/** @param {{page: import('playwright-core').Page, baseUrl: string, config: {apiBase: string}}} ctx */
export default async function autoload({page, baseUrl, config}) {
  const chunks = loaderChunks();
  const used = new Set(ON_PAGE.map((tag) => chunks.get(tag)));
  const unused = [...chunks].filter(([tag, file]) => !ON_PAGE.includes(tag) && !used.has(file));

  const tenant = await createTenant(baseUrl, {customers: 7, name: 'Autoload Reseller', seed: 303});
  await page.route('**/demo-config.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `export const apiBase = ${JSON.stringify(config.apiBase)};\nexport const token = ${JSON.stringify(tenant.tokens.reseller)};\nexport const sampleCustomerId = null;\n`,
    }),
  );
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`), true);
  });
  /** Every script the page fetched (path), in order. */
  const scripts = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });

  const response = await page.goto(`${baseUrl}/autoload.html`);
  assert.equal(response?.status(), 200);
  const policy = response.headers()['content-security-policy'] ?? '';
  for (const directive of ["script-src 'self'", "require-trusted-types-for 'script'", 'trusted-types lit-html']) {
    assert.ok(policy.split(/\s*;\s*/).includes(directive), `the page is served with ${directive} (got: ${policy})`);
  }
  for (const tag of ON_PAGE) await waitForDefined(page, tag, 10_000);

  // The elements work: rows from the tenant, the logo's fallback name.
  const rows = page.locator('reseller-customer-table').locator('tbody tr[part~="row"]');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 7, "the table lists the tenant's 7 customers");
  await page.waitForFunction(() => document.querySelector('reseller-brand-logo')?.getAttribute('data-state') === 'name');

  // Only what the page uses: no chunk of another element, nothing from the single-file bundle.
  for (const chunk of used) assert.ok(scripts.includes(chunk), `${chunk} (a tag on the page) was loaded`);
  const extra = unused.filter(([, file]) => scripts.includes(file)).map(([tag, file]) => `<${tag}>: ${file}`);
  assert.deepEqual(extra, [], 'chunks of elements that are not on the page were requested');
  assert.ok(!scripts.includes('/dist/cdn/reseller-elements.js'), 'the single-file bundle is not loaded');
  for (const tag of ['reseller-usage-dashboard', 'reseller-usage-chart', 'reseller-customer-detail', 'reseller-brand-editor']) {
    assert.equal(await page.evaluate((t) => customElements.get(t) !== undefined, tag), false, `<${tag}> is not defined`);
  }
  const before = scripts.length;

  // A tag that appears later gets its code then.
  await page.getByRole('button', {name: 'Show usage'}).click();
  await waitForDefined(page, 'reseller-usage-chart', 10_000);
  await page.locator('#usage reseller-usage-chart svg.chart').waitFor();
  assert.ok(scripts.includes(chunks.get('reseller-usage-chart')), "the chart's chunk was loaded on its first appearance");
  assert.ok(!scripts.includes(chunks.get('reseller-usage-dashboard')), "the dashboard's chunk still was not");

  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP or Trusted Types violation');
  console.log(`    scripts fetched: ${before} for the table page (autoloader + chunks), ${scripts.length} after the chart appeared`);
}
