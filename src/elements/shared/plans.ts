/**
 * The plans an element offers: `GET /plans`, else the published list, and the one label a plan has
 * wherever it is offered (the customer form and the subscription panel).
 */
import type {ResellerClient} from '../../api/client.js';
import {isAbortError} from '../../api/errors.js';
import {PLANS} from '../../contract/constants.js';
import type {Plan} from '../../contract/schemas.js';
import type {MessageKey} from '../../i18n/en.js';
import type {MessageParams} from '../../i18n/translate.js';

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

/** `Bronze – 500 minutes a month`, `Enterprise – custom monthly minutes` (localised): one label per plan everywhere. */
export function planOptionLabel(plan: Plan, t: (key: MessageKey, params?: MessageParams) => string): string {
  const name = t(`plan.${plan.id}`);
  return plan.monthly_minutes === null ? t('planOption.custom', {plan: name}) : t('planOption.minutes', {plan: name, minutes: plan.monthly_minutes});
}
