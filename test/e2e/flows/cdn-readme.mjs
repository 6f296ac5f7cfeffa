/**
 * The README's CDN recipe, as written: its HTML snippet and its host module (`/assets/portal.js`)
 * are read from README.md ("From a CDN (no build step)") and served on a page of the real server's
 * origin under the README's strict policy ("Strict Content-Security-Policy") with the CDN's origin
 * added to `script-src`, as the recipe says. The CDN URL is answered with dist/cdn/reseller-elements.js
 * and the host's token endpoint with a fresh sandbox tenant's token; the API is the real sandbox.
 *
 * The table must show its rows with no CSP violation (a listener installed before any page script),
 * no console error (the runner), no 401 and no API request without `Authorization`, and each API
 * resource requested once. (The README's previous recipe set getToken in an inline script, which
 * this policy refuses: its table showed "Reseller access required".)
 */
import {readFileSync} from 'node:fs';
import {assert, CDN_BUNDLE, createTenant, repoRoot, waitForDefined} from '../helpers.mjs';

const readme = readFileSync(`${repoRoot}/README.md`, 'utf8');

/** The fenced blocks (`lang`) of the README section under `heading`. */
function blocks(heading, lang) {
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has "${heading}"`);
  const end = readme.indexOf('\n#', start + heading.length + 2);
  const section = readme.slice(start, end);
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```', 'g'))].map((m) => m[1]);
}

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function cdnReadme({page, baseUrl}) {
  const [html] = blocks('### From a CDN (no build step)', 'html');
  const [portal] = blocks('### From a CDN (no build step)', 'js');
  assert.ok(html && portal, 'the README shows the page and the host module');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in the recipe');
  const cdnUrl = html.match(/<script type="module" src="(https:\/\/[^"]+)"><\/script>/)?.[1];
  const portalPath = html.match(/<script type="module" src="(\/[^"]+)"><\/script>/)?.[1];
  const tokenPath = portal.match(/fetch\('([^']+)'/)?.[1];
  assert.ok(cdnUrl && portalPath && tokenPath, `the recipe names the CDN file, its module and its token endpoint (${cdnUrl}, ${portalPath}, ${tokenPath})`);

  const policyBlock = readme.match(/this is the policy a host needs:\n\n```\n(.+)\n```/)?.[1];
  assert.ok(policyBlock, 'the README states the strict policy');
  const policy = policyBlock.replace("script-src 'self'", `script-src 'self' ${new URL(cdnUrl).origin}`);

  const tenant = await createTenant(baseUrl, {customers: 30, seed: 1515, name: 'README CDN recipe'});
  await page.route(`${baseUrl}/readme-cdn.html`, (route) =>
    route.fulfill({contentType: 'text/html; charset=utf-8', headers: {'content-security-policy': policy}, body: `<!doctype html>\n<html lang="en"><head><title>README CDN recipe</title></head><body>\n${html}\n</body></html>\n`}),
  );
  await page.route(`${baseUrl}${portalPath}`, (route) => route.fulfill({contentType: 'text/javascript', body: portal}));
  await page.route(cdnUrl, (route) => route.fulfill({contentType: 'text/javascript', headers: {'access-control-allow-origin': '*'}, body: readFileSync(CDN_BUNDLE, 'utf8')}));
  await page.route(`${baseUrl}${tokenPath}`, (route) => route.fulfill({contentType: 'text/plain', body: tenant.tokens.reseller}));

  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`), true);
  });
  /** @type {{path: string, auth: boolean}[]} */
  const api = [];
  /** @type {string[]} */
  const unauthorized = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v3/reseller/')) api.push({path: `${request.method()} ${url.pathname}${url.search}`, auth: /^Bearer \S+/.test(request.headers().authorization ?? '')});
  });
  page.on('response', (response) => {
    if (response.status() === 401) unauthorized.push(response.url());
  });

  const response = await page.goto(`${baseUrl}/readme-cdn.html`);
  assert.equal(response?.status(), 200);
  await waitForDefined(page, 'reseller-customer-table', 20_000);
  const table = page.locator('reseller-customer-table');
  await table.locator('[part~="row"]').first().waitFor({timeout: 20_000});
  assert.ok((await table.locator('[part~="row"]').count()) >= 25, 'the first page of the tenant\'s customers');
  assert.equal(await table.getByText(/access required/i).count(), 0, 'no "Reseller access required"');

  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  assert.deepEqual(unauthorized, [], 'no 401');
  assert.deepEqual(api.filter((r) => !r.auth).map((r) => r.path), [], 'no API request without Authorization');
  const paths = api.map((r) => r.path);
  console.log(`    README CDN recipe: ${api.length} API request(s) until the rows showed, none 401: ${paths.join(', ')}`);
  assert.deepEqual(paths.filter((p, i) => paths.indexOf(p) !== i), [], `each resource requested once (${paths.join(', ')})`);
}
