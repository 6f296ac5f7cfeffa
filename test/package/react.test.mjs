// node --test test/package/ (after `npm run build`): the `reseller-elements/react` entry.
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const text = (path) => {
  assert.ok(existsSync(join(root, path)), `${path} is missing: run \`npm run build\` first`);
  return readFileSync(join(root, path), 'utf8');
};
const manifest = JSON.parse(text('dist/custom-elements.json'));
const pkg = JSON.parse(text('package.json'));
// Data only (no DOM): the wrappers' event maps, as built.
const {ELEMENT_EVENTS, EVENT_PROPS} = await import(pathToFileURL(join(root, 'dist/react/events.js')).href);

const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
/** Tags the define modules register (what a host can use), from their sources. */
const defineSources = [...text('src/define/index.ts').matchAll(/import '\.\/([\w-]+)\.js'/g)].map((m) => text(`src/define/${m[1]}.ts`)).join('\n');
const registered = [...defineSources.matchAll(/(?:customElements\.define|defineElement)\(\s*'([\w-]+)'/g)].map((m) => m[1]);

test('package.json exports ./react with its types', () => {
  assert.deepEqual(pkg.exports['./react'], {types: './dist/types/react/index.d.ts', default: './dist/react/index.js'});
  assert.ok(existsSync(join(root, 'dist/react/index.js')));
  assert.ok(existsSync(join(root, 'dist/types/react/index.d.ts')));
});

test('every element a define module registers has a wrapper', () => {
  assert.ok(registered.length >= 13, `found the define modules' tags: ${registered.join(', ')}`);
  assert.deepEqual(Object.keys(ELEMENT_EVENTS).sort(), [...new Set(registered)].sort());
});

test("each wrapper maps every kit event its element declares (@fires in the manifest) to an on… prop", () => {
  const eventOfProp = new Map(Object.entries(EVENT_PROPS));
  for (const element of elements) {
    if (!(element.tagName in ELEMENT_EVENTS)) continue;
    const declared = (element.events ?? []).map((e) => e.name).filter((name) => /^reseller-/.test(name ?? ''));
    const mapped = ELEMENT_EVENTS[element.tagName].map((prop) => eventOfProp.get(prop));
    const missing = declared.filter((name) => !mapped.includes(name));
    assert.deepEqual(missing, [], `<${element.tagName}>: events without a prop on its React wrapper`);
  }
  // Prop names follow the event names: reseller-customer-open -> onCustomerOpen.
  for (const [prop, name] of eventOfProp) {
    const expected = `on${name.replace(/^reseller-/, '').replace(/(?:^|-)(\w)/g, (_, c) => c.toUpperCase())}`;
    assert.equal(prop, expected);
  }
});

test('React and @lit/react stay bare imports of the react entry (the host brings React)', () => {
  const source = text('dist/react/index.js');
  assert.match(source, /from "react";/);
  assert.match(source, /from "@lit\/react";/);
  assert.doesNotMatch(source, /createElement\s*\(\s*["']div|__SECRET_INTERNALS|react\.development/, 'React itself is not bundled');
});

test('the CDN bundle and the define entries do not contain the wrappers', () => {
  assert.doesNotMatch(text('dist/cdn/reseller-elements.js'), /createComponent|node_modules\/@lit\/react\/|reseller-elements\/react/);
  for (const file of ['dist/define/index.js', 'dist/index.js']) assert.doesNotMatch(text(file), /react/);
});

test("the entry's declarations bring the JSX typings of the plain tags", () => {
  assert.match(text('dist/types/react/index.d.ts'), /from '\.\/jsx\.js'/);
  const jsx = text('dist/types/react/jsx.d.ts');
  assert.match(jsx, /declare module 'react'/);
  for (const tag of Object.keys(ELEMENT_EVENTS)) assert.match(jsx, new RegExp(`'${tag}': Tag<`), `${tag} in IntrinsicElements`);
});
