/**
 * Registers `<reseller-customer-form>` and the `<reseller-phone-field>` it renders (each skipped
 * when the tag is already defined).
 */
import {ResellerCustomerForm} from '../elements/customer-form/customer-form.js';
import {ResellerPhoneField} from '../elements/phone-field/phone-field.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-phone-field', ResellerPhoneField);
defineElement('reseller-customer-form', ResellerCustomerForm);

export {ResellerCustomerForm, ResellerPhoneField};
