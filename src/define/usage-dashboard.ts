/** Registers `<reseller-usage-dashboard>` and the `<reseller-usage-chart>` it shows (each skipped when already defined). */
import './usage-chart.js';
import {ResellerUsageDashboard} from '../elements/usage-dashboard/usage-dashboard.js';
import {defineElement} from './shared/define-element.js';

defineElement('reseller-usage-dashboard', ResellerUsageDashboard);

export {ResellerUsageDashboard};
