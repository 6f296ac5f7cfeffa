// node --test test/scripts/ : the build's CSS-literal minifier (scripts/minify-css-literals.mjs).
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {minifyCssLiterals, minifyCssText} from '../../scripts/minify-css-literals.mjs';

test('drops comments and needless whitespace, keeps what CSS needs', () => {
  const cases = [
    ['  .a  >  .b {\n  color: red;\n  margin: 0 auto;\n}\n', '.a > .b{color: red;margin: 0 auto}'],
    ['a :hover { x: calc(1px + 2px) ; }', 'a :hover{x: calc(1px + 2px)}'],
    ["/* host's comment */ .q[data-level='a  b'] { content: '  ' }", ".q[data-level='a  b']{content: '  '}"],
    ['@media (min-width: 40rem) and (prefers-color-scheme: dark) { a { b: c } }', '@media (min-width: 40rem) and (prefers-color-scheme: dark){a{b: c}}'],
    ['transition: a 1s,\n   b 2s;', 'transition: a 1s, b 2s;'],
    ["content: '\\\\2014';", "content: '\\\\2014';"],
  ];
  for (const [input, want] of cases) assert.equal(minifyCssText(input).trim(), want, input);
});

test('rewrites css templates only, keeping interpolations and the spaces around them', () => {
  assert.equal(minifyCssLiterals('x = css`\n  .a ${b} .c {\n    d: ${e};\n  }\n`;'), 'x = css`.a ${b} .c{d: ${e}}`;');
  assert.equal(minifyCssLiterals('x = css`a{${f(`x`)}}`'), null, 'a nested template: left alone');
  assert.equal(minifyCssLiterals('x = html`<p>  a  </p>`'), null);
  assert.equal(minifyCssLiterals(' * e.g. css`a { b: c }`\n'), null, 'a JSDoc example');
});

test('every stylesheet in src/ only loses comments, whitespace and the last semicolon of a block', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const files = execFileSync('grep', ['-rl', 'css`', 'src'], {cwd: root, encoding: 'utf8'}).trim().split('\n');
  const strip = (s) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, '').replace(/;}/g, '}');
  for (const file of files) {
    const source = readFileSync(`${root}${file}`, 'utf8');
    const minified = minifyCssLiterals(source) ?? source;
    assert.equal(strip(minified), strip(source), file);
  }
});
