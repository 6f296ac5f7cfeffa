/** Focus helpers shared by the elements' dialogs and actions. */

/** The focused element, through open shadow roots (null for the body). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
