/**
 * `cem analyze --litelement` (run by scripts/build.mjs and before Storybook) reads the element
 * classes' TypeScript sources and their JSDoc (@summary @tag @slot @csspart @cssprop @fires) and
 * writes dist/custom-elements.json, which package.json's `customElements` points to and Storybook's
 * docs and controls read.
 */
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  dev: false,
  // never rewrite package.json: its customElements field is maintained by scripts/build.mjs
  packagejson: false,
};
