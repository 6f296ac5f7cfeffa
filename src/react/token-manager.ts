/**
 * `reseller-elements/react/token-manager`: the React component of `<reseller-token-manager>` only. Importing it registers what
 * `reseller-elements/define/token-manager` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerTokenManager as ResellerTokenManagerElement} from '../define/token-manager.js';
import {wrap} from './wrap.js';

export type {ResellerTokenManagerElement};

/** `<reseller-token-manager>`. */
export const ResellerTokenManager = wrap('reseller-token-manager', ResellerTokenManagerElement, 'ResellerTokenManager');
