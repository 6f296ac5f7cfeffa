/** Shared styles: theme tokens, shared CSS, state templates and colour maths. */
export {tokens, PUBLIC_TOKENS, DENSITIES, type PublicToken} from './tokens.js';
export {shared} from './shared.js';
export {renderLoading, renderEmpty, renderError, renderAccessRequired} from './states.js';
export * from './color.js';
