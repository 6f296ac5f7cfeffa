/** Fault matrix, saves (a): see faults-saves.suite.ts. */
import {defineSaveSuite} from './faults-saves.suite.js';

defineSaveSuite('faults-saves-a', ['customer-form (create)', 'customer-detail (save)']);
