/** Registers `<reseller-customer-table>` (skipped when the tag is already defined). */
import {ResellerCustomerTable} from '../elements/customer-table/customer-table.js';

if (!customElements.get('reseller-customer-table')) customElements.define('reseller-customer-table', ResellerCustomerTable);

export {ResellerCustomerTable};
