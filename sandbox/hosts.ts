/**
 * Host-header allow-list (against DNS rebinding: a page on `evil.example` whose name resolves to
 * 127.0.0.1 reaches a loopback server with `Host: evil.example:8787`, and could read the dev token
 * from /demo-config.json or call the API). Always allowed: `localhost` and `*.localhost`,
 * `127.0.0.1` (any 127.x address), `[::1]`; plus the configured names (`ALLOWED_HOSTS`, the hosts of
 * `CORS_ORIGINS`, a specific `HOST`). A request without a Host header (in-process `sandbox.fetch`)
 * is not a browser's and passes.
 */

/** The host name of a Host header value (`name[:port]`, `[v6]:port`), lower case. */
function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  const colon = value.lastIndexOf(':');
  return colon >= 0 ? value.slice(0, colon) : value;
}

const LOOPBACK = (name: string): boolean =>
  name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);

/** The names in a list of host names and/or origins (`portal.example`, `http://localhost:3000`). */
export function allowedHostNames(entries: string[]): string[] {
  return entries
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      try {
        return entry.includes('://') ? new URL(entry).hostname.toLowerCase() : hostName(entry);
      } catch {
        return hostName(entry);
      }
    })
    .map((name) => (name.includes(':') && !name.startsWith('[') ? `[${name}]` : name));
}

/** Whether a request with this Host header may be answered. */
export function hostAllowed(header: string | undefined | null, extra: readonly string[] = []): boolean {
  if (header === undefined || header === null) return true;
  const name = hostName(header);
  return LOOPBACK(name) || extra.includes(name);
}

/** `ALLOWED_HOSTS` (comma-separated names or origins), the hosts of `CORS_ORIGINS` and a specific `HOST`. */
export function allowedHostsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const host = env.HOST && !['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(env.HOST) ? [env.HOST] : [];
  return allowedHostNames([...(env.ALLOWED_HOSTS ?? '').split(','), ...(env.CORS_ORIGINS ?? '').split(','), ...host]);
}
