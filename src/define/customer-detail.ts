/**
 * Registers `<reseller-customer-detail>` and the sub-elements it declares (phone field, confirm
 * dialog, toast stack), each skipped when already defined. The tabs' elements are not registered
 * here: each loads when its tab first opens.
 */
import {ResellerCustomerDetail} from '../elements/customer-detail/customer-detail.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-customer-detail', ResellerCustomerDetail);

export {ResellerCustomerDetail};
