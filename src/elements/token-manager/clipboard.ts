/** Copies text: the Clipboard API, else the older `execCommand('copy')` (insecure origins have no `navigator.clipboard`). */
export async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (error) {
    let focused: Element | null = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    // CSSOM (allowed under a strict CSP), not a style attribute.
    Object.assign(area.style, {position: 'fixed', insetBlockStart: '0', opacity: '0', pointerEvents: 'none'});
    document.body.append(area);
    try {
      area.select();
      if (!document.execCommand('copy')) throw error;
    } finally {
      area.value = '';
      area.remove();
      (focused as HTMLElement | null)?.focus?.();
    }
  }
}
