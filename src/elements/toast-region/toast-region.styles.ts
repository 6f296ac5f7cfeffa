import {css} from 'lit';

export const styles = css`
  :host {
    /* The UA styles a [popover] as a centred box: undo that, pin the stack to a corner of the
       viewport: the block end, inline end by default; another corner (\`data-placement\`, set by
       the kit) when that one would cover the control just used. --_toast-offset and
       --_toast-max-width come from tokens.ts (--reseller-toast-offset, --reseller-toast-max-width). */
    position: fixed;
    inset: auto;
    inset-block-end: var(--_toast-offset);
    inset-inline-end: var(--_toast-offset);
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    overflow: visible;
    max-inline-size: min(var(--_toast-max-width), 100vw - 2rem);
    /* Only the toasts themselves take the pointer: the gaps between them and the region's own box
       never block a click on the page underneath. */
    pointer-events: none;
  }
  :host([data-placement^='top']) {
    inset-block-end: auto;
    inset-block-start: var(--_toast-offset);
  }
  :host([data-placement$='start']) {
    inset-inline-end: auto;
    inset-inline-start: var(--_toast-offset);
  }
  .stack {
    display: grid;
    gap: var(--_space-2);
  }
  .live {
    display: grid;
    gap: var(--_space-2);
  }
  .toast {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
    padding-block: var(--_space-2);
    padding-inline: var(--_space-3) var(--_space-1);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_toast-accent);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text);
    box-shadow: var(--_shadow);
    pointer-events: auto;
    animation: toast-in var(--_duration) ease-out;
  }
  .toast.success {
    --_toast-accent: var(--_success);
  }
  .toast.error {
    --_toast-accent: var(--_danger);
  }
  .toast.info {
    --_toast-accent: var(--_brand);
  }
  .message {
    flex: 1;
    margin: 0;
    padding-block: var(--_space-1);
  }
  .dismiss {
    flex: none;
    min-block-size: 2rem;
    min-inline-size: 2rem;
    color: var(--_text-muted);
    font-size: 1.25em;
    line-height: 1;
  }
  @keyframes toast-in {
    from {
      opacity: 0;
      translate: 0 0.5rem;
    }
  }
`;
