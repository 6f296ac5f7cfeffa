/**
 * The elements' shared layer (src/elements/shared/): the clipboard fallback gives focus back.
 * (The quota rule: quota-meter.test.ts; registration of declared sub-elements: test/define.)
 */
import {expect} from '@open-wc/testing';
import {writeClipboard} from '../../src/elements/shared/clipboard.js';
import {deepActiveElement} from '../../src/dom/focus.js';

/** Makes the Clipboard API refuse (as on an insecure origin or without permission) until `restore()`. */
function refuseClipboardApi(): {restore: () => void} {
  Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))}});
  return {restore: () => delete (navigator as {clipboard?: unknown}).clipboard};
}

/** Listens for the fallback's `copy` event: the text of the textarea it selected. */
function nextCopy(): {text: () => string | null; stop: () => void} {
  let copied: string | null = null;
  const onCopy = (e: Event) => (copied = (e.composedPath()[0] as HTMLTextAreaElement).value ?? null);
  document.addEventListener('copy', onCopy, true);
  return {text: () => copied, stop: () => document.removeEventListener('copy', onCopy, true)};
}

describe('shared/clipboard', () => {
  let clipboard: {restore: () => void} | undefined;
  afterEach(() => clipboard?.restore());

  it('without the Clipboard API, copies through a textarea and gives focus back to the button inside a shadow root', async () => {
    // A host of our own (not a fixture: @open-wc's fixture container is reused by the next test).
    const host = document.body.appendChild(document.createElement('div'));
    try {
      const root = host.attachShadow({mode: 'open'});
      const button = document.createElement('button');
      button.textContent = 'Copy';
      root.append(button);
      button.focus();
      expect(deepActiveElement()).to.equal(button);
      clipboard = refuseClipboardApi();
      const copy = nextCopy();
      const copied = await writeClipboard('rk_live_123').then(() => true, () => false);
      copy.stop();
      expect(deepActiveElement(), 'focus is back on the copy button').to.equal(button);
      expect(document.querySelector('body > textarea'), 'the textarea is gone').to.equal(null);
      // execCommand('copy') may be refused outside a user gesture; when it copied, it copied this text.
      if (copied) expect(copy.text()).to.equal('rk_live_123');
    } finally {
      host.remove();
    }
  });
});
