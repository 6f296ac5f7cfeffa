/**
 * The plan change of `<reseller-subscription-panel>`, as pure functions: which plan and quota the
 * operator chose → whether it differs from the current subscription, the `SubscriptionUpdate`
 * body or the quota field's message, and the confirmation text that shows the new quota.
 */
import {QUOTA_MAX} from '../../contract/constants.js';
import type {Plan, PlanId, Subscription, SubscriptionUpdate} from '../../contract/schemas.js';
import type {MessageKey} from '../../i18n/en.js';
import type {MessageParams} from '../../i18n/translate.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export {QUOTA_MAX};

/** What the operator chose: a plan and, for Enterprise, the quota input's text. */
export interface PlanChoice {
  plan: PlanId;
  quota: string;
}

/** Whether the choice changes the subscription (another plan, or another Enterprise quota). */
export function isChange(choice: PlanChoice, current: Subscription): boolean {
  if (choice.plan !== current.plan) return true;
  return choice.plan === 'enterprise' && choice.quota.trim() !== String(current.quota_minutes);
}

/** The PUT body, or the message for the quota field. */
export function planUpdate(choice: PlanChoice, t: Translate): {body: SubscriptionUpdate; error: null} | {body: null; error: string} {
  if (choice.plan !== 'enterprise') return {body: {plan: choice.plan}, error: null};
  const text = choice.quota.trim();
  if (!text) return {body: null, error: t('subscription.errors.quotaRequired')};
  if (!/^\d+$/.test(text)) return {body: null, error: t('field.numberInvalid')};
  // The contract's SubscriptionUpdate rule for a whole number: 1 to QUOTA_MAX (checked here without
  // the schemas, which load lazily; the server checks the body with them).
  const quota = Number(text);
  if (quota < 1) return {body: null, error: t('field.numberMin', {min: 1})};
  if (quota > QUOTA_MAX) return {body: null, error: t('field.numberMax', {max: QUOTA_MAX})};
  return {body: {plan: 'enterprise', quota_minutes: quota}, error: null};
}

/** The new monthly quota of a choice (Enterprise: the typed one). */
export function newQuota(choice: PlanChoice, plans: readonly Plan[]): number {
  if (choice.plan === 'enterprise') return Number(choice.quota.trim());
  return plans.find((p) => p.id === choice.plan)?.monthly_minutes ?? 0;
}

/** The confirmation's message: new quota (and the current one), features, when it applies. */
export function confirmMessage(
  choice: PlanChoice,
  current: Subscription,
  plans: readonly Plan[],
  t: Translate,
  number: (n: number) => string,
): string {
  const plan = plans.find((p) => p.id === choice.plan);
  const yes = t('subscription.included');
  const no = t('subscription.notIncluded');
  return [
    t('subscription.confirm.quota', {minutes: number(newQuota(choice, plans)), current: number(current.quota_minutes)}),
    t('subscription.confirm.features', {models: plan?.custom_models ? yes : no, support: plan?.priority_support ? yes : no}),
    t('subscription.confirm.message'),
  ].join(' ');
}
