// node --test test/package/ : what the README and CHANGELOG promise a partner about releases and
// browsers, checked against the repository and this machine.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import {ENGINES, findBrowser} from '../../scripts/browsers.mjs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');

/** The rows of the markdown table that follows `heading` in the README. */
function tableAfter(heading) {
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `the README has a "${heading}" section`);
  const lines = readme.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(2); // header and separator
}

/** Installed major.minor of an engine, or null when it cannot be read on this machine. */
function installedVersion(engine) {
  const path = findBrowser(engine);
  if (!path) return null;
  try {
    if (engine === 'webkit') {
      // MiniBrowser has no --version: ask the package that owns it (Debian).
      const owner = execFileSync('dpkg-query', ['-S', path], {encoding: 'utf8'}).split(':')[0];
      return execFileSync('dpkg-query', ['-W', '-f=${Version}', owner], {encoding: 'utf8'}).match(/^(\d+\.\d+)/)?.[1] ?? null;
    }
    return execFileSync(path, ['--version'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).match(/(\d+\.\d+)/)?.[1] ?? null;
  } catch {
    return null;
  }
}
const compare = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
};

test('browser support: the README names every engine the browser step runs, no older than installed', () => {
  const rows = tableAfter('### Browser support');
  const byEngine = {chromium: /^Chromium$/, firefox: /^Firefox/, webkit: /^WebKitGTK/};
  assert.equal(rows.length, ENGINES.length, 'one row per engine of scripts/browsers.mjs');
  const checked = [];
  for (const engine of ENGINES) {
    const row = rows.find((r) => byEngine[engine].test(r[0]));
    assert.ok(row, `the README's browser table has a row for ${engine}`);
    const stated = row[1].match(/^\d+(\.\d+)?$/)?.[0];
    assert.ok(stated, `${engine}: a tested version ("${row[1]}")`);
    const installed = installedVersion(engine);
    if (installed === null) continue; // not installed here: the step runs without it (or fails under CI=true)
    checked.push(`${engine} ${installed}`);
    assert.ok(compare(installed, stated) >= 0, `${engine}: installed ${installed} is older than the README's tested ${stated}`);
  }
  assert.ok(checked.length > 0 || !process.env.CI, `CI has the browsers to compare (${checked.join(', ')})`);
});

test('versioning and deprecation policy in the README', () => {
  const start = readme.indexOf('\n### Versioning and deprecation\n');
  assert.ok(start >= 0, 'a "Versioning and deprecation" section');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  assert.match(section, /Semantic Versioning/);
  assert.match(section, /deprecated/i);
  assert.match(section, /CHANGELOG\.md/);
});

test('CHANGELOG.md follows Keep a Changelog: one [Unreleased], known section names, dated releases', () => {
  const changelog = read('CHANGELOG.md');
  assert.match(changelog, /^# Changelog\n/);
  assert.match(changelog, /keepachangelog\.com/);
  const versions = [...changelog.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  assert.equal(versions[0], '[Unreleased]', 'the first release heading is [Unreleased]');
  assert.equal(versions.filter((v) => v === '[Unreleased]').length, 1, 'exactly one [Unreleased] (merge, do not add a second)');
  for (const v of versions.slice(1)) assert.match(v, /^\[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/, `release heading "${v}"`);
  const sections = [...changelog.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual(sections.filter((s) => !['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'].includes(s)), [], 'Keep a Changelog section names');
  const unreleased = changelog.slice(changelog.indexOf('## [Unreleased]'), changelog.indexOf('\n## ', changelog.indexOf('## [Unreleased]') + 1) >>> 0);
  for (const block of unreleased.split(/^### /m).slice(1)) {
    assert.equal(new Set(block.split('\n').filter(Boolean).slice(1)).size, block.split('\n').filter(Boolean).length - 1, `no duplicated line under ### ${block.split('\n')[0]}`);
  }
});

test('README and docs/: every relative link and #anchor resolves (the split moved sections between files)', () => {
  const slug = (heading) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
  const anchors = (path) => {
    const text = read(path).replace(/```[\s\S]*?```/g, '');
    return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));
  };
  const pages = ['README.md', 'CHANGELOG.md', ...readdirSync(new URL('../../docs/', import.meta.url)).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const broken = [];
  let checked = 0;
  for (const page of pages) {
    const fences = read(page).split('\n').filter((line) => line.startsWith('```')).length;
    if (fences % 2) broken.push(`${page}: an unclosed code fence (${fences} fence lines)`);
    const text = read(page).replace(/```[\s\S]*?```/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:)/.test(target)) continue;
      checked++;
      const [file, anchor] = target.split('#');
      const resolved = file ? new URL(file, new URL(`../../${page}`, import.meta.url)) : new URL(`../../${page}`, import.meta.url);
      const relative = resolved.pathname.slice(new URL('../../', import.meta.url).pathname.length);
      if (!existsSync(resolved)) broken.push(`${page}: ${target} (no ${relative})`);
      else if (anchor && relative.endsWith('.md') && !anchors(relative).has(anchor)) broken.push(`${page}: ${target} (no heading #${anchor} in ${relative})`);
    }
  }
  assert.ok(checked >= 20, `links checked: ${checked}`);
  assert.deepEqual(broken, []);
});
