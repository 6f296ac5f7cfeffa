// node --test test/package/ (after `npm run build`): the package's typings as React and Vue hosts
// compile them. vue-tsc (strict templates; it checks .tsx as tsc does) runs once over
// test/hosts/ (fixtures whose wrong props and handlers carry @ts-expect-error / @vue-expect-error:
// with looser typings the directive is unused and the run fails) and over the README's React and
// Vue snippets, written to test/hosts/generated/ exactly as a partner would paste them.
// 'reseller-elements' resolves through the package's own `exports` to dist/.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const hosts = join(root, 'test/hosts');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The first fenced block of `lang` after `heading` (and before the next heading of that level). */
function snippet(heading, lang) {
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README section "${heading}"`);
  const level = heading.match(/^#+/)[0];
  const end = readme.indexOf(`\n${level} `, start + heading.length + 2);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const block = section.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```'));
  assert.ok(block, `a \`\`\`${lang} block in "${heading}"`);
  return block[1];
}

test('React and Vue hosts: the typings catch wrong props and handlers; the README snippets compile as pasted', async () => {
  assert.ok(existsSync(join(root, 'dist/types/vue/index.d.ts')), 'dist/ is missing: run `npm run build` first');
  const generated = join(hosts, 'generated');
  rmSync(generated, {recursive: true, force: true});
  mkdirSync(generated);
  writeFileSync(join(generated, 'readme-react.tsx'), snippet('#### React: `reseller-elements/react`', 'tsx'));
  writeFileSync(join(generated, 'readme-vue.vue'), snippet('#### Vue 3', 'vue'));
  for (const [file, directive, least] of [['react.tsx', '@ts-expect-error', 5], ['table.vue', '@vue-expect-error', 6]]) {
    const count = readFileSync(join(hosts, file), 'utf8').split(directive).length - 1;
    assert.ok(count >= least, `test/hosts/${file} keeps its ${least} wrong usages (found ${count})`);
  }
  const vueTsc = join(root, 'node_modules/vue-tsc/bin/vue-tsc.js');
  let result;
  try {
    result = await exec(process.execPath, [vueTsc, '-p', join(hosts, 'tsconfig.json')], {cwd: root, maxBuffer: 16 << 20, timeout: 300_000});
  } catch (error) {
    assert.fail(`vue-tsc reported errors (exit ${error.code}):\n${error.stdout}${error.stderr}`);
  } finally {
    rmSync(generated, {recursive: true, force: true});
  }
  assert.equal(`${result.stdout}${result.stderr}`.trim(), '', 'vue-tsc prints nothing');
});
