/**
 * A small JSON Schema (2020-12) checker and sample maker for the OpenAPI-driven check
 * (openapi-contract.test.ts), written for the keywords the sandbox's OpenAPI document uses. A
 * keyword it does not know is an error, never silently ignored: a new construct in the document
 * fails the check until this file learns it (rather than passing unchecked).
 */
type Schema = Record<string, unknown> & {$ref?: string};

const KNOWN = new Set([
  '$ref', 'type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items', 'enum', 'const', 'anyOf', 'allOf',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'pattern', 'format',
  'default', 'description', 'title',
]);

/** Follows `#/components/schemas/X`. */
export function resolve(schema: Schema, root: Record<string, unknown>): Schema {
  if (!schema.$ref) return schema;
  const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], root);
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  return resolve(target as Schema, root);
}

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;

const FORMATS: Record<string, (v: string) => boolean> = {
  'date-time': (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  binary: () => true,
};

/** Problems of `value` against `schema` (empty when it matches), each with its JSON path. */
export function check(schema: Schema, value: unknown, root: Record<string, unknown>, path = '$'): string[] {
  const s = resolve(schema, root);
  for (const key of Object.keys(s)) if (!KNOWN.has(key)) throw new Error(`json-schema.ts does not know the keyword "${key}" (at ${path})`);
  const problems: string[] = [];
  const fail = (what: string) => problems.push(`${path}: ${what} (got ${JSON.stringify(value)?.slice(0, 80)})`);
  if (s.type !== undefined) {
    const types = ([] as unknown[]).concat(s.type);
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return [`${path}: expected ${types.join('|')}, got ${t}`];
  }
  if (s.enum && !(s.enum as unknown[]).some((e) => e === value)) fail(`not one of ${JSON.stringify(s.enum)}`);
  if ('const' in s && s.const !== value) fail(`not ${JSON.stringify(s.const)}`);
  if (s.anyOf && !(s.anyOf as Schema[]).some((sub) => check(sub, value, root, path).length === 0)) fail('matches none of anyOf');
  for (const sub of (s.allOf as Schema[] | undefined) ?? []) problems.push(...check(sub, value, root, path));
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) fail(`below minimum ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) fail(`above maximum ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) fail(`not above ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) fail(`not below ${s.exclusiveMaximum}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof s.minLength === 'number' && length < s.minLength) fail(`shorter than ${s.minLength}`);
    if (typeof s.maxLength === 'number' && length > s.maxLength) fail(`longer than ${s.maxLength}`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) fail(`does not match ${s.pattern}`);
    if (typeof s.format === 'string') {
      const ok = FORMATS[s.format];
      if (!ok) throw new Error(`json-schema.ts does not know the format "${s.format}"`);
      if (!ok(value)) fail(`not a ${s.format}`);
    }
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) fail(`fewer than ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) fail(`more than ${s.maxItems} items`);
    if (s.items) value.forEach((item, i) => problems.push(...check(s.items as Schema, item, root, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const name of (s.required as string[] | undefined) ?? []) if (!(name in object)) problems.push(`${path}: missing required "${name}"`);
    if (typeof s.minProperties === 'number' && Object.keys(object).length < s.minProperties) problems.push(`${path}: fewer than ${s.minProperties} properties`);
    for (const [name, v] of Object.entries(object)) {
      if (s.propertyNames) problems.push(...check(s.propertyNames as Schema, name, root, `${path} key ${name}`));
      if (name in properties) problems.push(...check(properties[name]!, v, root, `${path}.${name}`));
      else if (s.additionalProperties === false) problems.push(`${path}: unexpected property "${name}"`);
      else if (s.additionalProperties && typeof s.additionalProperties === 'object') problems.push(...check(s.additionalProperties as Schema, v, root, `${path}.${name}`));
    }
  }
  return problems;
}

/** Samples for the patterns and formats of the document (a pattern without one fails loudly). */
const PATTERN_SAMPLES = ['+31612345678', '#0b3d91', 'segment', '2026-01-15', '2026-01', '123'];

/**
 * A value that matches `schema` (required properties only, or the first `minProperties`, unless `full`), built from the first enum
 * value, the minimum, a known sample for a pattern. Throws when it cannot make one that checks.
 */
export function sample(schema: Schema, root: Record<string, unknown>, full = false, n = 0): unknown {
  const s = resolve(schema, root);
  let value: unknown;
  if (s.enum) value = (s.enum as unknown[])[0];
  else if ('const' in s) value = s.const;
  else if ('default' in s) value = s.default;
  else if (s.anyOf) value = sample((s.anyOf as Schema[])[0]!, root, full, n);
  else {
    const type = ([] as unknown[]).concat(s.type ?? (s.allOf ? 'string' : 'object'))[0];
    if (type === 'integer' || type === 'number') value = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1;
    else if (type === 'boolean') value = true;
    else if (type === 'null') value = null;
    else if (type === 'array') value = Array.from({length: Number(s.minItems ?? 0)}, () => sample(s.items as Schema, root, full, n));
    else if (type === 'object') {
      const object: Record<string, unknown> = {};
      for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
        const needed = ((s.required as string[] | undefined) ?? []).includes(name) || Object.keys(object).length < Number(s.minProperties ?? 0);
        if (full || needed) object[name] = sample(sub, root, full, n);
      }
      value = object;
    } else {
      const patterns = [s, ...((s.allOf as Schema[] | undefined) ?? [])].map((x) => x.pattern).filter((p): p is string => typeof p === 'string');
      const candidates = s.format === 'email' ? [`openapi.check.${n}@example.com`]
        : s.format === 'date-time' ? [new Date(Date.now() + 86_400_000 * 30).toISOString().replace(/\.\d+Z$/, 'Z')]
          : patterns.length ? PATTERN_SAMPLES : [`OpenAPI check ${n}`.padEnd(Number(s.minLength ?? 0), 'x')];
      value = candidates.find((c) => check(s, c, root).length === 0);
      if (value === undefined) throw new Error(`no sample for ${JSON.stringify(s)}`);
    }
  }
  const problems = check(s, value, root);
  if (problems.length) throw new Error(`sample does not match its schema: ${problems.join('; ')}`);
  return value;
}
