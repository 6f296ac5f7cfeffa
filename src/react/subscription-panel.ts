/**
 * `reseller-elements/react/subscription-panel`: the React component of `<reseller-subscription-panel>` only. Importing it registers what
 * `reseller-elements/define/subscription-panel` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerSubscriptionPanel as ResellerSubscriptionPanelElement} from '../define/subscription-panel.js';
import {wrap} from './wrap.js';

export type {ResellerSubscriptionPanelElement};

/** `<reseller-subscription-panel>`. */
export const ResellerSubscriptionPanel = wrap('reseller-subscription-panel', ResellerSubscriptionPanelElement, 'ResellerSubscriptionPanel');
