/**
 * `cem analyze --litelement` (run by scripts/build.mjs and before Storybook) reads the element
 * classes' TypeScript sources and their JSDoc (@summary @tag @slot @csspart @cssprop @fires) and
 * writes dist/custom-elements.json, which package.json's `customElements` points to and Storybook's
 * docs and controls read.
 */

/**
 * `customElements.define(SOME_TAG, Class)` makes cem record the identifier as the tag name:
 * resolve it to the string constant declared in the same module.
 */
function resolveTagConstants() {
  return {
    name: 'reseller:resolve-tag-constants',
    packageLinkPhase({customElementsManifest}) {
      for (const mod of customElementsManifest.modules ?? []) {
        const constants = new Map(
          (mod.declarations ?? [])
            .filter((d) => d.kind === 'variable' && typeof d.default === 'string' && /^(['"`])[a-z][\w.-]*-[\w.-]*\1$/.test(d.default))
            .map((d) => [d.name, d.default.slice(1, -1)]),
        );
        for (const d of mod.declarations ?? []) {
          if (d.tagName && constants.has(d.tagName)) d.tagName = constants.get(d.tagName);
        }
        for (const e of mod.exports ?? []) {
          if (e.kind === 'custom-element-definition' && constants.has(e.name)) e.name = constants.get(e.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  dev: false,
  // never rewrite package.json: its customElements field is maintained by scripts/build.mjs
  packagejson: false,
  plugins: [resolveTagConstants()],
};
