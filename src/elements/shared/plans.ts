/** The plans an element offers: `GET /plans`, else the published list (shared by the customer form and the subscription panel). */
import type {ResellerClient} from '../../api/client.js';
import {isAbortError} from '../../api/errors.js';
import type {Plan} from '../../contract/schemas.js';

/** The plans when `GET /plans` fails: the published ones (DESIGN.md), so the form still works. */
export const FALLBACK_PLANS: readonly Plan[] = [
  {id: 'bronze', name: 'Bronze', monthly_minutes: 500, custom_models: false, priority_support: false},
  {id: 'silver', name: 'Silver', monthly_minutes: 2000, custom_models: false, priority_support: false},
  {id: 'gold', name: 'Gold', monthly_minutes: 10000, custom_models: true, priority_support: true},
  {id: 'enterprise', name: 'Enterprise', monthly_minutes: null, custom_models: true, priority_support: true},
];

/** `GET /plans`, or the fallback list when it fails (an abort still rejects). */
export async function loadPlans(client: ResellerClient, signal: AbortSignal): Promise<readonly Plan[]> {
  try {
    const plans = await client.getPlans({signal});
    return plans.length ? plans : FALLBACK_PLANS;
  } catch (error) {
    if (isAbortError(error) || signal.aborted) throw error;
    return FALLBACK_PLANS;
  }
}
