/** Fault matrix, saves (c): see faults-saves.suite.ts. */
import {defineSaveSuite} from './faults-saves.suite.js';

defineSaveSuite('faults-saves-c', ['brand-editor (save colour)', 'brand-editor (upload logo)']);
