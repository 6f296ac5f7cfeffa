// node --test test/package/ (after `npm run build`): dist/custom-elements.json documents every
// element of src/elements, the internal ones too (partners style them through parts and tokens).
import assert from 'node:assert/strict';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {manifestElements} from '../../scripts/editor-data.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const text = (path) => {
  assert.ok(existsSync(join(root, path)), `${path} is missing: run \`npm run build\` first`);
  return readFileSync(join(root, path), 'utf8');
};
const manifest = JSON.parse(text('dist/custom-elements.json'));
const elements = manifestElements(manifest);
const byTag = (tag) => elements.find((d) => d.tagName === tag);
const names = (list) => (list ?? []).map((x) => x.name);

/** `{tag, className, path}` of every `HTMLElementTagNameMap` entry in src/elements (each element declares its tag there). */
function sourceElements() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.styles.ts')) {
        const map = readFileSync(path, 'utf8').match(/interface HTMLElementTagNameMap\s*{([^}]*)}/);
        for (const m of map?.[1].matchAll(/'([a-z][\w-]*-[\w-]*)':\s*(\w+)/g) ?? []) found.push({tag: m[1], className: m[2], path: relative(root, path)});
      }
    }
  };
  walk(join(root, 'src/elements'));
  return found;
}

test('every element in src/elements is in the manifest under its tag, with its class and module', () => {
  const declared = sourceElements();
  assert.ok(declared.length >= 15, `found the elements' tags: ${declared.map((e) => e.tag).join(', ')}`);
  for (const {tag, className, path} of declared) {
    const mod = manifest.modules.find((m) => m.path === path);
    const d = mod?.declarations?.find((x) => x.name === className);
    assert.ok(d?.customElement, `${className} (${path}) is a custom element in the manifest`);
    assert.equal(d.tagName, tag, `${className} has its tag <${tag}> (cem reads @tag from the class's own JSDoc)`);
  }
  assert.deepEqual(elements.map((d) => d.tagName).sort(), declared.map((e) => e.tag).sort());
});

test('<reseller-toast-region>: documented as internal, with its parts and custom properties, no attributes or events', () => {
  const d = byTag('reseller-toast-region');
  assert.ok(d, 'the toast region is in the manifest');
  assert.match(d.summary ?? '', /^Internal:/);
  assert.match(d.description ?? '', /ToastController/);
  // Every part the template renders (static `part="…"` tokens and the per-kind `toast-${kind}`).
  const source = text('src/elements/toast-region/toast-region.ts');
  const rendered = [...source.matchAll(/part="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/)).filter((p) => /^[a-z-]*[a-z]$/.test(p));
  const kinds = text('src/events.ts').match(/TOAST_KINDS = \[([^\]]+)\]/)[1].match(/'(\w+)'/g).map((k) => `toast-${k.slice(1, -1)}`);
  assert.ok(rendered.includes('dismiss-button') && kinds.length === 3, `read the template's parts (${rendered}) and the toast kinds (${kinds})`);
  assert.deepEqual(names(d.cssParts).sort(), [...new Set([...rendered, ...kinds])].sort());
  for (const name of ['--reseller-color-surface-raised', '--reseller-color-text', '--reseller-color-brand', '--reseller-color-danger', '--reseller-color-success', '--reseller-radius', '--reseller-font-family']) {
    assert.ok(names(d.cssProperties).includes(name), `custom property ${name}`);
  }
  assert.deepEqual(d.attributes ?? [], []);
  assert.deepEqual(d.events ?? [], []);
});

test('<reseller-toast-region> is in the editor data, and has no React wrapper (the kit creates it, hosts never render it)', async () => {
  const vscode = JSON.parse(text('dist/vscode.html-custom-data.json'));
  const webTypes = JSON.parse(text('dist/web-types.json'));
  const tag = vscode.tags.find((t) => t.name === 'reseller-toast-region');
  assert.match(tag?.description.value ?? '', /^Internal:/);
  assert.ok(tag.description.value.includes('`dismiss-button`'));
  const element = webTypes.contributions.html.elements.find((e) => e.name === 'reseller-toast-region');
  assert.ok(names(element?.css.parts).includes('toast-error'));
  const {ELEMENT_EVENTS} = await import(pathToFileURL(join(root, 'dist/react/events.js')).href);
  assert.equal('reseller-toast-region' in ELEMENT_EVENTS, false);
});

test('every event of every element is named reseller-…: no nameless entries, none named after a variable', () => {
  // cem adds an entry for each `this.dispatchEvent(new X(detail))`, named after `detail`'s text
  // (nameless for an object literal); custom-elements-manifest.config.mjs drops those an @fires
  // line documents.
  const wrong = elements.flatMap((d) =>
    (d.events ?? []).filter((e) => !/^reseller-[a-z]+(-[a-z]+)*$/.test(e.name ?? ''))
      .map((e) => `<${d.tagName}> event ${JSON.stringify(e.name ?? null)} (${e.type?.text}): add an @fires {${e.type?.text}} reseller-… line`),
  );
  assert.deepEqual(wrong, []);
  const fired = elements.flatMap((d) => d.events ?? []);
  assert.ok(fired.length >= 30, `the elements' events are documented (${fired.length})`);
});
