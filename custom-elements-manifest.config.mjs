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

/**
 * cem records every `this.dispatchEvent(new X(arg))` as an event named by `arg`'s text. The kit's
 * event classes carry their own name and take the detail as their first argument, so each call
 * became a second entry next to the element's `@fires {X} reseller-…` JSDoc line: nameless for an
 * object literal (`new ResellerStateChangeEvent({...})`: eight elements), or named after the
 * variable passed in (`new ResellerCustomerUpdatedEvent(updated)` became an event `updated`).
 * Editors, Storybook and the React typings showed those. Drop an undocumented entry (no
 * description) when an `@fires` line documents the same class; an event no `@fires` line
 * documents stays, so the package test that wants every event named `reseller-…` names the
 * element and the missing JSDoc line.
 */
function dropDispatchDuplicatesOfFires() {
  return {
    name: 'reseller:drop-dispatch-duplicates-of-fires',
    packageLinkPhase({customElementsManifest}) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const d of mod.declarations ?? []) {
          if (!d.events) continue;
          const documented = new Set(d.events.filter((e) => e.name && e.description).map((e) => e.type?.text));
          d.events = d.events.filter((e) => (e.name && e.description) || !documented.has(e.type?.text));
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
  plugins: [resolveTagConstants(), dropDispatchDuplicatesOfFires()],
};
