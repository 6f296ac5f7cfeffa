/** Registers `<reseller-customer-table>` and the sub-elements it declares (each skipped when already defined); the New Customer dialog loads on first use. */
import {ResellerCustomerTable} from '../elements/customer-table/customer-table.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-customer-table', ResellerCustomerTable);

export {ResellerCustomerTable};
