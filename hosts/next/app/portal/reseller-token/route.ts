/**
 * Stands in for a partner's backend minting a reseller token for the signed-in user: here it asks
 * the sandbox for its development token (RESELLER_API_ORIGIN/demo-config.json).
 */
export async function GET(): Promise<Response> {
  const origin = process.env.RESELLER_API_ORIGIN;
  if (!origin) return new Response('RESELLER_API_ORIGIN is not set', {status: 502});
  const config = (await (await fetch(new URL('/demo-config.json', origin), {cache: 'no-store'})).json()) as {token: string};
  return new Response(config.token, {headers: {'content-type': 'text/plain', 'cache-control': 'no-store'}});
}
