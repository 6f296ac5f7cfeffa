/**
 * Saving text the element built (a CSV) as a file, through saveBlob (a blob URL on a temporary
 * `<a download>`). Shared by the usage chart's export and the subscription panel's billing history.
 */
import {saveBlob} from './save-blob.js';

/** Saves `text` as `filename`, UTF-8 without a BOM, like the API's CSVs. */
export function downloadText(root: ShadowRoot | HTMLElement, filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(root, new Blob([text], {type}), filename, {revokeAfterMs: 30_000});
}
