/** The plans an element offers: `GET /plans`, else the published list (shared by the customer form and the subscription panel). */
import type {ResellerClient} from '../../api/client.js';
import {isAbortError} from '../../api/errors.js';
import {PLANS} from '../../contract/constants.js';
import type {Plan} from '../../contract/schemas.js';

/** The plans when `GET /plans` fails: the published ones (the contract's `PLANS`), so the form still works. */
export const FALLBACK_PLANS: readonly Plan[] = PLANS;

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
