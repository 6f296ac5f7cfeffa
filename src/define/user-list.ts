/** Registers `<reseller-user-list>` and the sub-elements it declares (each skipped when already defined). */
import {ResellerUserList} from '../elements/user-list/user-list.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-user-list', ResellerUserList);

export {ResellerUserList};
