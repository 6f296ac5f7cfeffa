/** Registers `<reseller-token-manager>` and the confirm dialog it uses (each skipped when already defined). */
import {defineConfirmDialog} from '../elements/confirm-dialog/confirm-dialog.js';
import {ResellerTokenManager} from '../elements/token-manager/token-manager.js';
import {defineElement} from './shared/define-element.js';

defineConfirmDialog();
defineElement('reseller-token-manager', ResellerTokenManager);

export {ResellerTokenManager};
