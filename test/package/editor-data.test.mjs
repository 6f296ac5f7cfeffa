// node --test test/package/ : the editor data `npm run build` writes next to custom-elements.json
// (scripts/editor-data.mjs): VS Code custom HTML data and JetBrains web-types.
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {docsId, editorData, manifestElements, WEB_TYPES_SCHEMA} from '../../scripts/editor-data.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => {
  assert.ok(existsSync(join(root, path)), `${path} is missing: run \`npm run build\` first`);
  return JSON.parse(readFileSync(join(root, path), 'utf8'));
};

const manifest = read('dist/custom-elements.json');
const vscode = read('dist/vscode.html-custom-data.json');
const webTypes = read('dist/web-types.json');
const pkg = read('package.json');
const elements = manifestElements(manifest);
const named = (list) => (list ?? []).filter((x) => x.name).map((x) => x.name).sort();

test('one JSDoc tag per line: no @csspart/@cssprop/@fires/@slot folded into another entry', () => {
  // cem reads one tag per line; a second tag on the same line ends up inside the first one's
  // description and is missing from the docs, the editor data and Storybook.
  const folded = elements.flatMap((d) =>
    ['attributes', 'events', 'slots', 'cssProperties', 'cssParts'].flatMap((kind) =>
      (d[kind] ?? []).filter((x) => /@(csspart|cssprop|cssproperty|fires|event|slot)\b/.test(x.description ?? '')).map((x) => `${d.tagName} ${kind} ${x.name}`),
    ),
  );
  assert.deepEqual(folded, []);
});

test('package.json points editors at both files', () => {
  assert.equal(pkg['web-types'], './dist/web-types.json');
  assert.equal(pkg.exports['./web-types.json'], './dist/web-types.json');
  assert.equal(pkg.exports['./vscode.html-custom-data.json'], './dist/vscode.html-custom-data.json');
});

test('VS Code data: every tag of the manifest with its attributes, events, slots, parts and properties', () => {
  assert.equal(vscode.version, 1.1);
  assert.ok(elements.length >= 12, `the manifest has the kit's elements (${elements.length})`);
  assert.deepEqual(vscode.tags.map((t) => t.name).sort(), elements.map((d) => d.tagName).sort());
  for (const d of elements) {
    const tag = vscode.tags.find((t) => t.name === d.tagName);
    assert.deepEqual(named(tag.attributes), named(d.attributes), `${d.tagName} attributes`);
    assert.equal(tag.description.kind, 'markdown');
    if (d.summary) assert.ok(tag.description.value.includes(d.summary.trim()), `${d.tagName} summary`);
    // The format has no fields for events, slots, parts and custom properties: the description lists them.
    for (const name of [...named(d.events), ...named(d.cssParts), ...named(d.cssProperties), ...named(d.slots)]) {
      assert.ok(tag.description.value.includes(`\`${name}\``), `${d.tagName} description lists ${name}`);
    }
    for (const attribute of d.attributes ?? []) {
      const out = tag.attributes.find((a) => a.name === attribute.name);
      if (attribute.type?.text === 'boolean') assert.equal(out.valueSet, 'v', `${d.tagName} ${attribute.name} is a boolean attribute`);
      const literals = attribute.type?.text?.match(/^'[^']*'( \| '[^']*')+$/) ? attribute.type.text.split(' | ').map((s) => s.slice(1, -1)) : null;
      if (literals) assert.deepEqual(out.values?.map((v) => v.name), literals, `${d.tagName} ${attribute.name} values`);
    }
  }
});

test('VS Code data: enum attributes behind type aliases get their values', () => {
  const values = (tag, name) =>
    vscode.tags.find((t) => t.name === tag)?.attributes.find((a) => a.name === name)?.values?.map((v) => v.name);
  assert.deepEqual(values('reseller-usage-chart', 'granularity'), ['day', 'week', 'month']);
  assert.deepEqual(values('reseller-customer-table', 'order'), ['asc', 'desc']);
  assert.deepEqual(values('reseller-customer-table', 'status'), ['all', 'active', 'inactive']);
});

test('editor data links to docs only when RESELLER_DOCS_URL is set: never to localhost', () => {
  const text = JSON.stringify(vscode) + JSON.stringify(webTypes);
  assert.doesNotMatch(text, /localhost|127\.0\.0\.1/, 'no link to a local Storybook in the published editor data');
  const linked = [
    ...vscode.tags.filter((t) => t.references).map((t) => t.name),
    ...webTypes.contributions.html.elements.filter((e) => e['doc-url']).map((e) => e.name),
  ];
  if (process.env.RESELLER_DOCS_URL) assert.ok(linked.length >= 12, 'with RESELLER_DOCS_URL every element with stories links its docs');
  else assert.deepEqual(linked, [], 'built without RESELLER_DOCS_URL: no docs links');
});

test('editorData: no docsUrl, no references or doc-url; with one, the Storybook docs page', () => {
  const small = {modules: [{path: 'src/x.ts', declarations: [{kind: 'class', name: 'X', customElement: true, tagName: 'x-y'}]}]};
  const none = editorData(small, {name: 'kit', version: '1.0.0', titles: {'x-y': 'X y'}});
  assert.equal(none.vscode.tags[0].references, undefined);
  assert.equal(none.webTypes.contributions.html.elements[0]['doc-url'], undefined);
  const hosted = editorData(small, {name: 'kit', version: '1.0.0', titles: {'x-y': 'X y'}, docsUrl: 'https://docs.example/'});
  assert.equal(hosted.vscode.tags[0].references[0].url, 'https://docs.example/?path=/docs/x-y--docs');
});

test('web-types: every element with attributes, events, slots, JS properties, CSS properties and parts', () => {
  assert.equal(webTypes.$schema, WEB_TYPES_SCHEMA);
  assert.equal(webTypes.name, pkg.name);
  assert.equal(webTypes.version, pkg.version);
  const out = webTypes.contributions.html.elements;
  assert.deepEqual(out.map((e) => e.name).sort(), elements.map((d) => d.tagName).sort());
  for (const d of elements) {
    const element = out.find((e) => e.name === d.tagName);
    assert.deepEqual(named(element.attributes), named(d.attributes), `${d.tagName} attributes`);
    assert.deepEqual(named(element.events), named(d.events), `${d.tagName} events`);
    assert.deepEqual(named(element.js.events), named(d.events), `${d.tagName} js events`);
    assert.deepEqual(named(element.slots), named(d.slots), `${d.tagName} slots`);
    assert.deepEqual(named(element.css.parts), named(d.cssParts), `${d.tagName} CSS parts`);
    assert.deepEqual(named(element.css.properties), named(d.cssProperties), `${d.tagName} CSS custom properties`);
    for (const attribute of d.attributes ?? []) {
      if (!attribute.fieldName) continue;
      assert.ok(element.js.properties.some((p) => p.name === attribute.fieldName), `${d.tagName} property ${attribute.fieldName}`);
    }
    for (const attribute of element.attributes) assert.equal(typeof attribute.value?.type, 'string', `${d.tagName} ${attribute.name} value type`);
  }
  const granularity = out.find((e) => e.name === 'reseller-usage-chart').attributes.find((a) => a.name === 'granularity');
  assert.equal(granularity.value.type, "'day' | 'week' | 'month'");
});

test('editorData on a small manifest: shapes of both formats', () => {
  const small = {
    schemaVersion: '1.0.0',
    modules: [{
      kind: 'javascript-module',
      path: 'src/elements/x-thing/x-thing.ts',
      declarations: [
        {
          kind: 'class', name: 'XThing', customElement: true, tagName: 'x-thing', summary: 'A thing.',
          attributes: [
            {name: 'mode', type: {text: 'Mode'}, fieldName: 'mode', description: 'How.'},
            {name: 'open', type: {text: 'boolean'}, default: 'false', fieldName: 'open'},
            {name: 'count', type: {text: 'number | null'}, default: '3', fieldName: 'count'},
          ],
          members: [
            {kind: 'field', name: 'mode', type: {text: 'Mode'}},
            {kind: 'field', name: 'secret', privacy: 'private'},
            {kind: 'field', name: 'styles', static: true},
          ],
          events: [{type: {text: 'XEvent'}}, {name: 'x-change', description: 'Changed.'}],
          slots: [{name: '', description: 'Content.'}],
          cssParts: [{name: 'base', description: 'The wrapper.'}],
          cssProperties: [{name: '--x-color'}],
        },
        {kind: 'class', name: 'NotAnElement'},
      ],
    }],
  };
  const {vscode: v, webTypes: w} = editorData(small, {
    name: 'kit', version: '1.2.3', enums: {'x-thing': {mode: ['a', 'b']}}, titles: {'x-thing': 'Things/X thing'}, docsUrl: 'https://docs.test/',
  });
  assert.deepEqual(v.tags, [{
    name: 'x-thing',
    description: {kind: 'markdown', value: 'A thing.\n\n**Events**\n\n- `x-change` — Changed.\n\n**Slots**\n\n- `(default)` — Content.\n\n**CSS custom properties**\n\n- `--x-color`\n\n**CSS parts**\n\n- `base` — The wrapper.'},
    attributes: [
      {name: 'mode', description: 'How.', values: [{name: 'a'}, {name: 'b'}]},
      {name: 'open', valueSet: 'v'},
      {name: 'count'},
    ],
    references: [{name: 'Storybook docs', url: 'https://docs.test/?path=/docs/things-x-thing--docs'}],
  }]);
  const [element] = w.contributions.html.elements;
  assert.deepEqual(element.attributes, [
    {name: 'mode', description: 'How.', value: {type: "'a' | 'b'"}},
    {name: 'open', value: {type: 'boolean'}},
    {name: 'count', value: {type: 'number', default: '3'}},
  ]);
  assert.deepEqual(element.events, [{name: 'x-change', description: 'Changed.'}]);
  assert.deepEqual(element.js, {properties: [{name: 'mode', type: 'Mode'}], events: [{name: 'x-change', description: 'Changed.'}]});
  assert.deepEqual(element.css, {properties: [{name: '--x-color'}], parts: [{name: 'base', description: 'The wrapper.'}]});
  assert.equal(element['doc-url'], 'https://docs.test/?path=/docs/things-x-thing--docs');
  assert.equal(docsId('Customer table'), 'customer-table--docs');
});
