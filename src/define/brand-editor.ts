/** Registers `<reseller-brand-editor>` and the sub-elements it declares (each skipped when already defined). */
import {ResellerBrandEditor} from '../elements/brand-editor/brand-editor.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-brand-editor', ResellerBrandEditor);

export {ResellerBrandEditor};
