/**
 * The sandbox's control API, for stories (and tests that reuse story helpers): every story gets a
 * fresh tenant on the page's own origin (Storybook dev mounts the sandbox as middleware; the
 * static build is served next to it by scripts/smoke-stories.mjs), so no two stories share state.
 */

/** A fault rule, as `PUT /__sandbox/faults` takes it (see CONTRIBUTING.md). */
export interface FaultRule {
  method?: string;
  path?: string;
  status?: number;
  body?: 'malformed' | 'invalid';
  delay_ms?: number;
  drop?: boolean;
  retry_after?: number;
  times?: number;
  /** The response body exactly as given (JSON text), instead of the real answer. */
  body_raw?: string;
}

/** Who the story's provider authenticates as. */
export const STORY_ROLES = ['reseller', 'resellee', 'none'] as const;
export type StoryRole = (typeof STORY_ROLES)[number];

/** `parameters.sandbox` of a story. */
export interface SandboxParameters {
  /** Seeded customers of the fresh tenant (default 30). */
  customers?: number;
  /** Seed of the generated data (same seed, same data). */
  seed?: number;
  /** Token given to the provider: the tenant's RESELLER token (default), its RESELLEE token, or none. */
  role?: StoryRole;
  /** Fault rules for the tenant, set before the story renders. */
  faults?: FaultRule[];
  /** Skip the sandbox entirely (a story that needs no API). */
  disabled?: boolean;
}

export interface StoryTenant {
  tenantId: string | number;
  name: string;
  /** The token the story's provider gets (null for role "none"). */
  token: string | null;
  tokens: {reseller: string; resellee: string};
}

const CONTROL = '/__sandbox';

async function control(path: string, init: RequestInit): Promise<Response> {
  const response = await fetch(`${CONTROL}${path}`, init);
  if (!response.ok) {
    throw new Error(`sandbox control API: ${init.method ?? 'GET'} ${CONTROL}${path} answered ${response.status}: ${await response.text()}`);
  }
  return response;
}

/** The data generator's seed for stories that do not set one. */
const STORY_SEED = 4242;

/** Creates a fresh tenant, applies the fault rules and picks the token for the requested role. */
export async function createStoryTenant(options: SandboxParameters = {}): Promise<StoryTenant> {
  const {customers, seed, role = 'reseller', faults} = options;
  const body: Record<string, unknown> = {};
  if (customers !== undefined) body.customers = customers;
  // The same data on every visit (and in every smoke run) unless the story asks for other data.
  body.seed = seed ?? STORY_SEED;
  const created = (await (
    await control('/tenants', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)})
  ).json()) as {tenant_id: string | number; name: string; tokens: {reseller: string; resellee: string}};
  if (faults?.length) await setFaults(created.tokens.reseller, faults);
  const token = role === 'reseller' ? created.tokens.reseller : role === 'resellee' ? created.tokens.resellee : null;
  return {tenantId: created.tenant_id, name: created.name, token, tokens: created.tokens};
}

/** The invited user accepts their invitation (control API): the only way from invited to active. */
export async function acceptInvitation(resellerToken: string, userId: number): Promise<void> {
  await (await control(`/users/${userId}/accept`, {method: 'POST', headers: {authorization: `Bearer ${resellerToken}`}})).arrayBuffer();
}

/** Replaces the tenant's fault rules (`[]` clears them). */
export async function setFaults(resellerToken: string, rules: FaultRule[]): Promise<void> {
  // The body is read: an answer with Cache-Control: no-store whose body is never read stays "in flight" in Chromium.
  await (await control('/faults', {
    method: 'PUT',
    headers: {'content-type': 'application/json', authorization: `Bearer ${resellerToken}`},
    body: JSON.stringify({rules}),
  })).arrayBuffer();
}

/**
 * Starts a simulation (`POST /__sandbox/simulate`): `count` transcriptions for the customer, each
 * `processing` first and finished every `interval_ms`, with their usage (the live stories).
 */
export async function simulateStory(resellerToken: string, body: {customer_id: number; count?: number; interval_ms?: number; duration_seconds?: number}): Promise<void> {
  await (await control('/simulate', {
    method: 'POST',
    headers: {'content-type': 'application/json', authorization: `Bearer ${resellerToken}`},
    body: JSON.stringify(body),
  })).arrayBuffer();
}

/** Adds a transcript to one of the tenant's customers (`POST /__sandbox/transcripts`) and returns its id. */
export async function createStoryTranscript(resellerToken: string, body: {
  customer_id: number; title: string; status?: string; language?: string; documents?: string[];
  duration_seconds?: number; segments?: Array<{speaker: string; text: string}>;
}): Promise<number> {
  const response = await control('/transcripts', {
    method: 'POST',
    headers: {'content-type': 'application/json', authorization: `Bearer ${resellerToken}`},
    body: JSON.stringify(body),
  });
  return ((await response.json()) as {id: number}).id;
}
