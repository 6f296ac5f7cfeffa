import {css} from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .editor {
    display: grid;
    gap: var(--_space-5);
    max-inline-size: 48rem;
  }
  .section {
    display: grid;
    gap: var(--_space-3);
    margin: 0;
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }
  .section-title {
    margin: 0;
    padding: 0;
    font-size: 1em;
    font-weight: 600;
  }
  /* A grid item like the rest (floated: not drawn in the fieldset's border). No percentage width:
     WebKit gave inline-size: 100% 734 px in a 320 px container. */
  legend.section-title {
    float: inline-start;
    margin-block-end: var(--_space-1);
  }

  /* ---- colour ----------------------------------------------------------------------------- */
  .color-inputs {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3);
  }
  .picker {
    inline-size: calc(var(--_control-height) * 1.6);
    block-size: var(--_control-height);
    padding: 2px;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .hex-field {
    inline-size: 11rem;
  }
  .hex {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  .contrast {
    display: grid;
    gap: var(--_space-2);
  }
  .contrast-title {
    margin: 0;
    font-weight: 500;
  }
  .contrast-list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .contrast-list li {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .swatch {
    display: inline-grid;
    place-items: center;
    inline-size: 2.2em;
    block-size: 1.6em;
    border-radius: var(--_radius-small);
    background: var(--_brand);
    font-weight: 700;
  }
  /* The sample text is generated content: it shows the contrast it is about, low or not. */
  .swatch::before {
    content: 'Aa';
  }
  .on-white {
    color: #ffffff;
  }
  .on-dark {
    color: #111111;
  }
  .contrast-verdict {
    display: block;
  }
  .read-only-color {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin: 0;
  }
  .swatch.brand::before {
    content: none;
  }

  /* ---- preview (a theme scope: the chosen colour is set on it) ------------------------------ */
  .preview {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-4);
    border: 1px dashed var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .preview-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
  }
  .preview-table {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .preview-table th {
    background: var(--_brand);
    color: var(--_on-brand);
  }

  /* ---- logo ------------------------------------------------------------------------------- */
  .logo-row {
    display: flex;
    flex-wrap: wrap;
    align-items: stretch;
    gap: var(--_space-4);
  }
  .logo-frame {
    display: grid;
    place-items: center;
    gap: var(--_space-1);
    margin: 0;
    min-inline-size: 10rem;
    min-block-size: 6rem;
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-sunken);
  }
  .logo-image {
    display: block;
    max-inline-size: 14rem;
    max-block-size: 5rem;
    object-fit: contain;
  }
  .no-logo {
    color: var(--_text-muted);
  }
  .logo-actions {
    display: grid;
    align-content: start;
    gap: var(--_space-2);
    flex: 1 1 14rem;
  }
  .drop-zone {
    display: grid;
    gap: var(--_space-1);
    justify-items: center;
    padding: var(--_space-4);
    border: 2px dashed var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    transition:
      background-color var(--_duration),
      border-color var(--_duration);
  }
  .drop-zone:hover,
  .drop-zone.dragging {
    border-color: var(--_brand);
    background: var(--_brand-subtle);
  }
  .drop-zone[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .drop-label {
    color: var(--_brand-text);
    font-weight: 600;
  }
  .drop-hint {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .danger-text {
    color: var(--_danger-text);
  }

  /* ---- actions ---------------------------------------------------------------------------- */
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space-2);
  }
  .unsaved {
    margin-inline-end: auto;
  }
`;
