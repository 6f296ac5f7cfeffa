/**
 * `reseller-elements/react/usage-dashboard`: the React component of `<reseller-usage-dashboard>` only. Importing it registers what
 * `reseller-elements/define/usage-dashboard` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerUsageDashboard as ResellerUsageDashboardElement} from '../define/usage-dashboard.js';
import {wrap} from './wrap.js';

export type {ResellerUsageDashboardElement};

/** `<reseller-usage-dashboard>` (with the chart it renders). */
export const ResellerUsageDashboard = wrap('reseller-usage-dashboard', ResellerUsageDashboardElement, 'ResellerUsageDashboard');
