/**
 * `reseller-elements/react/provider`: the React component of `<reseller-provider>` only. Importing it registers what
 * `reseller-elements/define/provider` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerProvider as ResellerProviderElement} from '../define/provider.js';
import {wrap} from './wrap.js';

export type {ResellerProviderElement};

/** `<reseller-provider>`: the API client, token and locale for the elements inside (its children). */
export const ResellerProvider = wrap('reseller-provider', ResellerProviderElement, 'ResellerProvider');
