/** Links to a customer's detail page (a host's `detail-href` template). */

/** A `detail-href` template with `{id}` filled, or null without a template. */
export function detailHref(template: string | null | undefined, id: number): string | null {
  return template ? template.replaceAll('{id}', encodeURIComponent(String(id))) : null;
}
