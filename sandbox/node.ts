/**
 * Serving the sandbox from Node: a connect-style middleware (Vite, Storybook, plain http) and a
 * Koa wrapper (@web/test-runner). Answers /api/v3/reseller/** and /__sandbox/**, passes on the rest,
 * and turns a `drop` fault into a destroyed socket.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {getRequestListener} from '@hono/node-server';
import {API_BASE, DROP_HEADER} from './app.js';
import {ADMIN_HEADER} from './control.js';
import {rawHandlers, type Sandbox} from './index.js';

export type NextFunction = (err?: unknown) => void;
export type ConnectMiddleware = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void;

const pathOf = (url: string | undefined): string => (url ?? '/').split('?')[0]!;
const isControl = (url: string | undefined): boolean => {
  const path = pathOf(url);
  return path === '/__sandbox' || path.startsWith('/__sandbox/');
};
const handles = (url: string | undefined): boolean => {
  const path = pathOf(url);
  return path === API_BASE || path.startsWith(`${API_BASE}/`) || isControl(url);
};

export interface MiddlewareOptions {
  /**
   * For test and story harnesses only (the test runner, Storybook, the story smoke test, the
   * bench): adds the sandbox's admin secret to every /__sandbox request and every request with an
   * X-Sandbox-Fault header that reaches this server, so test and story code in the browser needs
   * no secret. Never for a server other people can reach: anyone who can reach it can then use
   * the control API.
   */
  injectAdminSecret?: boolean;
}

/** Sets (or replaces) one request header, in both the parsed and the raw list (the Request is built from the raw one). */
function setHeader(req: IncomingMessage, name: string, value: string): void {
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i]!.toLowerCase() === name) req.rawHeaders.splice(i, 2);
  }
  req.rawHeaders.push(name, value);
  req.headers[name] = value;
}

export function nodeMiddleware(sandbox: Sandbox, options: MiddlewareOptions = {}): ConnectMiddleware {
  const raw = rawHandlers.get(sandbox) ?? ((r: Request) => sandbox.fetch(r));
  const secret = options.injectAdminSecret ? sandbox.adminSecret : null;
  if (options.injectAdminSecret && !secret) throw new Error('injectAdminSecret: this sandbox was created without its control API (control: true)');
  const listener = getRequestListener(async (request, env) => {
    const response = await raw(request);
    if (response.headers.has(DROP_HEADER)) {
      env.incoming.socket?.destroy();
      return new Response(null, {status: 204});
    }
    return response;
  });
  return (req, res, next) => {
    if (!handles(req.url)) return next();
    if (secret && (isControl(req.url) || req.headers['x-sandbox-fault'] !== undefined)) setHeader(req, ADMIN_HEADER, secret);
    listener(req, res).catch(next);
  };
}

/** Minimal Koa context shape (kept local: no koa types needed). */
interface KoaContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: string;
  respond?: boolean;
}

export function koaMiddleware(sandbox: Sandbox, options: MiddlewareOptions = {}): (ctx: KoaContext, next: () => Promise<unknown>) => Promise<unknown> {
  const connect = nodeMiddleware(sandbox, options);
  return async (ctx, next) => {
    if (!handles(ctx.url)) return next();
    ctx.respond = false;
    await new Promise<void>((resolve, reject) => {
      ctx.res.once('close', () => resolve());
      ctx.res.once('finish', () => resolve());
      connect(ctx.req, ctx.res, (err) => (err ? reject(err) : resolve()));
    });
  };
}
