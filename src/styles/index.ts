/** Shared styles: theme tokens, shared CSS and colour maths (the state templates: elements/shared/states.ts). */
export {tokens, PUBLIC_TOKENS, DENSITIES, type PublicToken} from './tokens.js';
export {shared} from './shared.js';
export * from './color.js';
