/**
 * Registers `<reseller-customer-detail>` with the `<reseller-phone-field>` and the confirm dialog
 * it renders (each skipped when already defined). The tabs' elements are not registered here:
 * each loads when its tab first opens.
 */
import {defineConfirmDialog} from '../elements/confirm-dialog/confirm-dialog.js';
import {ResellerPhoneField} from '../elements/customer-form/phone-field.js';
import {ResellerCustomerDetail} from '../elements/customer-detail/customer-detail.js';

defineConfirmDialog();
if (!customElements.get('reseller-phone-field')) customElements.define('reseller-phone-field', ResellerPhoneField);
if (!customElements.get('reseller-customer-detail')) customElements.define('reseller-customer-detail', ResellerCustomerDetail);

export {ResellerCustomerDetail};
