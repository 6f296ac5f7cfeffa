/** The host apps' hash routes (React and Vue): `#/customers`, `#/customers/12`, `#/usage`, `#/branding`. */
export type Route =
  | {page: 'customers'}
  | {page: 'customer'; customerId: number}
  | {page: 'usage'}
  | {page: 'branding'}
  | {page: 'not-found'};

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/customers';
  if (path === '/' || path === '/customers') return {page: 'customers'};
  const detail = /^\/customers\/(\d+)$/.exec(path);
  if (detail) return {page: 'customer', customerId: Number(detail[1])};
  if (path === '/usage') return {page: 'usage'};
  if (path === '/branding') return {page: 'branding'};
  return {page: 'not-found'};
}

export function navigate(hash: string): void {
  location.hash = hash;
}
