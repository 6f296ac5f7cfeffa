import {NextResponse, type NextRequest} from 'next/server';

/**
 * Every page gets the README's strict policy, with one change Next.js needs: its App Router writes
 * inline scripts (the RSC payload, `self.__next_f.push(…)`), so `script-src` carries a fresh nonce
 * per request and `'strict-dynamic'` (scripts those load, such as the kit's lazy chunks, inherit
 * the trust), and `trusted-types` names Next.js's own policies. Next.js reads the nonce from the request's Content-Security-Policy header and puts
 * it on its own scripts; the page must render dynamically (app/page.tsx: `await connection()`).
 *
 * The sandbox API is answered through this proxy (`/api/v3/reseller/…` rewritten to
 * RESELLER_API_ORIGIN) so the kit's `fetch` stays on the page's origin (`connect-src 'self'`).
 */
export function proxy(request: NextRequest) {
  const {pathname, search} = request.nextUrl;
  if (pathname.startsWith('/api/v3/reseller/')) {
    const origin = process.env.RESELLER_API_ORIGIN;
    if (!origin) return NextResponse.json({error: 'RESELLER_API_ORIGIN is not set'}, {status: 502});
    return NextResponse.rewrite(new URL(`${pathname}${search}`, origin));
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' blob:",
    "connect-src 'self'",
    "require-trusted-types-for 'script'",
    // Next.js's webpack runtime loads its chunks through a Trusted Types policy `nextjs#bundler`
    // and its client router through `nextjs` (Turbopack's runtime has none: hence `next build --webpack`).
    'trusted-types lit-html nextjs nextjs#bundler',
  ].join('; ');
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({request: {headers}});
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    '/api/v3/reseller/:path*',
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        {type: 'header', key: 'next-router-prefetch'},
        {type: 'header', key: 'purpose', value: 'prefetch'},
      ],
    },
  ],
};
