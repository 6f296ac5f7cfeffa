/** The bench page's script: the kit's define modules the benchmark uses, and `window.bench`. */
import '../../src/define/provider.js';
import '../../src/define/customer-table.js';
import '../../src/define/customer-detail.js';
import '../../src/define/usage-chart.js';
import '../../src/define/transcript-viewer.js';
import {harness} from './harness.js';

window.bench = harness;
document.documentElement.dataset.benchReady = 'true';
