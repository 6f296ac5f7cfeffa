/** Registers `<reseller-user-list>` and the confirm dialog it uses (each skipped when already defined). */
import {defineConfirmDialog} from '../elements/confirm-dialog/confirm-dialog.js';
import {ResellerUserList} from '../elements/user-list/user-list.js';
import {defineElement} from './shared/define-element.js';

defineConfirmDialog();
defineElement('reseller-user-list', ResellerUserList);

export {ResellerUserList};
