/**
 * The one way the define modules register a tag (`src/define/<name>.ts`). It sits in a subfolder so
 * it is not itself a define module: scripts/build.mjs and vite.config.ts treat every
 * `src/define/*.ts` as a package entry, and this file registers nothing when it loads.
 *
 * - Tag not yet defined: defines it.
 * - Tag defined by this very class (two define modules of the same copy share an element, such
 *   as `<reseller-phone-field>`): nothing to do.
 * - Tag defined by another class: a second copy of the kit was loaded on the page (the npm package
 *   and the CDN bundle, or two versions). The first copy's class stays; this copy's definition is
 *   skipped, and ONE console warning per page says so (a flag on `globalThis` under a
 *   `Symbol.for` key, which every copy shares), not one per tag.
 * - No `customElements` (Node without a DOM, e.g. an SSR build importing the kit): nothing.
 */

/** Set on `globalThis` once the warning has been printed (shared by every copy on the page). */
const WARNED = Symbol.for('reseller-elements.second-copy-warned');

type Flags = {[WARNED]?: boolean};

/**
 * Defines `tag` with `element`, or skips it when the tag is already taken (see the module comment).
 * Returns whether this call defined the tag.
 */
export function defineElement(tag: string, element: CustomElementConstructor): boolean {
  const registry = (globalThis as {customElements?: CustomElementRegistry}).customElements;
  if (!registry) return false;
  const existing = registry.get(tag);
  if (!existing) {
    registry.define(tag, element);
    return true;
  }
  if (existing !== element) warnSecondCopy(tag);
  return false;
}

function warnSecondCopy(tag: string): void {
  const flags = globalThis as Flags;
  if (flags[WARNED]) return;
  flags[WARNED] = true;
  console.warn(
    `reseller-elements: <${tag}> is already defined by another class: a second copy of reseller-elements ` +
      `was loaded on this page (e.g. the npm package and the CDN bundle). Tags the first copy defined keep ` +
      `its classes and this copy skips them (one warning for all of them); load the kit once.`,
  );
}
