/**
 * `reseller-elements/react/user-list`: the React component of `<reseller-user-list>` only. Importing it registers what
 * `reseller-elements/define/user-list` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerUserList as ResellerUserListElement} from '../define/user-list.js';
import {wrap} from './wrap.js';

export type {ResellerUserListElement};

/** `<reseller-user-list>`. */
export const ResellerUserList = wrap('reseller-user-list', ResellerUserListElement, 'ResellerUserList');
