#!/usr/bin/env node
/**
 * Editor support generated from dist/custom-elements.json (run by scripts/build.mjs after
 * `cem analyze`; `node scripts/editor-data.mjs` runs it alone):
 *
 *   dist/vscode.html-custom-data.json   VS Code custom HTML data (`html.customData` setting): every
 *                                       tag with its description (events, slots, CSS parts and
 *                                       custom properties listed in it: the format has no fields
 *                                       for them), attributes with their values for enums and
 *                                       booleans, and a reference to the element's Storybook docs
 *   dist/web-types.json                 JetBrains web-types (package.json `web-types`): elements,
 *                                       attributes, events, slots, JS properties and events, CSS
 *                                       custom properties and parts
 *
 * Enum values: the manifest only has type texts (`ChartGranularity | null`), so the TypeScript
 * checker resolves each attribute's declared type in src/ and keeps unions of string literals.
 * Storybook links: only when RESELLER_DOCS_URL (a hosted Storybook) is set at build time:
 * RESELLER_DOCS_URL + `?path=/docs/<story title>--docs`, for the elements that have a stories
 * file. Without it the files carry no link (a localhost URL would point a partner's editor at a
 * server that is not there).
 * `--dist <dir>` reads and writes another directory than dist/.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const WEB_TYPES_SCHEMA = 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json';

/** Every declaration of the manifest that is a custom element with a tag name, with its module path. */
export function manifestElements(manifest) {
  return (manifest.modules ?? []).flatMap((mod) =>
    (mod.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({...d, modulePath: mod.path})),
  );
}

const isPublicField = (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#');
/** Named events only: cem also records `dispatchEvent(new X())` calls without a name. */
const namedEvents = (d) => (d.events ?? []).filter((e) => e.name);

/**
 * `{[tagName]: {[attribute]: string[]}}`: attributes whose declared type is a union of string
 * literals (null and undefined dropped), resolved by the TypeScript checker.
 */
export async function resolveEnumValues(elements, {cwd = root} = {}) {
  const {default: ts} = await import('typescript');
  const files = [...new Set(elements.map((d) => join(cwd, d.modulePath)))].filter((f) => existsSync(f));
  const config = ts.readConfigFile(join(cwd, 'tsconfig.json'), ts.sys.readFile).config ?? {};
  const {options} = ts.parseJsonConfigFileContent({compilerOptions: config.compilerOptions ?? {}}, ts.sys, cwd);
  const program = ts.createProgram(files, {...options, noEmit: true, types: []});
  const checker = program.getTypeChecker();
  const result = {};
  for (const d of elements) {
    const source = program.getSourceFile(join(cwd, d.modulePath));
    if (!source) continue;
    const node = source.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === d.name);
    if (!node) continue;
    const classType = checker.getTypeAtLocation(node);
    for (const attribute of d.attributes ?? []) {
      if (!attribute.fieldName) continue;
      const symbol = classType.getProperty(attribute.fieldName);
      if (!symbol) continue;
      const type = checker.getTypeOfSymbolAtLocation(symbol, node);
      const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
      if (parts.length > 1 && parts.every((t) => t.isStringLiteral())) {
        (result[d.tagName] ??= {})[attribute.name] = parts.map((t) => t.value);
      }
    }
  }
  return result;
}

/** `{[tagName]: story title}` from stories/*.stories.ts (`title` and `component` of the default export). */
export function storyTitles(dir = join(root, 'stories')) {
  if (!existsSync(dir)) return {};
  const titles = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.stories.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    const title = source.match(/^\s*title:\s*(['"])(.+?)\1/m)?.[2];
    const component = source.match(/^\s*component:\s*(['"])(.+?)\1/m)?.[2];
    if (title && component) titles[component] = title;
  }
  return titles;
}

/** Storybook's id of a title's docs entry (its `sanitize`: lower case, runs of other characters to `-`). */
export const docsId = (title) =>
  `${title.toLowerCase().replace(/[ ’–—―′¿'`~!@#$%^&*()_|+\-=?;:'",.<>{}[\]\\/]/gi, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '')}--docs`;

const typeText = (entity) => entity?.type?.text;
const tidy = (text) => (text ?? '').trim();

function tagMarkdown(d) {
  const lines = [];
  if (d.summary) lines.push(tidy(d.summary));
  if (d.description && tidy(d.description) !== tidy(d.summary)) lines.push('', tidy(d.description));
  const section = (title, items, format) => {
    if (!items.length) return;
    lines.push('', `**${title}**`, '', ...items.map((item) => `- ${format(item)}`));
  };
  const describe = (name, description) => `\`${name}\`${description ? ` — ${tidy(description)}` : ''}`;
  section('Events', namedEvents(d), (e) => describe(e.name, e.description));
  section('Slots', d.slots ?? [], (s) => describe(s.name || '(default)', s.description));
  section('CSS custom properties', d.cssProperties ?? [], (p) => describe(p.name, p.description));
  section('CSS parts', d.cssParts ?? [], (p) => describe(p.name, p.description));
  return lines.join('\n');
}

/**
 * Both editor files from a manifest.
 * @param {object} manifest  custom-elements.json
 * @param {{name: string, version: string, enums?: Record<string, Record<string, string[]>>, titles?: Record<string, string>, docsUrl?: string}} options  no docsUrl: no links
 */
export function editorData(manifest, {name, version, enums = {}, titles = {}, docsUrl}) {
  const elements = manifestElements(manifest).sort((a, b) => a.tagName.localeCompare(b.tagName));
  const docUrl = (tag) => (docsUrl && titles[tag] ? `${docsUrl}?path=/docs/${docsId(titles[tag])}` : undefined);

  const vscode = {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((d) => {
      const url = docUrl(d.tagName);
      return {
        name: d.tagName,
        description: {kind: 'markdown', value: tagMarkdown(d)},
        attributes: (d.attributes ?? []).map((a) => {
          const values = enums[d.tagName]?.[a.name];
          const attribute = {name: a.name, description: tidy(a.description) || undefined};
          if (values) attribute.values = values.map((value) => ({name: value}));
          else if (typeText(a) === 'boolean') attribute.valueSet = 'v';
          return attribute;
        }),
        ...(url ? {references: [{name: 'Storybook docs', url}]} : {}),
      };
    }),
  };

  const webTypes = {
    $schema: WEB_TYPES_SCHEMA,
    name,
    version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((d) => {
          const url = docUrl(d.tagName);
          const events = namedEvents(d).map((e) => ({name: e.name, description: tidy(e.description) || undefined}));
          return {
            name: d.tagName,
            description: [d.summary, d.description].filter(Boolean).map(tidy).join('\n\n'),
            ...(url ? {'doc-url': url} : {}),
            attributes: (d.attributes ?? []).map((a) => {
              const values = enums[d.tagName]?.[a.name];
              const type = typeText(a);
              const value = values
                ? {type: values.map((v) => `'${v}'`).join(' | ')}
                : type === 'boolean'
                  ? {type: 'boolean'}
                  : {type: type && /^(string|number)( \| null)?$/.test(type) ? type.split(' ')[0] : 'string'};
              // A default of null/undefined/false means "attribute absent": nothing to show.
              const shown = a.default !== undefined && !['null', 'undefined', 'false'].includes(a.default);
              return {name: a.name, description: tidy(a.description) || undefined, value: {...value, ...(shown ? {default: a.default} : {})}};
            }),
            events,
            slots: (d.slots ?? []).map((s) => ({name: s.name, description: tidy(s.description) || undefined})),
            js: {
              properties: (d.members ?? []).filter(isPublicField).map((m) => ({
                name: m.name,
                description: tidy(m.description) || undefined,
                type: typeText(m),
              })),
              events,
            },
            css: {
              properties: (d.cssProperties ?? []).map((p) => ({name: p.name, description: tidy(p.description) || undefined})),
              parts: (d.cssParts ?? []).map((p) => ({name: p.name, description: tidy(p.description) || undefined})),
            },
          };
        }),
      },
    },
  };
  // JSON.stringify drops the `undefined` descriptions.
  return {vscode: JSON.parse(JSON.stringify(vscode)), webTypes: JSON.parse(JSON.stringify(webTypes))};
}

/** Reads dist/custom-elements.json and writes both files next to it; returns their paths and counts. */
export async function writeEditorData({cwd = root, dist = join(cwd, 'dist'), docsUrl = process.env.RESELLER_DOCS_URL || undefined} = {}) {
  const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  const enums = await resolveEnumValues(manifestElements(manifest), {cwd});
  const {vscode, webTypes} = editorData(manifest, {name: pkg.name, version: pkg.version, enums, titles: storyTitles(join(cwd, 'stories')), docsUrl});
  const vscodePath = join(dist, 'vscode.html-custom-data.json');
  const webTypesPath = join(dist, 'web-types.json');
  writeFileSync(vscodePath, `${JSON.stringify(vscode, null, 2)}\n`);
  writeFileSync(webTypesPath, `${JSON.stringify(webTypes, null, 2)}\n`);
  const enumCount = Object.values(enums).reduce((n, byAttribute) => n + Object.keys(byAttribute).length, 0);
  return {vscodePath, webTypesPath, tags: vscode.tags.length, enums: enumCount};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--dist');
  const {tags, enums} = await writeEditorData(i > 0 ? {dist: process.argv[i + 1]} : {});
  console.log(`editor data: dist/vscode.html-custom-data.json and dist/web-types.json, ${tags} tag(s), ${enums} enum attribute(s)`);
}
