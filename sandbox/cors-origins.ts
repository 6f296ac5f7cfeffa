/**
 * `CORS_ORIGINS` (npm run sandbox): a comma-separated list of origins allowed to call the API from
 * a browser, e.g. `http://localhost:3000,https://portal.example`. Spaces around entries and empty
 * entries are ignored; unset or empty allows none (same-origin use needs none).
 */
export function corsOriginsFromEnv(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
