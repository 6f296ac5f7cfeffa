/**
 * `reseller-elements/react/customer-table`: the React component of `<reseller-customer-table>` only. Importing it registers what
 * `reseller-elements/define/customer-table` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerCustomerTable as ResellerCustomerTableElement} from '../define/customer-table.js';
import type {PerPage} from '../contract/schemas.js';
import {wrap, type Narrowed} from './wrap.js';

export type {ResellerCustomerTableElement};

/** `<reseller-customer-table>` (with the New Customer form it opens). */
const Component = wrap('reseller-customer-table', ResellerCustomerTableElement, 'ResellerCustomerTable');
/** `perPage` takes the page sizes (25, 50, 75, 100) only. */
export const ResellerCustomerTable: Narrowed<typeof Component, {perPage?: PerPage}> = Component;
