/** Registers `<reseller-provider>` (skipped when the tag is already defined). */
import {ResellerProvider} from '../elements/provider/provider.js';

if (!customElements.get('reseller-provider')) customElements.define('reseller-provider', ResellerProvider);

export {ResellerProvider};
