/** Registers `<reseller-provider>` (skipped when the tag is already defined). */
import {ResellerProvider} from '../elements/provider/provider.js';
import {defineElement} from './shared/define-element.js';

defineElement('reseller-provider', ResellerProvider);

export {ResellerProvider};
