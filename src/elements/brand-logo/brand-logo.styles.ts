import {css} from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    align-items: center;
    vertical-align: middle;
    block-size: 2rem;
    max-inline-size: 100%;
    /* A logo in the host's navigation takes the navigation's text colour and size. */
    color: inherit;
    font-size: inherit;
    line-height: 1.2;
  }
  .image {
    display: block;
    block-size: 100%;
    inline-size: auto;
    max-inline-size: 100%;
    object-fit: contain;
  }
  .name {
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .placeholder {
    display: block;
    inline-size: 6rem;
    block-size: 100%;
    border-radius: var(--_radius-small);
    background: var(--_skeleton);
    opacity: 0.4;
  }
  ::slotted(img) {
    display: block;
    block-size: 100%;
    inline-size: auto;
  }
`;
