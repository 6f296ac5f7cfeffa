/**
 * Registers every element of the kit (each define module skips an already-defined tag; a tag
 * another copy of the kit defined gets one console warning per page: elements/shared/registration.ts).
 * `node scripts/build.mjs` checks that every `src/define/*.ts` module is imported here.
 */
import './brand-editor.js';
import './brand-logo.js';
import './customer-detail.js';
import './customer-form.js';
import './customer-table.js';
import './provider.js';
import './report-list.js';
import './subscription-panel.js';
import './token-manager.js';
import './transcript-viewer.js';
import './transcription-list.js';
import './usage-chart.js';
import './usage-dashboard.js';
import './user-list.js';
