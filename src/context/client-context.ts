/**
 * The client context: the `ResellerClient` that `<reseller-provider>` provides and `ApiController`
 * consumes (with `subscribe: true`, so a new client re-renders the consumers and their tasks run
 * again).
 *
 * The key is a string (not a `Symbol()`) on purpose: two copies of the kit on one page, or a
 * provider from another module graph, still meet.
 */
import {createContext} from '@lit/context';
import type {ResellerClient} from '../api/client.js';

export const clientContext = createContext<ResellerClient | undefined>('reseller-elements:client');
