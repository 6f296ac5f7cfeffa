/**
 * Focus through shadow roots: a leaf (it imports nothing of the kit), so the controllers (menus,
 * toasts) and the elements' dialogs and actions share one walk.
 */

/** The focused element, through open shadow roots (null for the body and the document element). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body && active !== document.documentElement ? active : null;
}
