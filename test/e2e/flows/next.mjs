/**
 * The Next.js 16 host (hosts/next/, App Router, production build from the packed tarball: the runner
 * builds it, host-apps.mjs) served by `next start` on a free port, with the sandbox API behind its
 * proxy.ts (same origin for the page). proxy.ts sets the README's strict policy with a per-request
 * nonce and 'strict-dynamic' in script-src (Next.js writes inline scripts), and Next.js's own Trusted
 * Types policies. The server renders the kit's tags (asserted in the HTML), the kit's define
 * modules upgrade them as the client chunk loads, and hydration hands them `getToken` and `perPage`
 * only after that: the rows must come with no 401, no request without Authorization, one request
 * per resource and the host's page size. A click on a name reaches the host's `onCustomerOpen`, which
 * loads the detail on demand (tableThenDetail in host-apps.mjs).
 */
import {spawn} from 'node:child_process';
import path from 'node:path';
import {assert} from '../helpers.mjs';
import {HOSTS_DIR, tableThenDetail, watchHostPage} from '../host-apps.mjs';

export const timeout = 90_000;

/** Starts `next start` in its own process group; resolves with its URL and a stop function. */
function startNext(apiOrigin) {
  const dir = path.join(HOSTS_DIR, 'next');
  const child = spawn(path.join(dir, 'node_modules/.bin/next'), ['start', '--hostname', '127.0.0.1', '--port', '0'], {
    cwd: dir,
    env: {...process.env, RESELLER_API_ORIGIN: apiOrigin, NEXT_TELEMETRY_DISABLED: '1', PORT: '0'},
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`next start printed no URL within 30 s:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match && /Ready|✓/.test(output)) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`next start exited (code ${code}):\n${output}`));
    });
  });
  return {url, stop, output: () => output};
}

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function next({page, baseUrl}) {
  const server = startNext(baseUrl);
  try {
    const nextUrl = await server.url;
    const watch = await watchHostPage(page);
    const response = await page.goto(`${nextUrl}/`);
    assert.equal(response?.status(), 200);
    const policy = response.headers()['content-security-policy'] ?? '';
    assert.match(policy, /script-src 'self' 'nonce-[^']+' 'strict-dynamic'; style-src 'self';.*trusted-types lit-html nextjs nextjs#bundler/, 'the strict policy with a nonce');
    assert.match(await response.text(), /<reseller-provider[^>]*>.*<reseller-customer-table/s, 'the server rendered the tags (they upgrade before hydration)');
    await page.locator('[data-host="next"]').waitFor();
    await tableThenDetail(page, watch, 'Next.js host');
  } finally {
    await server.stop();
  }
}
