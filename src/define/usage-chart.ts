/** Registers `<reseller-usage-chart>` (skipped when already defined). */
import {ResellerUsageChart} from '../elements/usage-chart/usage-chart.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-usage-chart', ResellerUsageChart);

export {ResellerUsageChart};
