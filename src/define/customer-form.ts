/**
 * Registers `<reseller-customer-form>` and the `<reseller-phone-field>` it renders (each skipped
 * when the tag is already defined).
 */
import {ResellerCustomerForm} from '../elements/customer-form/customer-form.js';
import {ResellerPhoneField} from '../elements/customer-form/phone-field.js';

if (!customElements.get('reseller-phone-field')) customElements.define('reseller-phone-field', ResellerPhoneField);
if (!customElements.get('reseller-customer-form')) customElements.define('reseller-customer-form', ResellerCustomerForm);

export {ResellerCustomerForm, ResellerPhoneField};
