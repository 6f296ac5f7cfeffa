/** Fault matrix, saves (b): see faults-saves.suite.ts. */
import {defineSaveSuite} from './faults-saves.suite.js';

defineSaveSuite('faults-saves-b', ['subscription-panel (change plan)', 'token-manager (create)', 'token-manager (revoke)']);
