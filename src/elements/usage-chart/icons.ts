/** Small inline icons of the usage elements (decorative: `aria-hidden`, sized in `em`). */
import {svg} from 'lit';

const icon = (paths: ReturnType<typeof svg>) =>
  svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;

export const warningIcon = icon(svg`<path d="M10.3 3.9L1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z"></path><path d="M12 9v4"></path><path d="M12 17h.01"></path>`);
export const alertIcon = icon(svg`<circle cx="12" cy="12" r="10"></circle><path d="M12 8v4"></path><path d="M12 16h.01"></path>`);
export const upIcon = icon(svg`<path d="M12 19V5"></path><path d="M6 11l6-6 6 6"></path>`);
export const downIcon = icon(svg`<path d="M12 5v14"></path><path d="M18 13l-6 6-6-6"></path>`);
