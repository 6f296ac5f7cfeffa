/** The API layer: the client, its errors and the contract's types (schemas stay in src/contract/). */
export * from './client.js';
export * from './errors.js';
export type * from '../contract/schemas.js';
