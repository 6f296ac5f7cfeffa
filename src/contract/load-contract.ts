/**
 * The contract's schemas (and zod) as a lazy chunk: `loadContract()` imports `schemas.ts` once and
 * every later call gets the same promise. The client starts it alongside each request, so on a real
 * network the schemas are there before the response; form logic awaits it before checking input.
 * A failed load is forgotten, so the next call tries again.
 */
export type Contract = typeof import('./schemas.js');

let loading: Promise<Contract> | null = null;

export function loadContract(): Promise<Contract> {
  loading ??= import('./schemas.js').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
