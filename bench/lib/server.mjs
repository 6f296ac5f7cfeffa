/**
 * The bench origin: one node:http server with the sandbox API (nodeMiddleware) and the bench page,
 * whose script is bench/page/entry.ts bundled by esbuild the way a partner's production build
 * would (minified, ES modules, code splitting: the kit's lazy chunks stay lazy). Vite's dev server
 * (scripts/serve.ts) is not used: it serves unbundled development modules (Lit's dev build with
 * its warnings), which would measure a development setup rather than what a partner ships.
 *
 * The sandbox is TypeScript: the caller must have registered tsx (run.mjs does).
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {createServer} from 'node:http';
import {tmpdir} from 'node:os';
import {extname, join, normalize, sep} from 'node:path';
import * as esbuild from 'esbuild';
import {root} from './common.mjs';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>reseller-elements bench</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/assets/entry.js"></script>
</head>
<body></body>
</html>
`;

/** Bundles the bench page into a temp dir. */
async function bundlePage(outdir) {
  await esbuild.build({
    entryPoints: {entry: join(root, 'bench/page/entry.ts')},
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.json'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    ...(process.env.BENCH_KEEP_NAMES ? {minifyWhitespace: true, minifySyntax: true} : {minify: true}),
    legalComments: 'none',
    outdir,
    logLevel: 'error',
    define: {'process.env.NODE_ENV': '"production"'},
  });
}

/**
 * Starts the sandbox (in memory, unseeded) and the server on 127.0.0.1.
 * @returns {Promise<{origin: string, sandbox: any, close(): Promise<void>}>}
 */
export async function startBenchServer() {
  const outdir = mkdtempSync(join(tmpdir(), 'reseller-bench-page-'));
  let sandbox;
  let server;
  try {
    const [{createSandbox}, {nodeMiddleware}, {HARNESS_CONTROL}] = await Promise.all([
      import('../../sandbox/index.ts'),
      import('../../sandbox/node.ts'),
      import('../../sandbox/control.ts'),
      bundlePage(outdir),
    ]);
    // Control API on; the server adds its admin secret to control requests (a harness on 127.0.0.1).
    sandbox = await createSandbox({dataDir: null, seed: false, control: HARNESS_CONTROL});
    const api = nodeMiddleware(sandbox, {injectAdminSecret: true});
    server = createServer((req, res) => {
      api(req, res, (error) => {
        if (error) return void res.writeHead(500, {'content-type': 'text/plain'}).end(String(error));
        serveStatic(outdir, req, res);
      });
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
  } catch (error) {
    server?.close();
    await sandbox?.close().catch(() => {});
    rmSync(outdir, {recursive: true, force: true});
    throw error;
  }
  const origin = `http://127.0.0.1:${server.address().port}`;
  let closing;
  return {
    origin,
    sandbox,
    close: () =>
      (closing ??= (async () => {
        await new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await sandbox.close().catch(() => {});
        rmSync(outdir, {recursive: true, force: true});
      })()),
  };
}

const TYPES = {'.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json'};

function serveStatic(outdir, req, res) {
  const pathname = new URL(req.url ?? '/', 'http://x').pathname;
  if (pathname === '/' || pathname === '/index.html') {
    res.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store'});
    return void res.end(PAGE);
  }
  if (pathname === '/favicon.ico') return void res.writeHead(204).end();
  if (pathname.startsWith('/assets/')) {
    const file = normalize(join(outdir, pathname.slice('/assets/'.length)));
    if (file.startsWith(outdir + sep)) {
      try {
        const body = readFileSync(file);
        res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store'});
        return void res.end(body);
      } catch {
        // fall through to 404
      }
    }
  }
  res.writeHead(404, {'content-type': 'text/plain'}).end('not found');
}
