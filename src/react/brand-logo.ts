/**
 * `reseller-elements/react/brand-logo`: the React component of `<reseller-brand-logo>` only. Importing it registers what
 * `reseller-elements/define/brand-logo` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerBrandLogo as ResellerBrandLogoElement} from '../define/brand-logo.js';
import {wrap} from './wrap.js';

export type {ResellerBrandLogoElement};

/** `<reseller-brand-logo>`. */
export const ResellerBrandLogo = wrap('reseller-brand-logo', ResellerBrandLogoElement, 'ResellerBrandLogo');
