/** Registers `<reseller-user-list>` and the confirm dialog it uses (each skipped when already defined). */
import {defineConfirmDialog} from '../elements/confirm-dialog/confirm-dialog.js';
import {ResellerUserList} from '../elements/user-list/user-list.js';

defineConfirmDialog();
if (!customElements.get('reseller-user-list')) customElements.define('reseller-user-list', ResellerUserList);

export {ResellerUserList};
