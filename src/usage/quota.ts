/**
 * Quota levels of the current billing period: the kit's one quota rule, used by every meter, badge
 * and list (subscription panel, usage chart, the detail's Usage fallback, the dashboard). Pure.
 *
 * The rule: no quota (0 minutes) is `none`, not an alert: nothing is promised, the API reports
 * `usage_percent` 0 for it and the dashboard's "above 80 %" list cannot include it, so every tab
 * agrees. A quota is near its end strictly above 80 % (the spec's `usage_percent > 80`; the
 * warning reads "Above 80 % of the monthly quota") and used up at 100 %. The percentage is the
 * API's: minutes used / quota × 100 to one decimal (`usagePercent`), so a meter computed from
 * minutes and a list filtered on `usage_percent` put the same customer in the same level.
 */

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

/** `transcription_minutes / quota_minutes × 100` to one decimal, as the API's `usage_percent` (0 without a quota). */
export function usagePercent(usedMinutes: number, quotaMinutes: number): number {
  return quotaMinutes > 0 ? Math.round((usedMinutes / quotaMinutes) * 1000) / 10 : 0;
}

/** The level of `usedMinutes` against `quotaMinutes` (`quotaLevel` of their `usagePercent`). */
export function quotaLevelOf(usedMinutes: number, quotaMinutes: number): QuotaLevel {
  return quotaLevel(usagePercent(usedMinutes, quotaMinutes), quotaMinutes);
}

/** Whether a customer belongs in "above 80 % of quota". */
export const isNearQuota = (usagePercent: number, quotaMinutes: number): boolean => {
  const level = quotaLevel(usagePercent, quotaMinutes);
  return level === 'warning' || level === 'alert';
};
