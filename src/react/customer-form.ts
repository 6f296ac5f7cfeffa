/**
 * `reseller-elements/react/customer-form`: the React components of `<reseller-customer-form>`, `<reseller-phone-field>` only. Importing it registers what
 * `reseller-elements/define/customer-form` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerCustomerForm as ResellerCustomerFormElement, ResellerPhoneField as ResellerPhoneFieldElement} from '../define/customer-form.js';
import {wrap} from './wrap.js';

export type {ResellerCustomerFormElement, ResellerPhoneFieldElement};

/** `<reseller-customer-form>`: the New Customer dialog or inline form. */
export const ResellerCustomerForm = wrap('reseller-customer-form', ResellerCustomerFormElement, 'ResellerCustomerForm');

/** `<reseller-phone-field>`: the form's phone input (fires the native `input`/`change`). */
export const ResellerPhoneField = wrap('reseller-phone-field', ResellerPhoneFieldElement, 'ResellerPhoneField');
