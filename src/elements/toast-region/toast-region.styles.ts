import {css} from 'lit';

export const styles = css`
  :host {
    /* The UA styles a [popover] as a centred box: undo that, pin the stack to the block end. */
    position: fixed;
    inset: auto;
    inset-block-end: var(--_space-4);
    inset-inline-end: var(--_space-4);
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    overflow: visible;
    max-inline-size: min(26rem, 100vw - 2rem);
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
