/**
 * `npm run sandbox:snapshot` (and `prepare`, so `npm ci` runs it): seeds the demo database in memory
 * and keeps it in node_modules/.cache/reseller-sandbox/ for `npm start` and `npm run sandbox`, which
 * restore it into an empty data directory instead of seeding (sandbox/snapshot.ts). Skipped when
 * the file for the current seed exists; never fails the install (without it the first start seeds).
 */
import {existsSync} from 'node:fs';
import {buildSeedSnapshot, seedSnapshotPath} from '../sandbox/snapshot.js';

const started = performance.now();
const file = seedSnapshotPath();
if (existsSync(file) && !process.argv.includes('--force')) {
  console.log(`sandbox seed snapshot: up to date (${file})`);
} else {
  try {
    const {bytes} = await buildSeedSnapshot(file);
    console.log(`sandbox seed snapshot: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s (${file})`);
  } catch (error) {
    console.warn(`sandbox seed snapshot: not built (${(error as Error).message}); the first \`npm start\` seeds instead`);
  }
}
