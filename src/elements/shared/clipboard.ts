/**
 * Copies text: the Clipboard API, else the older `execCommand('copy')` through a hidden textarea
 * (insecure origins have no `navigator.clipboard`). The fallback has to move focus to the textarea
 * to select it; focus goes back to where it was (across shadow roots) afterwards, so a keyboard
 * user's copy button keeps focus. Rejects when neither way copied.
 */
import {deepActiveElement} from '../../dom/focus.js';

export async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    const focused = deepActiveElement();
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    // Out of sight through the CSSOM (allowed under a strict CSP), not a style attribute: the
    // textarea sits under <body>, where the kit's `.visually-hidden` class does not apply.
    Object.assign(area.style, {position: 'fixed', insetBlockStart: '0', opacity: '0', pointerEvents: 'none'});
    document.body.append(area);
    try {
      area.select();
      if (!document.execCommand('copy')) throw error;
    } finally {
      area.remove();
      focused?.focus();
    }
  }
}
