/**
 * Serving the sandbox from Node: a connect-style middleware (Vite, Storybook, plain http) and a
 * Koa wrapper (@web/test-runner). Answers /api/v3/reseller/** and /__sandbox/**, passes on the rest,
 * and turns a `drop` fault into a destroyed socket.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {getRequestListener} from '@hono/node-server';
import {DROP_HEADER} from './app.js';
import {rawHandlers, type Sandbox} from './index.js';

export type NextFunction = (err?: unknown) => void;
export type ConnectMiddleware = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void;

const handles = (url: string | undefined): boolean => {
  const path = (url ?? '/').split('?')[0]!;
  return path === '/api/v3/reseller' || path.startsWith('/api/v3/reseller/') || path === '/__sandbox' || path.startsWith('/__sandbox/');
};

export function nodeMiddleware(sandbox: Sandbox): ConnectMiddleware {
  const raw = rawHandlers.get(sandbox) ?? ((r: Request) => sandbox.fetch(r));
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

export function koaMiddleware(sandbox: Sandbox): (ctx: KoaContext, next: () => Promise<unknown>) => Promise<unknown> {
  const connect = nodeMiddleware(sandbox);
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
