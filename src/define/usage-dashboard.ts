/** Registers `<reseller-usage-dashboard>` and the `<reseller-usage-chart>` it declares (each skipped when already defined). */
import {ResellerUsageDashboard} from '../elements/usage-dashboard/usage-dashboard.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-usage-dashboard', ResellerUsageDashboard);

export {ResellerUsageDashboard};
