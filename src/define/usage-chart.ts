/** Registers `<reseller-usage-chart>` (skipped when already defined). */
import {ResellerUsageChart} from '../elements/usage-chart/usage-chart.js';

if (!customElements.get('reseller-usage-chart')) customElements.define('reseller-usage-chart', ResellerUsageChart);

export {ResellerUsageChart};
