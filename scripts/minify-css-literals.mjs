/**
 * Minifies the CSS inside Lit `css\`…\`` templates of the shipped build (Vite plugin, used by
 * vite.config.ts for the npm and CDN builds). JS minifiers leave template text alone, so without
 * this every indent and comment of every stylesheet reaches a partner's page.
 *
 * Deliberately conservative: comments are dropped, runs of whitespace become one space, and the
 * space next to `{ } ;` goes (plus the `;` before `}`). Quoted strings are kept as written; other
 * spaces stay (they can matter: `a :hover`, `and (…)`, `calc(a - b)`; and after a comma inside
 * `var()` they are kept in the serialized value), so the browser reads exactly the same rules.
 * Interpolations (`${…}`) are kept; a template whose interpolation holds a string or template is
 * left untouched, and so is `css\`` in a comment line (a JSDoc example).
 */

/** Minifies one template's static parts (`quasis`, the text between interpolations). */
export function minifyCssQuasis(quasis) {
  return quasis.map((text, i) => {
    let out = minifyCssText(text);
    if (i === 0) out = out.replace(/^ /, '');
    if (i === quasis.length - 1) out = out.replace(/ $/, '');
    return out;
  });
}

const TIGHT = new Set(['{', '}', ';']);

/** CSS text → the same CSS with comments and needless whitespace removed (see above). */
export function minifyCssText(text) {
  let out = '';
  let pendingSpace = false;
  const emit = (chunk) => {
    if (pendingSpace && out && !TIGHT.has(out.at(-1)) && !TIGHT.has(chunk[0])) out += ' ';
    else if (pendingSpace && !out) out += ' '; // keep a boundary space after an interpolation
    pendingSpace = false;
    if (chunk === '}' && out.endsWith(';')) out = out.slice(0, -1);
    out += chunk;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 2;
      pendingSpace = true;
    } else if (/\s/.test(c)) {
      while (i < text.length && /\s/.test(text[i])) i++;
      pendingSpace = true;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      emit(text.slice(i, j + 1));
      i = j + 1;
    } else if (c === '\\') {
      emit(text.slice(i, i + 2));
      i += 2;
    } else {
      emit(c);
      i++;
    }
  }
  if (pendingSpace && out && !TIGHT.has(out.at(-1))) out += ' ';
  return out;
}

/**
 * Rewrites every `css\`…\`` in a module's source. Returns the new source, or null when nothing
 * changed.
 */
export function minifyCssLiterals(source) {
  const tag = /\bcss`/g;
  let result = '';
  let last = 0;
  let changed = false;
  for (let match; (match = tag.exec(source)); ) {
    const lineStart = source.lastIndexOf('\n', match.index) + 1;
    if (/^\s*(\*|\/\/)/.test(source.slice(lineStart, match.index))) continue; // in a comment
    const start = match.index + match[0].length;
    const parsed = readTemplate(source, start);
    if (!parsed) continue;
    const quasis = minifyCssQuasis(parsed.quasis);
    let rebuilt = quasis[0];
    for (let k = 0; k < parsed.expressions.length; k++) rebuilt += `\${${parsed.expressions[k]}}${quasis[k + 1]}`;
    result += source.slice(last, start) + rebuilt;
    last = parsed.end; // the closing backtick
    tag.lastIndex = parsed.end;
    changed = true;
  }
  return changed ? result + source.slice(last) : null;
}

/** The template from `start` (just after the opening backtick) to its closing backtick, or null. */
function readTemplate(source, start) {
  const quasis = [];
  const expressions = [];
  let text = '';
  for (let i = start; i < source.length; ) {
    const c = source[i];
    if (c === '\\') {
      text += source.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      quasis.push(text);
      return {quasis, expressions, end: i};
    } else if (c === '$' && source[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      for (; j < source.length && depth; j++) {
        const d = source[j];
        if (d === '`' || d === '"' || d === "'") return null; // too clever for this plugin: leave it
        if (d === '{') depth++;
        else if (d === '}') depth--;
      }
      if (depth) return null;
      quasis.push(text);
      expressions.push(source.slice(i + 2, j - 1));
      text = '';
      i = j;
    } else {
      text += c;
      i++;
    }
  }
  return null;
}

/** The Vite / Rollup plugin: source modules under src/ only. */
export function minifyCssLiteralsPlugin() {
  return {
    name: 'reseller:minify-css-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const minified = minifyCssLiterals(code);
      return minified === null ? null : {code: minified, map: null};
    },
  };
}
