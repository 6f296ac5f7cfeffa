/**
 * The kit's one way to register a tag, used by the define modules (`src/define/<name>.ts`) and by
 * an element that loads a sub-element lazily (the customer detail's tabs, the table's New
 * Customer dialog).
 *
 * An element declares the sub-elements it renders (Shoelace's `static dependencies`):
 *
 * ```ts
 * static dependencies: ElementDependencies = {'reseller-confirm-dialog': ResellerConfirmDialog};
 * ```
 *
 * and registering it registers them first (and theirs, recursively), each the same way:
 *
 * - Tag not yet defined: defines it.
 * - Tag defined by this very class (two define modules of the same copy share an element, such
 *   as `<reseller-phone-field>`): nothing to do.
 * - Tag defined by another class: a second copy of the kit was loaded on the page (the npm package
 *   and the CDN bundle, or two versions). The first copy's class stays; this copy's definition is
 *   skipped, and ONE console warning per page says so (a flag on `globalThis` under a
 *   `Symbol.for` key, which every copy shares), not one per tag.
 * - No `customElements` (Node without a DOM, e.g. an SSR build importing the kit): nothing.
 *
 * Importing this module registers nothing; class modules stay free of side effects.
 */

/** Sub-elements an element renders: tag -> class. */
export type ElementDependencies = Readonly<Record<string, CustomElementConstructor>>;

/** Set on `globalThis` once the warning has been printed (shared by every copy on the page). */
const WARNED = Symbol.for('reseller-elements.second-copy-warned');

type Flags = {[WARNED]?: boolean};

/**
 * Defines `tag` with `element` after the sub-elements it declares in `static dependencies`, or
 * skips a tag that is already taken (see the module comment). Returns whether this call defined
 * `tag` itself.
 */
export function defineElement(tag: string, element: CustomElementConstructor, seen = new Set<CustomElementConstructor>()): boolean {
  const registry = (globalThis as {customElements?: CustomElementRegistry}).customElements;
  if (!registry) return false;
  seen.add(element);
  const dependencies = (element as {dependencies?: ElementDependencies}).dependencies ?? {};
  for (const [subTag, sub] of Object.entries(dependencies)) if (!seen.has(sub)) defineElement(subTag, sub, seen);
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
