/** Registers `<reseller-subscription-panel>` and the confirm dialog it uses (each skipped when already defined). */
import {defineConfirmDialog} from '../elements/confirm-dialog/confirm-dialog.js';
import {ResellerSubscriptionPanel} from '../elements/subscription-panel/subscription-panel.js';
import {defineElement} from './shared/define-element.js';

defineConfirmDialog();
defineElement('reseller-subscription-panel', ResellerSubscriptionPanel);

export {ResellerSubscriptionPanel};
