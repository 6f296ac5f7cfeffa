/** Registers `<reseller-customer-table>` and the confirm dialog it uses (each skipped when already defined). */
import {defineConfirmDialog} from '../elements/confirm-dialog/confirm-dialog.js';
import {ResellerCustomerTable} from '../elements/customer-table/customer-table.js';
import {defineElement} from './shared/define-element.js';

defineConfirmDialog();
defineElement('reseller-customer-table', ResellerCustomerTable);

export {ResellerCustomerTable};
