/**
 * `npm start` serves the production build of the demo (scripts/portal-build.ts), not Vite's
 * development server (that is `npm run dev`): the portal page loads the built, hashed bundles only
 * (no `/@vite/client`, no `.ts` source module), those come compressed and cacheable, the user sees
 * the customer rows, and the host demos `/react/` and `/vue/` are served from the same build.
 */
import {assert, openPortal} from '../helpers.mjs';

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function builtPortal({page, baseUrl}) {
  /** Same-origin paths the page requested that are not the API. */
  const requested = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(baseUrl).origin && !url.pathname.startsWith('/api/')) requested.push(url.pathname);
  });
  const response = await openPortal(page, baseUrl, '#/customers');
  assert.equal(response?.status(), 200);
  await page.locator('reseller-customer-table tbody tr[part~="row"]').first().waitFor();
  const scripts = requested.filter((p) => p.endsWith('.js') || p.endsWith('.ts') || p.startsWith('/@'));
  assert.ok(scripts.length > 0 && scripts.every((p) => /^\/assets\/[\w.-]+\.js$/.test(p)), `only built bundles from /assets/, got ${scripts.join(', ')}`);

  const html = await (await fetch(new URL('/', baseUrl))).text();
  const entry = /<script type="module"[^>]* src="(\/assets\/main-[\w-]+\.js)"/.exec(html)?.[1];
  assert.ok(entry, `the portal page loads its built entry (/assets/main-….js), not /main.ts: ${html.slice(0, 600)}`);
  const asset = await fetch(new URL(entry, baseUrl), {headers: {'accept-encoding': 'br, gzip'}});
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('cache-control') ?? '', /immutable/, 'hashed assets are cached for good');
  assert.ok(['br', 'gzip'].includes(asset.headers.get('content-encoding') ?? ''), `the bundle comes compressed, got ${asset.headers.get('content-encoding')}`);
  assert.match(asset.headers.get('content-security-policy') ?? '', /require-trusted-types-for 'script'/, 'assets carry the strict policy too');

  for (const host of ['react', 'vue']) {
    const hostPage = await fetch(new URL(`/${host}/`, baseUrl));
    assert.equal(hostPage.status, 200, `/${host}/ is served`);
    assert.match(await hostPage.text(), /<script type="module"[^>]* src="\/assets\/[\w-]+\.js"/, `/${host}/ is the built page`);
  }
}
