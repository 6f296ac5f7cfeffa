/**
 * Saving a file the client fetched (the token cannot go into a link): the Blob becomes a `blob:`
 * URL on a temporary `<a download="filename">` inside the element's root, which is clicked and
 * removed. The URL is revoked after `revokeAfterMs` (the browser reads it asynchronously); the
 * caller may revoke it sooner (when the element leaves the page).
 */
export function saveBlob(root: ShadowRoot | DocumentFragment | HTMLElement, blob: Blob, filename: string, {revokeAfterMs = 60_000, onRevoked}: {revokeAfterMs?: number; onRevoked?: (url: string) => void} = {}): string {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
    onRevoked?.(url);
  }, revokeAfterMs);
  return url;
}
