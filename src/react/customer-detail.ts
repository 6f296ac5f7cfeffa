/**
 * `reseller-elements/react/customer-detail`: the React component of `<reseller-customer-detail>` only. Importing it registers what
 * `reseller-elements/define/customer-detail` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerCustomerDetail as ResellerCustomerDetailElement} from '../define/customer-detail.js';
import {wrap} from './wrap.js';

export type {ResellerCustomerDetailElement};

/** `<reseller-customer-detail>` (each tab's element loads when the tab first opens). */
export const ResellerCustomerDetail = wrap('reseller-customer-detail', ResellerCustomerDetailElement, 'ResellerCustomerDetail');
