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

/** Every fenced block of the README: its language (the fence's word, '' for none), its text and the heading above it. */
function readmeBlocks() {
  const blocks = [];
  let heading = '';
  let open = null;
  for (const line of readme.split('\n')) {
    if (open) {
      if (line === '```') {
        blocks.push({...open, text: open.lines.join('\n')});
        open = null;
      } else open.lines.push(line);
    } else if (line.startsWith('```')) open = {lang: line.slice(3).trim(), heading, lines: []};
    else if (/^#+ /.test(line)) heading = line;
  }
  assert.equal(open, null, 'every README fence is closed');
  return blocks;
}

/**
 * What each kind of README block is checked by. tsx, vue and js: vue-tsc here (js with checkJs).
 * ts: the Angular snippet, compiled with strict templates by the Angular host's build
 * (test/e2e/host-apps.mjs writes it into hosts/angular). html: the CDN recipe runs in
 * test/e2e/flows/cdn-readme.mjs; every block's tags and attributes are the manifest's (below).
 * json: the Angular build options, equal to hosts/angular/angular.json's. sh, css and the bare
 * policy lines are not code a host compiles (the policies are the ones the e2e flows serve).
 */
const CHECKED_BY = {tsx: 'vue-tsc', vue: 'vue-tsc', js: 'vue-tsc (checkJs)', ts: 'the Angular host build', html: 'the manifest', json: 'hosts/angular/angular.json', sh: 'none', css: 'none', '': 'none'};

test('the README: every block is of a known kind; its HTML uses only the manifest\'s tags and attributes; its angular.json options are the Angular host\'s', () => {
  const blocks = readmeBlocks();
  assert.deepEqual(blocks.filter((b) => !(b.lang in CHECKED_BY)).map((b) => `${b.lang} under ${b.heading}`), [], 'a README block of a kind no test checks');
  const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));
  /** @type {Map<string, Set<string>>} */
  const attributes = new Map();
  for (const mod of manifest.modules) {
    for (const decl of mod.declarations ?? []) {
      if (decl.tagName) attributes.set(decl.tagName, new Set((decl.attributes ?? []).map((a) => a.name)));
    }
  }
  const html = blocks.filter((b) => b.lang === 'html');
  assert.ok(html.length >= 3, 'the README\'s HTML blocks');
  for (const block of html) {
    for (const [, tag, attrs] of block.text.matchAll(/<(reseller-[a-z-]+)([^>]*)>/g)) {
      assert.ok(attributes.has(tag), `<${tag}> (README, ${block.heading}) is an element of the manifest`);
      for (const [, name] of attrs.matchAll(/([a-z-]+)(?:="[^"]*")?/g)) {
        assert.ok(attributes.get(tag).has(name), `<${tag} ${name}> (README, ${block.heading}) is an attribute of the element`);
      }
    }
  }
  const json = blocks.filter((b) => b.lang === 'json');
  assert.equal(json.length, 1, 'one JSON block: the Angular build options');
  const angular = JSON.parse(readFileSync(join(root, 'hosts/angular/angular.json'), 'utf8'));
  const production = angular.projects['angular-host'].architect.build.configurations.production;
  assert.deepEqual(JSON.parse(`{${json[0].text}}`).configurations.production.optimization, production.optimization, 'the README\'s Angular optimization options are the host\'s');
});

test('React, Vue and Angular (the component-class pattern) hosts: the typings catch wrong props and handlers; the README snippets compile as pasted', async () => {
  assert.ok(existsSync(join(root, 'dist/types/vue/index.d.ts')), 'dist/ is missing: run `npm run build` first');
  const generated = join(hosts, 'generated');
  rmSync(generated, {recursive: true, force: true});
  mkdirSync(generated);
  assert.ok(snippet('#### React: `reseller-elements/react`', 'tsx') && snippet('#### Vue 3', 'vue'), 'the README\'s React and Vue snippets');
  const blocks = readmeBlocks();
  for (const [index, block] of blocks.entries()) {
    if (!['tsx', 'vue', 'js'].includes(block.lang)) continue;
    // A Vue block names its file in its first line (<!-- Customers.vue -->); the others are numbered.
    const named = block.text.match(/^<!-- (\w+\.vue) -->/)?.[1];
    writeFileSync(join(generated, named ?? `readme-${index}.${block.lang}`), block.text);
  }
  // Stand-ins for the partner's own files the snippets import: the root component of the README's
  // main.js, and the locale module of "Languages".
  writeFileSync(join(generated, 'App.vue'), '<template><main></main></template>\n');
  writeFileSync(join(generated, 'reseller-pt-br.js'), "export default {'table.newCustomer': 'Adicionar cliente'};\n");
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
