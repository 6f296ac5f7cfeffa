/** Registers `<reseller-token-manager>` and the sub-elements it declares (each skipped when already defined). */
import {ResellerTokenManager} from '../elements/token-manager/token-manager.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-token-manager', ResellerTokenManager);

export {ResellerTokenManager};
