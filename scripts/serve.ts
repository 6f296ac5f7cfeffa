/**
 * The development server behind `npm start`, as a reusable function so the e2e test, benchmarks and
 * anything else can start exactly what `npm start` starts.
 *
 * One node:http server on one origin:
 * - the sandbox API (`/api/v3/reseller/*`, `/__sandbox/*`) through `nodeMiddleware`;
 * - `GET /demo-config.json` and `GET /demo-config.js`: the dev token for the demo pages (in a body,
 *   never in an attribute or URL);
 * - `/dist/*` statically (the CDN bundle, after `npm run build`);
 * - `/cdn.html` and `/cdn-page.js` raw from demo/ (the no-build-step page: no Vite involved), and
 *   likewise `/autoload.html` and `/autoload-page.js` (the CDN autoloader's page);
 * - the demo pages: the portal (`/`) and the host demos `/react/` and `/vue/`, in one of two modes:
 *   - `built` (`npm start`, the default): the production build of demo/ (scripts/portal-build.ts:
 *     bundled, minified, split per route, Lit's production build; reused while demo/ and src/ are
 *     unchanged, else rebuilt in a few seconds while the sandbox starts), served with hashed assets
 *     cached for good and gzip/brotli when the browser accepts them. Source modules (`/@fs/…`,
 *     `/src/…`: a test that loads the kit's sources beside the CDN bundle) go to a Vite dev server
 *     started on the first such request, never at start-up;
 *   - `dev` (`npm run dev`): everything through Vite in middleware mode (root `demo/`), which compiles
 *     the kit's TS sources on the fly with hot reload (decorators through tsconfig's
 *     `experimentalDecorators`), the React host's TSX through Vite's own transform (`jsx: react-jsx`
 *     in tsconfig.json) and the Vue host's single-file components through @vitejs/plugin-vue (the
 *     kit's tags as custom elements).
 *
 * Every non-API response carries a strict Content-Security-Policy (no inline script or style,
 * Trusted Types). Vite's error overlay needs an inline `<style>`, so it is disabled: build errors
 * show in the terminal and the browser console instead.
 */
import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {ViteDevServer} from 'vite';
import {allowedHostNames, allowedHostsFromEnv, hostAllowed} from '../sandbox/hosts.js';
import {createSandbox, type Sandbox} from '../sandbox/index.js';
import {nodeMiddleware} from '../sandbox/node.js';
import {API_BASE_PATH} from '../src/contract/constants.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demoRoot = path.join(repoRoot, 'demo');
const distRoot = path.join(repoRoot, 'dist');

/** The API base the demo pages use (the kit's default: same origin). */
export const API_BASE = API_BASE_PATH;

/**
 * The policy every demo page runs under (the CDN page's e2e flow, test/e2e/flows/cdn-strict.mjs,
 * checks the issue's directives are exactly these and that nothing on the page violates them).
 * What the kit needs is the issue's list; the rest is hardening of the demo pages, not a need:
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // The kit's code (bundle or modules, lazy chunks included) from this origin; no eval, no inline.
  "script-src 'self'",
  // Lit's styles are constructable stylesheets (adoptedStyleSheets) and the kit sets custom
  // properties through element.style (CSSOM): neither is governed by style-src, so no 'unsafe-inline'.
  "style-src 'self'",
  // blob: the brand editor's preview of a chosen logo (an object URL of the file); data: is in the
  // issue's baseline for hosts (the kit itself loads no data: image). 'self': the saved logo.
  "img-src 'self' data: blob:",
  // The sandbox API on this origin (a host with the API elsewhere lists that origin here and in img-src: the logo).
  "connect-src 'self'",
  // Hardening, not needed by the kit: fonts only from here, no plugins, no <base>, forms post here, no framing.
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  // Trusted Types: the only policy is Lit's own, `lit-html` (one copy of Lit on the page; a page
  // with two copies, e.g. the npm package and the CDN bundle, needs 'allow-duplicates': see
  // test/e2e/flows/cdn-two-copies.mjs).
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/**
 * The Vue host demo (demo/vue/, served under /vue/) runs under the same policy plus Vue's own
 * Trusted Types policy name: Vue 3 creates a policy named `vue` when it loads (for `v-html` and
 * static template blocks), and a page that refuses it logs a console error. A Vue host adds `vue`
 * the same way (README, "Vue").
 */
export const VUE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace('trusted-types lit-html', 'trusted-types lit-html vue');

export interface ServerOptions {
  /** TCP port; 0 picks a free one. Default 5173. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1 (a dev tool with a dev token: not on the network). */
  host?: string;
  /** PGlite data directory (created and seeded on first run); null keeps the data in memory. */
  dataDir?: string | null;
  /** Log Vite's and the sandbox's messages. Default true. */
  log?: boolean;
  /** The control API's admin secret (default: SANDBOX_ADMIN_SECRET, else random per start). */
  adminSecret?: string;
  /** `built` (default): the production build of demo/; `dev`: Vite's development server with hot reload. */
  mode?: 'built' | 'dev';
  /** Host names answered besides localhost, 127.0.0.1 and [::1] (default from ALLOWED_HOSTS, CORS_ORIGINS, HOST). */
  allowedHosts?: string[];
}

export interface RunningServer {
  /** `http://localhost:<port>/` */
  url: string;
  port: number;
  /** The seeded reseller dev token the demo pages use. */
  devToken: string;
  /** The control API's admin secret (`X-Sandbox-Admin`); the control API is always on here. */
  adminSecret: string;
  sandbox: Sandbox;
  mode: 'built' | 'dev';
  /** The built portal's directory (mode `built`). */
  buildDir?: string;
  /** Whether this start had to build the portal (mode `built`: sources changed since the last build). */
  built?: boolean;
  /** Stops accepting connections, closes Vite and the sandbox (PGlite). Safe to call twice. */
  close(): Promise<void>;
}

/** Thrown when the port is taken, with a message that says what to do. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use (another \`npm start\`?). Stop it, or pick another port: PORT=${port + 1} npm start (PORT=0 picks a free one).`);
    this.name = 'PortInUseError';
  }
}

type Next = (error?: unknown) => void;
type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: Next) => void;

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const {port = 5173, host = '127.0.0.1', dataDir = '.sandbox-data', log = true, adminSecret = process.env.SANDBOX_ADMIN_SECRET || undefined, mode = 'built'} = options;
  // Host names answered besides the loopback ones: ALLOWED_HOSTS, CORS_ORIGINS' hosts, a specific HOST (sandbox/hosts.ts).
  const allowedHosts = options.allowedHosts ?? allowedHostsFromEnv({...process.env, HOST: host});

  // Listen first: a busy port fails in milliseconds, before PGlite and Vite start. Requests that
  // arrive while they start wait for `ready`.
  let handler: Middleware | undefined = undefined; // set once Vite and the sandbox are up
  let failed: unknown;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const httpServer = http.createServer((req, res) => {
    const serve = () => {
      if (failed || !handler) return sendText(res, 503, 'Server failed to start');
      handler(req, res, (error) => finalHandler(req, res, error));
    };
    if (handler) serve();
    else void ready.then(serve);
  });
  await listen(httpServer, port, host);
  const actualPort = (httpServer.address() as AddressInfo).port;

  let sandbox: Sandbox | undefined;
  let vite: ViteDevServer | undefined;
  let portal: {dir: string; built: boolean} | undefined;
  try {
    [sandbox, vite, portal] = await Promise.all([
      createSandbox({dataDir, log, control: {secret: adminSecret}, allowedHosts, monthEndJob: true}),
      mode === 'dev' ? createVite({httpServer, log, dev: true}) : undefined,
      mode === 'built' ? import('./portal-build.js').then(({ensurePortalBuild}) => ensurePortalBuild({log})) : undefined,
    ]);
  } catch (error) {
    failed = error;
    markReady();
    await Promise.allSettled([sandbox?.close(), vite?.close(), closeHttp(httpServer)]);
    throw error;
  }
  // Built mode: a Vite dev server only for source modules, on the first request for one.
  let lazyVite: Promise<ViteDevServer> | undefined;
  const sourceModules: Middleware = (req, res, next) => {
    if (!isSourceModule(pathname(req))) return next();
    lazyVite ??= createVite({httpServer, log, dev: false});
    lazyVite.then((server) => server.middlewares(req, res, next), next);
  };

  const devToken = sandbox.devTokens.resellerA;
  const hostNames = allowedHostNames(allowedHosts);
  const chain: Middleware[] = [
    securityHeaders,
    nodeMiddleware(sandbox) as Middleware,
    demoConfig(sandbox, devToken, hostNames),
    staticFiles('/dist/', distRoot),
    // The favicon at its own path too: the host demos' fallback logo names it in a JSX/Vue string, which
    // a build does not rewrite to its hashed asset.
    rawDemoFiles(['/cdn.html', '/cdn-page.js', '/cdn.css', '/autoload.html', '/autoload-page.js', '/favicon.svg']),
    ...(vite ? [vite.middlewares as unknown as Middleware] : [builtPortal(portal!.dir), sourceModules]),
  ];
  handler = compose(chain);
  markReady();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const results = await Promise.allSettled([closeHttp(httpServer), vite?.close(), lazyVite?.then((server) => server.close())]);
      await sandbox!.close();
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (rejected) throw rejected.reason;
    })());

  return {url: `http://localhost:${actualPort}/`, port: actualPort, devToken, adminSecret: sandbox.adminSecret!, sandbox, mode, buildDir: portal?.dir, built: portal?.built, close};
}

/** Vite in middleware mode on `demo/` (all of `npm run dev`; source modules only in built mode). */
async function createVite({httpServer, log, dev}: {httpServer: http.Server; log: boolean; dev: boolean}): Promise<ViteDevServer> {
  // Loaded only when needed: `npm start` (built mode) usually never loads Vite at all.
  const [{createServer: createViteServer}, {default: vue}] = await Promise.all([import('vite'), import('@vitejs/plugin-vue')]);
  return createViteServer({
    configFile: false,
    root: demoRoot,
    appType: 'mpa',
    cacheDir: path.join(repoRoot, 'node_modules/.vite-demo'),
    logLevel: log ? 'info' : 'silent',
    clearScreen: false,
    server: {
      middlewareMode: true,
      // The HMR websocket shares our server and port; the overlay needs inline styles (CSP).
      // Built mode serves source modules to tests, not an editor: no hot reload there.
      hmr: dev ? {server: httpServer, overlay: false} : false,
      // Only what the portal needs: not the data directory, scripts or the sandbox's sources.
      fs: {strict: true, allow: [demoRoot, path.join(repoRoot, 'src'), path.join(repoRoot, 'node_modules')]},
    },
    // The Vue host demo (demo/vue/): the kit's tags are custom elements, not Vue components.
    plugins: [vue({template: {compilerOptions: {isCustomElement: (tag) => tag.startsWith('reseller-')}}})],
    // Dev mode scans the demos and every kit source at start-up so dependency pre-bundling happens
    // once, before the first page, instead of reloading the page when a new import is discovered.
    // Built mode: no pre-bundling at all (the kit's dependencies are ES modules, served as they are),
    // so a first source request never triggers a re-optimisation and a page reload.
    optimizeDeps: dev ? {entries: ['index.html', 'react/index.html', 'vue/index.html', '../src/**/*.ts']} : {noDiscovery: true},
  });
}

/** Paths only Vite's dev server answers: the kit's source modules and Vite's own. */
function isSourceModule(p: string): boolean {
  return /^\/(?:@fs|@vite|@id|src|node_modules)\//.test(p);
}

/**
 * The built demo pages: `/`, `/react/`, `/vue/` (their index.html, never cached) and `/assets/…`
 * (content-hashed names: cached for good), brotli or gzip when the browser accepts it.
 */
function builtPortal(root: string): Middleware {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const p = pathname(req);
    let relative: string;
    if (p === '/' || p === '/index.html') relative = 'index.html';
    else if (p === '/react' || p === '/vue') return redirect(res, `${p}/`);
    else if (p === '/react/' || p === '/vue/') relative = `${p.slice(1)}index.html`;
    else if (p.startsWith('/assets/') && /^[\w.-]+$/.test(p.slice('/assets/'.length))) relative = p.slice(1);
    else return next();
    const file = path.join(root, relative);
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    const immutable = relative.startsWith('assets/');
    sendBuilt(req, res, file, encoding, immutable).then((sent) => (sent ? undefined : next()), next);
  };
}

async function sendBuilt(req: http.IncomingMessage, res: http.ServerResponse, file: string, encoding: 'br' | 'gzip' | null, immutable: boolean): Promise<boolean> {
  const suffix = encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : '';
  let info = suffix ? await stat(file + suffix).catch(() => null) : null;
  const sent = info?.isFile() ? file + suffix : file;
  if (!info?.isFile()) info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
    ...(sent !== file ? {'content-encoding': encoding!} : {}),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(sent).pipe(res);
  return true;
}

function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(301, {location});
  res.end();
}

// ---------------------------------------------------------------------------------------------

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function closeHttp(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Keep-alive browser connections would hold close() open.
    server.closeAllConnections();
  });
}

function compose(chain: Middleware[]): Middleware {
  return (req, res, done) => {
    let index = 0;
    const next: Next = (error) => {
      if (error) return done(error);
      const middleware = chain[index++];
      if (!middleware) return done();
      try {
        middleware(req, res, next);
      } catch (thrown) {
        done(thrown);
      }
    };
    next();
  };
}

function finalHandler(req: http.IncomingMessage, res: http.ServerResponse, error?: unknown) {
  if (error) {
    console.error(`[serve] ${req.method} ${req.url} failed:`, error);
    if (!res.headersSent) sendText(res, 500, 'Internal server error');
    else res.destroy();
    return;
  }
  sendText(res, 404, 'Not found');
}

function sendText(res: http.ServerResponse, status: number, text: string) {
  if (res.headersSent) return void res.end();
  res.writeHead(status, {'content-type': 'text/plain; charset=utf-8'});
  res.end(text);
}

function pathname(req: http.IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://localhost').pathname;
}

function isApi(p: string): boolean {
  return p === API_BASE || p.startsWith(`${API_BASE}/`) || p === '/__sandbox' || p.startsWith('/__sandbox/');
}

/** Strict CSP and friends on every page and asset; the API answers for itself. */
const securityHeaders: Middleware = (req, res, next) => {
  const p = pathname(req);
  if (!isApi(p)) {
    res.setHeader('content-security-policy', p === '/vue' || p.startsWith('/vue/') ? VUE_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
  }
  next();
};

/**
 * `GET /demo-config.json` and `GET /demo-config.js`: what the demo pages need to talk to the
 * sandbox. The token travels in a response body (never an attribute or URL) and is not cached.
 * `sampleCustomerId` is the newest customer of the dev tenant, for the "Customer detail" link.
 */
function demoConfig(sandbox: Sandbox, token: string, hostNames: string[]): Middleware {
  return (req, res, next) => {
    const p = pathname(req);
    if (p !== '/demo-config.json' && p !== '/demo-config.js') return next();
    // The dev token: only under a loopback or configured Host name (a rebound DNS name gets nothing).
    if (!hostAllowed(req.headers.host, hostNames)) return sendText(res, 403, 'This Host is not allowed (DNS rebinding protection); see ALLOWED_HOSTS');
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    void sampleCustomerId(sandbox, token).then((customerId) => {
      const config = {apiBase: API_BASE, token, sampleCustomerId: customerId};
      const body = p.endsWith('.json')
        ? JSON.stringify(config)
        : `/** Demo configuration, generated by scripts/serve.ts. Development only. */\n` +
          `export const apiBase = ${JSON.stringify(config.apiBase)};\n` +
          `export const token = ${JSON.stringify(config.token)};\n` +
          `export const sampleCustomerId = ${JSON.stringify(config.sampleCustomerId)};\n` +
          `export default ${JSON.stringify(config)};\n`;
      res.writeHead(200, {
        'content-type': p.endsWith('.json') ? 'application/json' : 'text/javascript; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    }, next);
  };
}

async function sampleCustomerId(sandbox: Sandbox, token: string): Promise<number | null> {
  try {
    const response = await sandbox.fetch(
      new Request(`http://localhost${API_BASE}/customers?per_page=25&sort=created_at&order=desc`, {
        headers: {authorization: `Bearer ${token}`},
      }),
    );
    if (!response.ok) return null;
    const page = (await response.json()) as {data?: Array<{id?: unknown}>};
    const id = page.data?.[0]?.id;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

async function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-cache',
    'last-modified': info.mtime.toUTCString(),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}

/** Files under `root` at `prefix`, GET/HEAD only, never outside `root`. */
function staticFiles(prefix: string, root: string): Middleware {
  return (req, res, next) => {
    const p = pathname(req);
    if (!p.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(p.slice(prefix.length));
    } catch {
      return sendText(res, 400, 'Bad request');
    }
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) return sendText(res, 404, 'Not found');
    sendFile(req, res, file).then((sent) => {
      if (!sent) sendText(res, 404, `Not found: ${p}${prefix === '/dist/' ? ' (run `npm run build` first)' : ''}`);
    }, next);
  };
}

/** Demo files that are served byte for byte, outside Vite (the CDN page has no build step). */
function rawDemoFiles(paths: string[]): Middleware {
  return (req, res, next) => {
    const p = pathname(req);
    if (!paths.includes(p) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    sendFile(req, res, path.join(demoRoot, p)).then((sent) => (sent ? undefined : next()), next);
  };
}
