/**
 * `reseller-elements/react/brand-editor`: the React component of `<reseller-brand-editor>` only. Importing it registers what
 * `reseller-elements/define/brand-editor` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerBrandEditor as ResellerBrandEditorElement} from '../define/brand-editor.js';
import {wrap} from './wrap.js';

export type {ResellerBrandEditorElement};

/** `<reseller-brand-editor>`. */
export const ResellerBrandEditor = wrap('reseller-brand-editor', ResellerBrandEditorElement, 'ResellerBrandEditor');
