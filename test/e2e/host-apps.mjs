/**
 * The framework hosts in hosts/ (Angular, Next.js): each has its own package.json and lockfile
 * (Angular 21 needs TypeScript < 6, the root uses 6) and is built from this package's packed
 * tarball, as a partner installs it. `prepareHosts` runs in test/e2e/run.mjs before a flow that
 * needs a host: `npm pack` once, then per host `npm ci` (only when its node_modules was not
 * installed from its current lockfile), the tarball installed with `--no-save`, and one production
 * build.
 *
 * The helpers below are what the host flows share: the README's strict policy, an API request log
 * and the measures the issue asks for (requests before the first rows, JS before the first rows).
 */
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {assert, repoRoot, waitForDefined} from './helpers.mjs';

export const HOSTS_DIR = path.join(repoRoot, 'hosts');

/** The README's strict policy ("Strict Content-Security-Policy": "this is the policy a host needs"). */
export function readmePolicy() {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const policy = readme.match(/this is the policy a host needs:\n\n```\n(.+)\n```/)?.[1];
  assert.ok(policy, 'the README states the strict policy');
  return policy;
}

function run(command, args, cwd) {
  const started = performance.now();
  const result = spawnSync(command, args, {cwd, stdio: 'inherit', env: {...process.env, NG_CLI_ANALYTICS: 'false', NEXT_TELEMETRY_DISABLED: '1'}});
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${path.relative(repoRoot, cwd) || '.'}) failed with exit ${result.status}`);
  console.log(`  ${command} ${args.join(' ')} (in ${path.relative(repoRoot, cwd)}): ${seconds} s`);
}

/**
 * Packs the package (dist/ must be built: `npm test` builds before e2e; the runner builds when the
 * CDN bundle is missing) and installs and builds each named host (`angular`, `next`).
 * @param {string[]} names
 */
export function prepareHosts(names) {
  if (!existsSync(path.join(repoRoot, 'dist/index.js'))) run('npm', ['run', 'build'], repoRoot);
  const packDir = mkdtempSync(path.join(os.tmpdir(), 'reseller-pack-'));
  try {
    run('npm', ['pack', '--silent', '--pack-destination', packDir], repoRoot);
    const tarball = path.join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz')));
    for (const name of names) {
      const dir = path.join(HOSTS_DIR, name);
      // A marker written after a complete `npm ci`, holding the lockfile's hash it installed.
      const marker = path.join(dir, 'node_modules/.reseller-host-lock');
      const lock = createHash('sha256').update(readFileSync(path.join(dir, 'package-lock.json'))).digest('hex');
      if (!existsSync(marker) || readFileSync(marker, 'utf8') !== lock) {
        run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], dir);
        writeFileSync(marker, lock);
      }
      run('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', tarball], dir);
      if (name === 'angular') writeAngularSnippets(dir);
      run('npm', ['run', '--silent', 'build'], dir);
    }
  } finally {
    rmSync(packDir, {recursive: true, force: true});
  }
}

/**
 * The docs' Angular TypeScript blocks (the README's "#### Angular" component, docs/frameworks.md's
 * typing example), written into the Angular host's program (its tsconfig.json lists them): its
 * production build type-checks them with strict templates, so a snippet that does not compile
 * fails the build and the angular flow. Not imported by the app, so not bundled.
 */
export function writeAngularSnippets(dir) {
  const sources = [
    ['README.md', '#### Angular', 'readme-snippet.ts'],
    ['docs/frameworks.md', '### Typing', 'frameworks-snippet.ts'],
  ];
  for (const [file, heading, target] of sources) {
    const text = readFileSync(path.join(repoRoot, file), 'utf8');
    const start = text.indexOf(`\n${heading}\n`);
    assert.ok(start >= 0, `${file} has "${heading}"`);
    const block = text.slice(start).match(/\n```ts\n([\s\S]*?)\n```/)?.[1];
    assert.ok(block, `a \`\`\`ts block under "${heading}" in ${file}`);
    writeFileSync(path.join(dir, 'src/app', target), `// Generated from ${file} ("${heading}") by test/e2e/host-apps.mjs: type-checked by the build.\n${block}\n`);
  }
}

/**
 * Logs the page's API requests and responses, CSP violations (a listener installed before any
 * page script) and the JavaScript it loads, from now on.
 * @param {import('playwright-core').Page} page
 */
export async function watchHostPage(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} ${e.sourceFile ?? ''}:${e.lineNumber ?? ''}`), true);
  });
  /** @type {{path: string, auth: boolean, status?: number}[]} */
  const api = [];
  /** @type {string[]} */
  const unauthorized = [];
  /** @type {{url: string, gzip: number}[]} */
  const scripts = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v3/reseller/')) {
      api.push({path: `${request.method()} ${url.pathname}${url.search}`, auth: /^Bearer \S+/.test(request.headers().authorization ?? '')});
    }
  });
  page.on('response', async (response) => {
    if (response.status() === 401) unauthorized.push(response.url());
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/v3/reseller/')) {
      const entry = api.find((r) => r.status === undefined && r.path === `${response.request().method()} ${url.pathname}${url.search}`);
      if (entry) entry.status = response.status();
    }
    if (response.request().resourceType() === 'script' && response.ok()) {
      const body = await response.body().catch(() => null);
      if (body) scripts.push({url: url.pathname, gzip: gzipSync(body, {level: 9}).length});
    }
  });
  return {
    api,
    /** Asserts the host page's promises: no violation, no 401, no request without a token, one request per resource. */
    async assertClean(label) {
      assert.deepEqual(await page.evaluate(() => window.__violations), [], `${label}: no CSP violation`);
      assert.deepEqual(unauthorized, [], `${label}: no 401`);
      assert.deepEqual(api.filter((r) => !r.auth).map((r) => r.path), [], `${label}: no API request without Authorization`);
      const paths = api.map((r) => r.path);
      assert.deepEqual(paths.filter((p, i) => paths.indexOf(p) !== i), [], `${label}: each resource requested once (${paths.join(', ')})`);
    },
    /** What the closing note reports: the requests until the first rows and the JS loaded by then. */
    report(label) {
      const requests = api.map((r) => `${r.path} ${r.status ?? 'pending'}`).join(', ');
      const kb = (scripts.reduce((sum, s) => sum + s.gzip, 0) / 1024).toFixed(1);
      console.log(`    ${label}: ${api.length} API request(s) until the first rows (${requests}); ${scripts.length} script file(s), ${kb} kB gzip`);
      if (process.env.E2E_VERBOSE === '1') for (const s of scripts) console.log(`      ${s.url} ${(s.gzip / 1024).toFixed(1)} kB`);
    },
  };
}

/**
 * Serves a built static app (files under `dir`) at `${baseUrl}${prefix}` on the sandbox's origin
 * (so `connect-src 'self'` reaches the real API) with `policy` as its Content-Security-Policy.
 * @param {import('playwright-core').Page} page
 */
export async function serveStatic(page, baseUrl, prefix, dir, policy) {
  assert.ok(existsSync(path.join(dir, 'index.html')), `${path.relative(repoRoot, dir)}/index.html: the host is not built`);
  const types = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.ico': 'image/x-icon', '.svg': 'image/svg+xml', '.txt': 'text/plain'};
  await page.route(`${baseUrl}${prefix}**`, (route) => {
    const pathname = new URL(route.request().url()).pathname.slice(prefix.length);
    const file = path.join(dir, pathname === '' || pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return route.fulfill({status: 404, body: 'not found'});
    const type = types[path.extname(file)] ?? 'application/octet-stream';
    return route.fulfill({status: 200, contentType: type, headers: type.startsWith('text/html') ? {'content-security-policy': policy} : {}, body: readFileSync(file)});
  });
}


/**
 * What both host apps show: the table's first page with the host's page size (50) and its theme
 * (`--reseller-accent` from the host's linked stylesheet), clean (`watch.assertClean`); then a click
 * on a name reaches the host's open handler, which shows "Opened customer <id>" and the detail
 * (loaded on demand) under "Customer <id>". Resolves with the opened id.
 * @param {import('playwright-core').Page} page
 * @param {Awaited<ReturnType<typeof watchHostPage>>} watch
 */
export async function tableThenDetail(page, watch, label) {
  await waitForDefined(page, 'reseller-customer-table', 20_000);
  const table = page.locator('reseller-customer-table');
  const firstRow = table.locator('tbody tr[part~="row"]').first();
  await firstRow.waitFor({timeout: 20_000});
  watch.report(label);
  assert.equal(await table.locator('tbody tr[part~="row"]').count(), 50, `${label}: the host's page size (50) was the first request's`);
  await watch.assertClean(label);
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--reseller-accent').replace(/\s/g, '')),
    'rgb(176,32,96)',
    `${label}: the host's stylesheet applies (nothing inlined for the policy to refuse)`,
  );

  const id = await firstRow.getAttribute('data-id');
  await firstRow.locator('td.col-name button.open').click();
  await page.getByTestId('host-events').getByText(`Opened customer ${id}`, {exact: true}).waitFor();
  await page.getByRole('heading', {level: 2, name: `Customer ${id}`}).waitFor();
  await page.locator('reseller-customer-detail #name').waitFor({timeout: 20_000});
  await watch.assertClean(`${label}, detail`);
  return Number(id);
}
