/** Registers `<reseller-brand-editor>` and the confirm dialog it uses (each skipped when already defined). */
import {ResellerBrandEditor} from '../elements/brand-editor/brand-editor.js';
import {defineConfirmDialog} from '../elements/confirm-dialog/confirm-dialog.js';
import {defineElement} from './shared/define-element.js';

defineConfirmDialog();
defineElement('reseller-brand-editor', ResellerBrandEditor);

export {ResellerBrandEditor};
