/** Quota levels of the current billing period (the spec: warn when usage_percent > 80). Pure. */

/** Above this percentage (strictly) a customer is near its quota. */
export const QUOTA_WARNING_PERCENT = 80;
/** At or above this percentage the quota is used up. */
export const QUOTA_ALERT_PERCENT = 100;

export type QuotaLevel = 'none' | 'ok' | 'warning' | 'alert';

/** `none` without a quota; `alert` at ≥ 100 %; `warning` above 80 %; else `ok`. */
export function quotaLevel(usagePercent: number, quotaMinutes: number): QuotaLevel {
  if (!(quotaMinutes > 0)) return 'none';
  if (usagePercent >= QUOTA_ALERT_PERCENT) return 'alert';
  if (usagePercent > QUOTA_WARNING_PERCENT) return 'warning';
  return 'ok';
}

/** Whether a customer belongs in "above 80 % of quota". */
export const isNearQuota = (usagePercent: number, quotaMinutes: number): boolean => {
  const level = quotaLevel(usagePercent, quotaMinutes);
  return level === 'warning' || level === 'alert';
};
