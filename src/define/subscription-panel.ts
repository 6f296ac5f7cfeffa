/** Registers `<reseller-subscription-panel>` and the sub-elements it declares (each skipped when already defined). */
import {ResellerSubscriptionPanel} from '../elements/subscription-panel/subscription-panel.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-subscription-panel', ResellerSubscriptionPanel);

export {ResellerSubscriptionPanel};
