/**
 * `reseller-elements/react/usage-chart`: the React component of `<reseller-usage-chart>` only. Importing it registers what
 * `reseller-elements/define/usage-chart` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerUsageChart as ResellerUsageChartElement} from '../define/usage-chart.js';
import {wrap} from './wrap.js';

export type {ResellerUsageChartElement};

/** `<reseller-usage-chart>`. */
export const ResellerUsageChart = wrap('reseller-usage-chart', ResellerUsageChartElement, 'ResellerUsageChart');
