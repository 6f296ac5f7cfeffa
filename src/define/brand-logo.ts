/** Registers `<reseller-brand-logo>` (skipped when the tag is already defined). */
import {ResellerBrandLogo} from '../elements/brand-logo/brand-logo.js';

if (!customElements.get('reseller-brand-logo')) customElements.define('reseller-brand-logo', ResellerBrandLogo);

export {ResellerBrandLogo};
