/** Registers `<reseller-usage-dashboard>` and the `<reseller-usage-chart>` it shows (each skipped when already defined). */
import './usage-chart.js';
import {ResellerUsageDashboard} from '../elements/usage-dashboard/usage-dashboard.js';

if (!customElements.get('reseller-usage-dashboard')) customElements.define('reseller-usage-dashboard', ResellerUsageDashboard);

export {ResellerUsageDashboard};
