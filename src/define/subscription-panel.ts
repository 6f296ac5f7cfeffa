/** Registers `<reseller-subscription-panel>` and the confirm dialog it uses (each skipped when already defined). */
import {defineConfirmDialog} from '../elements/confirm-dialog/confirm-dialog.js';
import {ResellerSubscriptionPanel} from '../elements/subscription-panel/subscription-panel.js';

defineConfirmDialog();
if (!customElements.get('reseller-subscription-panel')) customElements.define('reseller-subscription-panel', ResellerSubscriptionPanel);

export {ResellerSubscriptionPanel};
