/** Registers `<reseller-brand-logo>` (skipped when the tag is already defined). */
import {ResellerBrandLogo} from '../elements/brand-logo/brand-logo.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-brand-logo', ResellerBrandLogo);

export {ResellerBrandLogo};
