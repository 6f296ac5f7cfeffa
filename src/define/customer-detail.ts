/**
 * Registers `<reseller-customer-detail>` with the `<reseller-phone-field>` and the confirm dialog
 * it renders (each skipped when already defined). The tabs' elements are not registered here:
 * each loads when its tab first opens.
 */
import {defineConfirmDialog} from '../elements/confirm-dialog/confirm-dialog.js';
import {ResellerPhoneField} from '../elements/phone-field/phone-field.js';
import {ResellerCustomerDetail} from '../elements/customer-detail/customer-detail.js';
import {defineElement} from './shared/define-element.js';

defineConfirmDialog();
defineElement('reseller-phone-field', ResellerPhoneField);
defineElement('reseller-customer-detail', ResellerCustomerDetail);

export {ResellerCustomerDetail};
