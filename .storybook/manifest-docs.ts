/**
 * The docs tables of each element page, from custom-elements.json (set in preview.ts as
 * `parameters.docs.extractArgTypes` and as an argTypes enhancer).
 *
 * Storybook's own web-components extractor keys every row by its bare name, so a CSS part, slot or
 * event named like an attribute replaced it (`granularity`, `metric`, `summary` in the usage chart:
 * the attribute's control ended up under "css shadow parts"), lists private and `#` members, and
 * lists a property and its attribute twice. Here:
 *
 * - attributes are keyed by their property (the name a story's args use: `tableView` shows as
 *   `table-view`), with the property's name in the description; properties without an attribute
 *   (objects, functions) are listed as properties; private, protected, static and `#` members are not;
 * - events, slots, CSS custom properties and parts get keys of their own (`event:…`, `slot:…`,
 *   `css:…`, `part:…`), so nothing collides, and no control (they are documentation);
 * - a control is live only when the story renders that arg: rows without a story arg get no control
 *   (instead of a "Set …" button that changes nothing).
 */
import type {ArgTypes, StrictArgTypes} from 'storybook/internal/types';

interface Named {
  name: string;
  description?: string;
  type?: {text?: string};
  default?: string;
}
interface Attribute extends Named {
  fieldName?: string;
}
interface Member extends Named {
  kind: string;
  static?: boolean;
  privacy?: string;
  attribute?: string;
  readonly?: boolean;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: Partial<Named>[];
  slots?: Named[];
  cssProperties?: Named[];
  cssParts?: Named[];
}
interface Manifest {
  modules?: {declarations?: Declaration[]}[];
}

const DOC_CATEGORIES = new Set(['attributes', 'properties']);

/** The declaration of a tag, or undefined. */
function declaration(manifest: Manifest | undefined, tagName: unknown): Declaration | undefined {
  if (typeof tagName !== 'string') return undefined;
  return manifest?.modules?.flatMap((m) => m.declarations ?? []).find((d) => d.customElement && d.tagName === tagName);
}

/** Storybook's type for a TypeScript type text (drives the control inferred for a story arg). */
function sbType(text: string | undefined) {
  const bare = (text ?? '').replace(/\s*\|\s*(null|undefined)\b/g, '').trim();
  if (bare === 'boolean' || bare === 'number' || bare === 'string') return {name: bare} as const;
  const literals = bare.split(/\s*\|\s*/);
  if (literals.length > 1 && literals.every((l) => /^'[^']*'$/.test(l))) return {name: 'enum', value: literals.map((l) => l.slice(1, -1))} as const;
  return {name: 'other', value: bare || 'unknown'} as const;
}

const row = (name: string, category: string, entity: Named, extra: Record<string, unknown> = {}) => ({
  name,
  description: entity.description ?? '',
  table: {
    category,
    ...(entity.type?.text ? {type: {summary: entity.type.text}} : {}),
    ...(entity.default !== undefined ? {defaultValue: {summary: entity.default}} : {}),
  },
  ...extra,
});

/** ArgTypes for a tag from the manifest (see the file comment). */
export function argTypesFromManifest(manifest: Manifest | undefined, tagName: unknown): ArgTypes | null {
  const d = declaration(manifest, tagName);
  if (!d) return null;
  const argTypes: ArgTypes = {};
  const withAttribute = new Set<string>();
  for (const a of d.attributes ?? []) {
    const key = a.fieldName ?? a.name;
    if (a.fieldName) withAttribute.add(a.fieldName);
    const description = [a.description, a.fieldName && a.fieldName !== a.name ? `Property: \`${a.fieldName}\`.` : ''].filter(Boolean).join(' ');
    argTypes[key] = row(a.name, 'attributes', {...a, description}, {type: sbType(a.type?.text)});
  }
  for (const m of d.members ?? []) {
    if (m.kind !== 'field' || m.static || m.name.startsWith('#') || (m.privacy ?? 'public') !== 'public' || withAttribute.has(m.name)) continue;
    argTypes[m.name] = row(m.name, 'properties', {...m, description: [m.description, m.readonly ? '(read-only)' : ''].filter(Boolean).join(' ')}, {type: sbType(m.type?.text)});
  }
  for (const e of d.events ?? []) {
    if (e.name) argTypes[`event:${e.name}`] = row(e.name, 'events', e as Named, {control: false});
  }
  for (const s of d.slots ?? []) argTypes[`slot:${s.name || 'default'}`] = row(s.name || '(default)', 'slots', s, {control: false});
  for (const p of d.cssProperties ?? []) argTypes[`css:${p.name}`] = row(p.name, 'css custom properties', p, {control: false});
  for (const p of d.cssParts ?? []) argTypes[`part:${p.name}`] = row(p.name, 'css shadow parts', p, {control: false});
  return argTypes;
}

/** The element's summary and description for the docs page's heading. */
export function descriptionFromManifest(manifest: Manifest | undefined, tagName: unknown): string | null {
  const d = declaration(manifest, tagName);
  if (!d) return null;
  return [d.summary, d.description].filter(Boolean).join('\n\n') || null;
}

/**
 * Rows of attributes and properties that the story does not render (no initial arg) get no control:
 * a control there would change an arg nothing reads. Rows the story renders keep their control.
 */
export function liveControlsOnly({argTypes, initialArgs}: {argTypes: StrictArgTypes; initialArgs?: Record<string, unknown>}): StrictArgTypes {
  const result: StrictArgTypes = {};
  for (const [key, argType] of Object.entries(argTypes)) {
    const category = (argType.table as {category?: string} | undefined)?.category;
    const unused = category && DOC_CATEGORIES.has(category) && !(key in (initialArgs ?? {}));
    result[key] = unused ? {...argType, control: false} : argType;
  }
  return result;
}
