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
  const source = text('dist/react/wrap.js'); // every React entry creates its components through it
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

/** The dist/ modules a bundler puts in the eager bundle of `entry` (dynamic imports and React left out). */
async function eagerModules(entry) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(root, entry)], bundle: true, write: false, format: 'esm', platform: 'browser', metafile: true, logLevel: 'silent',
    outfile: join(root, 'node_modules/.cache/react-entry-test/out.js'),
    external: ['react', 'react/*', 'react-dom', 'react-dom/*'],
    plugins: [{name: 'no-lazy', setup: (build) => build.onResolve({filter: /.*/}, (args) => (args.kind === 'dynamic-import' ? {path: args.path, external: true} : undefined))}],
  });
  return Object.keys(result.metafile.inputs).filter((path) => path.startsWith('dist/')).sort();
}
const defineModulesIn = (modules) => modules.filter((m) => /^dist\/define\/[\w-]+\.js$/.test(m));
const elementsIn = (modules) => [...new Set(modules.map((m) => m.match(/^dist\/elements\/([\w-]+)\//)?.[1]).filter(Boolean))].sort();
const defineNames = [...text('src/define/index.ts').matchAll(/import '\.\/([\w-]+)\.js'/g)].map((m) => m[1]).sort();

test('reseller-elements/react/<name>: one entry per define module, in exports with its types', () => {
  assert.ok(defineNames.length >= 12, `the define modules: ${defineNames.join(', ')}`);
  for (const name of defineNames) {
    assert.deepEqual(pkg.exports[`./react/${name}`], {types: `./dist/types/react/${name}.d.ts`, default: `./dist/react/${name}.js`}, `exports ./react/${name}`);
    assert.ok(existsSync(join(root, `dist/react/${name}.js`)) && existsSync(join(root, `dist/types/react/${name}.d.ts`)), `dist/react/${name}.js and its types are built`);
  }
});

test('each React entry registers what its define module registers, nothing else; reseller-elements/react registers all', async () => {
  for (const name of defineNames) {
    const viaReact = await eagerModules(`dist/react/${name}.js`);
    const viaDefine = await eagerModules(`dist/define/${name}.js`);
    assert.ok(defineModulesIn(viaReact).includes(`dist/define/${name}.js`), `react/${name} registers through define/${name}`);
    assert.deepEqual(defineModulesIn(viaReact), defineModulesIn(viaDefine), `react/${name} registers what define/${name} does (the element and what it renders), no other element`);
    assert.deepEqual(elementsIn(viaReact), elementsIn(viaDefine), `react/${name} pulls in the elements define/${name} does`);
  }
  const all = await eagerModules('dist/react/index.js');
  assert.deepEqual(defineModulesIn(all), defineNames.map((n) => `dist/define/${n}.js`).sort(), 'reseller-elements/react: every define module');
});

/** Elements added after the `…Element` rename (src/deprecated-names.ts): no former name to keep. */
const ADDED_AFTER_THE_RENAME = ['ResellerTranscriptViewer', 'ResellerReportList'];

test('React components and element classes have different names: components bare, element types …Element', async () => {
  const react = text('dist/types/react/index.d.ts') + defineNames.map((n) => text(`dist/types/react/${n}.d.ts`)).join('\n');
  const main = text('dist/types/index.d.ts');
  const components = Object.keys(ELEMENT_EVENTS).map((tag) => tag.replace(/(?:^|-)(\w)/g, (_, c) => c.toUpperCase()));
  for (const component of components) {
    assert.match(react, new RegExp(`export declare const ${component}: `), `the React component ${component}`);
    assert.match(react, new RegExp(`\\b${component}Element\\b`), `reseller-elements/react also names the element type ${component}Element`);
    assert.match(main, new RegExp(`\\b${component} as ${component}Element\\b`), `the main entry exports the class as ${component}Element`);
  }
  // The former class names still work from the main entry, marked deprecated: every element that
  // existed when the classes were renamed (an element added later never had the bare name).
  const deprecated = text('dist/types/deprecated-names.d.ts');
  const renamed = components.filter((c) => !ADDED_AFTER_THE_RENAME.includes(c));
  assert.ok(renamed.length >= 13, `the thirteen renamed elements are still checked (${renamed.length})`);
  for (const component of renamed) assert.match(deprecated, new RegExp(`@deprecated Use \`${component}Element\`[^\\n]*\\n\\s*\\*?/?\\s*export declare const ${component}: `), `${component} is a deprecated alias`);
});
