/** The API layer: the client, its errors and the contract's types (schemas stay in contract.ts). */
export * from './client.js';
export * from './errors.js';
export type * from './contract.js';
