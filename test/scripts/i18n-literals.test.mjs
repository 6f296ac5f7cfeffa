/**
 * One catalogue: no element template carries user-visible English of its own. Every `html`/`svg`
 * tagged template in src/elements/ is read with the TypeScript parser; its static text (between
 * tags) and the static values of user-visible attributes (aria-label, title, placeholder, alt, …)
 * must not contain words: words come from the catalogue through `${i18n.t(…)}`. Fast (no browser)
 * and exact about where a literal sits. Not covered: a string constant defined elsewhere and
 * interpolated into a template (keep those in src/i18n/en.ts too).
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import assert from 'node:assert/strict';
import {test} from 'node:test';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const VISIBLE_ATTRIBUTES = /\s(aria-label|aria-description|aria-roledescription|aria-placeholder|aria-valuetext|title|placeholder|alt|label)="([^"]*)"/g;
/** A word: two letters or more (a lone `*` or `–`, `×`, `:` is punctuation, not English). */
const WORD = /\p{L}{2,}/u;
const MARK = '\u0000';

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.styles.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** The static text of every html/svg template of a source file, expressions replaced by a marker. */
export function templates(path) {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'svg')) {
      const t = node.template;
      const text = ts.isNoSubstitutionTemplateLiteral(t) ? t.rawText ?? t.text : [t.head.rawText ?? t.head.text, ...t.templateSpans.map((s) => s.literal.rawText ?? s.literal.text)].join(MARK);
      found.push({line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text});
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** User-visible literal words in a template's static text. */
export function literals(text) {
  const out = [];
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of withoutComments.match(/<[^>]*>/g) ?? []) {
    for (const [, name, value] of tag.matchAll(VISIBLE_ATTRIBUTES)) {
      if (value.split(MARK).some((part) => WORD.test(part))) out.push(`${name}="${value.replaceAll(MARK, '${…}')}"`);
    }
  }
  const between = withoutComments
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, MARK)
    .replace(/&[a-z]+;|&#\w+;/gi, ' ');
  for (const part of between.split(MARK)) {
    if (WORD.test(part)) out.push(part.trim());
  }
  return out;
}

test('the scanner finds literal text and visible attributes, and ignores bindings and markup', () => {
  const [html] = templates(fileURLToPath(new URL('./fixtures/literal-element.ts', import.meta.url)));
  assert.deepEqual(literals(html.text), ['aria-label="Close"', 'placeholder="Search by ${…}"', 'Hello', 'items']);
  assert.deepEqual(literals(`<p class="muted" part="x">${MARK}</p><!-- a note --><span title=${MARK}>*</span>`), []);
});

test('no element template renders English text outside the catalogue', () => {
  const problems = [];
  for (const path of sourceFiles(join(root, 'src/elements'))) {
    for (const {line, text} of templates(path)) {
      for (const literal of literals(text)) problems.push(`${relative(root, path)}:${line}: ${literal}`);
    }
  }
  assert.deepEqual(problems, [], `literal text in templates (put it in src/i18n/en.ts and use i18n.t):\n${problems.join('\n')}`);
});
