/**
 * `npm test`: every check the project has, in order, stopping at the first failing step. Each
 * step's output is streamed as it runs. A step that prints a plain `N passed, N failed` line adds
 * those numbers to the total; a step without one counts as 1 passed or 1 failed by its exit code.
 * The very last line of the output is the total: `N passed, N failed`.
 *
 *   npm test                                 everything
 *   npm test -- --only lint,browser          only these steps (names below)
 *   npm test -- --skip e2e,storybook         all but these
 *   BROWSERS=chromium npm test               browser tests in Chromium only (see scripts/browsers.mjs)
 *   CI=true npm test                         a missing browser engine fails instead of being skipped
 *
 * Steps: typecheck, lint (eslint, lit-analyzer), sandbox (sandbox, scripts), browser, build (build, size, package),
 * storybook (build-storybook, smoke-stories), e2e, reliability (reliability-report). STEP_TIMEOUT_MIN (default 20) bounds each step (the story smoke: 35 unless STEP_TIMEOUT_MIN is set).
 */
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {loadavg} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const hasScript = (name) => typeof pkg.scripts?.[name] === 'string';
const exists = (path) => existsSync(join(root, path));

/**
 * lit-analyzer 2.0.3, kept identical to package.json's "lint" script. Its settings live in
 * tsconfig.json (`plugins: [{name: "ts-lit-plugin", ...}]`, shared with the editor plugin): strict
 * rules; `no-invalid-css` off because its CSS data (2020) rejects `color-scheme`, `accent-color`;
 * `globalAttributes` for attributes its HTML data predates (popover, popovertarget, inert, ...).
 * Warnings fail the step.
 */
const LIT_ANALYZER_ARGS = ['src', '--strict', '--maxWarnings', '0'];

// ================================================================================================
// Every step is required: a step whose files are missing fails `npm test` like any other failure.
const MAY_BE_ABSENT = new Set();
// ================================================================================================

/**
 * @typedef {object} Step
 * @property {string} name         unique, used by --only/--skip (with its group)
 * @property {string} group        typecheck | lint | sandbox | browser | build | storybook | e2e
 * @property {string} title
 * @property {string[]} [command]  argv
 * @property {number} [timeoutMin]  this step's bound in minutes (else STEP_TIMEOUT_MIN, default 20)
 * @property {Record<string, string>} [env]  extra environment for the command
 * @property {() => boolean} [present]
 * @property {string} [absent]     what is missing when not present
 * @property {() => Promise<{passed: number, failed: number, code: number} | null>} [before]
 */

/** @type {Step[]} */
const steps = [
  {
    name: 'typecheck',
    group: 'typecheck',
    title: 'typecheck: tsc -p tsconfig.json --noEmit',
    command: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'],
  },
  {
    name: 'eslint',
    group: 'lint',
    title: 'lint: eslint .',
    command: [bin('eslint'), '.'],
  },
  {
    name: 'lit-analyzer',
    group: 'lint',
    title: 'lint: lit-analyzer src (strict, warnings fail)',
    command: [bin('lit-analyzer'), ...LIT_ANALYZER_ARGS],
    before: litAnalyzerCanary,
  },
  {
    name: 'sandbox',
    group: 'sandbox',
    title: 'sandbox: npm run test:sandbox',
    command: ['npm', 'run', '--silent', 'test:sandbox'],
    present: () => hasScript('test:sandbox'),
    absent: 'package.json has no "test:sandbox" script',
  },
  {
    name: 'scripts',
    group: 'sandbox',
    title: 'build scripts: node --test test/scripts/',
    command: ['node', '--test', '--test-reporter=spec', 'test/scripts/'],
  },
  // One engine at a time: three browsers in parallel on a small machine made timing-sensitive
  // tests (dialogs, typing through WebDriver) fail under load although each engine passes alone.
  ...(process.env.BROWSERS || 'chromium,firefox,webkit').split(',').map((engine) => engine.trim()).filter(Boolean).map((engine) => ({
    name: `browser-${engine}`,
    group: 'browser',
    title: `browser tests in ${engine}: BROWSERS=${engine} npm run test:browser`,
    command: ['npm', 'run', '--silent', 'test:browser'],
    env: {BROWSERS: engine},
  })),
  {
    name: 'build',
    group: 'build',
    title: 'build: npm run build',
    command: ['npm', 'run', '--silent', 'build'],
    present: () => hasScript('build') && exists('scripts/build.mjs'),
    absent: 'scripts/build.mjs',
  },
  {
    name: 'size',
    group: 'build',
    title: 'size budget: node scripts/size.mjs',
    command: ['node', 'scripts/size.mjs'],
    present: () => exists('scripts/size.mjs'),
    absent: 'scripts/size.mjs',
  },
  {
    // What `npm pack` publishes (file list, publint, attw, imports without a DOM) and the editor data.
    name: 'package',
    group: 'build',
    title: 'package checks: node --test test/package/',
    // spec for people, plus the plain `N passed, N failed` line this script counts
    command: [
      'node', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-test-counts.mjs', '--test-reporter-destination=stdout', 'test/package/',
    ],
  },
  {
    name: 'build-storybook',
    group: 'storybook',
    title: 'storybook: npm run build-storybook',
    command: ['npm', 'run', '--silent', 'build-storybook'],
    present: () => hasScript('build-storybook') && exists('.storybook/main.ts'),
    absent: '.storybook/main.ts',
  },
  {
    name: 'smoke-stories',
    group: 'storybook',
    // 149 stories × 8 locale/theme combinations with axe, and 16 docs pages: the longest step. The
    // rehearsal of stop 18 (2 cores, load 7–11, beside a browser suite for its first 12 minutes) was
    // stopped at 20 min with 139 of 149 stories checked, none failing for time. Its own bound.
    // 2 stories at once (and docs pages), SMOKE_CONCURRENCY to change it: see docs/testing.md. Its
    // "cores busy" figure below misses most of Chromium (its helper processes are not all waited
    // for): sampled over the whole process tree, 2 at once keep ~1.6 cores busy on a quiet machine.
    timeoutMin: 35,
    title: 'stories smoke test: node scripts/smoke-stories.mjs',
    command: ['node', 'scripts/smoke-stories.mjs'],
    present: () => exists('scripts/smoke-stories.mjs'),
    absent: 'scripts/smoke-stories.mjs',
  },
  {
    name: 'e2e',
    group: 'e2e',
    title: 'e2e: node test/e2e/run.mjs',
    command: ['node', 'test/e2e/run.mjs'],
    present: () => exists('test/e2e/run.mjs'),
    absent: 'test/e2e/run.mjs',
  },
  // Last: merges the reliability suites' reports/reliability/*.json into docs/reliability.md; fails
  // on a failed cell, and in a full run on an area without a report from this run.
  {
    name: 'reliability-report',
    group: 'reliability',
    title: 'reliability matrix: node scripts/reliability-report.mjs → docs/reliability.md',
    command: ['node', 'scripts/reliability-report.mjs'],
    env: {
      RELIABILITY_SINCE: new Date().toISOString(),
      RELIABILITY_FULL: process.argv.some((a) => /^--(only|skip)\b/.test(a)) ? '0' : '1',
    },
  },
];

// ---- arguments ---------------------------------------------------------------------------------
function listArg(flag) {
  const i = process.argv.indexOf(flag);
  const inline = process.argv.find((a) => a.startsWith(`${flag}=`));
  const value = inline ? inline.slice(flag.length + 1) : i >= 0 ? process.argv[i + 1] : undefined;
  if (value === undefined) return null;
  return new Set(value.split(',').map((s) => s.trim()).filter(Boolean));
}
const only = listArg('--only');
const skip = listArg('--skip') ?? new Set();
const known = new Set(steps.flatMap((s) => [s.name, s.group]));
for (const name of [...(only ?? []), ...skip]) {
  if (!known.has(name)) {
    console.error(`unknown step "${name}"; steps: ${[...known].join(', ')}`);
    console.log('0 passed, 1 failed');
    process.exit(2);
  }
}
const selected = (s) => (!only || only.has(s.name) || only.has(s.group)) && !skip.has(s.name) && !skip.has(s.group);

// ---- running one command -----------------------------------------------------------------------
const STEP_TIMEOUT_MS = Number(process.env.STEP_TIMEOUT_MIN || 20) * 60_000;
const env = {...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', STORYBOOK_DISABLE_TELEMETRY: '1'};
/** @type {import('node:child_process').ChildProcess | null} */
let current = null;
let interrupted = null;

function signalGroup(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // gone
    }
  }
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (interrupted) {
      signalGroup(current, 'SIGKILL');
      process.exit(130);
    }
    interrupted = sig;
    console.error(`\n${sig}: stopping the current step (again to force)`);
    // The step runs in its own process group; give it the signal so it can clean up
    // (web-test-runner stops its browsers, WebKitWebDriver and Xvfb on SIGTERM/SIGINT).
    signalGroup(current, sig);
  });
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;
const COUNT_LINE = /^\s*(\d+) passed, (\d+) failed\s*$/gm;

/**
 * Runs argv with output streamed; returns its exit code and the last `N passed, N failed` line.
 * @param {string[]} argv
 * @param {{quiet?: boolean}} [options]
 */
function run(argv, {quiet = false, extraEnv = {}, timeoutMs = STEP_TIMEOUT_MS} = {}) {
  return new Promise((resolve) => {
    const [cmd, ...args] = argv;
    // Own process group: a stop signal reaches the whole step (npm, node, its helpers).
    const child = spawn(cmd, args, {cwd: root, env: {...env, ...extraEnv}, stdio: ['ignore', 'pipe', 'pipe'], detached: true});
    current = child;
    let tail = '';
    let output = '';
    const keep = (chunk) => {
      tail = (tail + chunk).slice(-65_536);
      if (quiet) output += chunk;
    };
    child.stdout.on('data', (d) => {
      keep(d.toString());
      if (!quiet) process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      keep(d.toString());
      if (!quiet) process.stderr.write(d);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\nstep exceeded ${timeoutMs / 60_000} min: SIGTERM`);
      signalGroup(child, 'SIGTERM');
      setTimeout(() => signalGroup(child, 'SIGKILL'), 15_000).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      tail += `\n${error.message}`;
      if (!quiet) console.error(error.message);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = null;
      const matches = [...tail.replace(ANSI, '').matchAll(COUNT_LINE)];
      const last = matches.at(-1);
      resolve({
        code: code ?? (signal ? 128 : 1),
        signal,
        timedOut,
        counts: last ? {passed: Number(last[1]), failed: Number(last[2])} : null,
        output,
      });
    });
  });
}

// ---- lit-analyzer canary -----------------------------------------------------------------------
// lit-analyzer 2 was built for TypeScript 4/5. Prove on every run that it still understands this
// project's TypeScript and decorators: a scratch element with known template mistakes must be
// flagged. If it is not, the step fails and says why, instead of passing on a silent no-op.
const CANARY = `import {LitElement, html} from 'lit';
import {customElement, property} from 'lit/decorators.js';

@customElement('canary-probe')
export class CanaryProbe extends LitElement {
  @property({type: Number}) count = 0;
  override render() {
    return html\`<canary-probe .count=\${'not a number'}></canary-probe><input ?disabled=\${'yes'}>\`;
  }
}
declare global {
  interface HTMLElementTagNameMap {
    'canary-probe': CanaryProbe;
  }
}
`;

async function litAnalyzerCanary() {
  const dir = join(root, 'node_modules', '.cache', 'lit-analyzer-canary');
  mkdirSync(dir, {recursive: true});
  const file = join(dir, 'canary-probe.ts');
  writeFileSync(file, CANARY);
  let ts = '?';
  try {
    ts = JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8')).version;
  } catch {
    // reported below as '?'
  }
  const result = await run([bin('lit-analyzer'), file, '--strict', '--noColor', '--format', 'list'], {quiet: true});
  rmSync(dir, {recursive: true, force: true});
  const flagged = [/not assignable to 'number'/, /not assignable to 'boolean'/].filter((re) => re.test(result.output)).length;
  if (result.code !== 0 && flagged >= 2) {
    console.log(`lit-analyzer canary: TypeScript ${ts} + experimentalDecorators understood (known mistakes flagged).`);
    return null;
  }
  console.error(result.output);
  console.error(
    `lit-analyzer canary FAILED: with TypeScript ${ts} it did not flag a template with two known type errors ` +
      `(exit ${result.code}, ${flagged} flagged). lit-analyzer is not working with this TypeScript version; ` +
      'its result on src/ would be meaningless, so this step fails.',
  );
  return {passed: 0, failed: 1, code: 1};
}

// ---- the run -----------------------------------------------------------------------------------
const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;
/**
 * CPU seconds used by this process's finished children and their descendants (Linux: cutime + cstime
 * of /proc/self/stat, in clock ticks of 1/100 s), or null elsewhere. Per step, CPU seconds / wall
 * seconds is how many of the machine's cores the step kept busy: a step far below the core count
 * waits (on timers, the network, one process) and could share the machine with another. Only
 * processes their parents waited for are counted: a browser a driver kills without reaping
 * (WebKitWebDriver's MiniBrowser, a step stopped at its timeout) is missing, so browser steps read
 * low (stop 18's rehearsal: WebKit 0.19, the story smoke 0.21 while Chromium ran flat out).
 */
function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}
const results = [];
let passed = 0;
let failed = 0;
let stopped = false;
const started = Date.now();

for (const step of steps) {
  if (!selected(step)) continue;
  if (stopped) {
    results.push({step, status: 'not run', ms: 0});
    continue;
  }
  if (step.present && !step.present()) {
    if (MAY_BE_ABSENT.has(step.name)) {
      console.log(`\n==== ${step.title}: not present (${step.absent}), skipped`);
      results.push({step, status: 'not present', ms: 0});
      continue;
    }
    console.log(`\n==== ${step.title}: MISSING (${step.absent})`);
    failed++;
    results.push({step, status: 'missing', ms: 0, detail: '0 passed, 1 failed'});
    stopped = true;
    continue;
  }

  console.log(`\n==== ${step.title}`);
  const t0 = Date.now();
  const cpu0 = childCpuSeconds();
  let outcome = step.before ? await step.before() : null;
  if (!outcome) {
    const r = await run(step.command, {extraEnv: step.env, timeoutMs: step.timeoutMin && !process.env.STEP_TIMEOUT_MIN ? step.timeoutMin * 60_000 : STEP_TIMEOUT_MS});
    let p;
    let f;
    if (r.counts) {
      p = r.counts.passed;
      f = r.counts.failed;
      if (r.code !== 0 && f === 0) f = 1; // exited non-zero without a failing test: still a failure
    } else {
      p = r.code === 0 ? 1 : 0;
      f = r.code === 0 ? 0 : 1;
    }
    if (r.timedOut) console.error(`==== ${step.name} timed out`);
    outcome = {passed: p, failed: f, code: r.code === 0 && f > 0 ? 1 : r.code};
  }
  const ms = Date.now() - t0;
  const cpu1 = childCpuSeconds();
  const cores = cpu0 !== null && cpu1 !== null && ms > 0 ? (cpu1 - cpu0) / (ms / 1000) : null;
  passed += outcome.passed;
  failed += outcome.failed;
  const ok = outcome.code === 0 && outcome.failed === 0;
  results.push({step, status: ok ? 'ok' : 'FAILED', ms, cores, detail: `${outcome.passed} passed, ${outcome.failed} failed`});
  console.log(`==== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${fmt(ms)}${cores === null ? '' : `, ${cores.toFixed(2)} cores busy on average`}`);
  if (!ok || interrupted) stopped = true;
}

console.log(`\n==== summary (cores: average CPU use of the step's processes; load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
for (const r of results) {
  const time = r.ms ? fmt(r.ms).padStart(8) : ''.padStart(8);
  const cores = typeof r.cores === 'number' ? `${r.cores.toFixed(2)} cores` : '';
  console.log(`  ${r.step.name.padEnd(16)} ${r.status.padEnd(12)} ${time} ${cores.padStart(10)}  ${r.detail ?? ''}`);
}
console.log(`  ${'total'.padEnd(16)} ${''.padEnd(12)} ${fmt(Date.now() - started).padStart(8)}`);
if (interrupted) console.log(`  interrupted by ${interrupted}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || interrupted ? 1 : 0;
