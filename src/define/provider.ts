/** Registers `<reseller-provider>` (skipped when the tag is already defined). */
import {ResellerProvider} from '../elements/provider/provider.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-provider', ResellerProvider);

export {ResellerProvider};
