/** The kit's small inline icons (decorative: `aria-hidden`, sized by CSS in `em` through `.icon`). */
import {svg} from 'lit';

const icon = (paths: ReturnType<typeof svg>) =>
  svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;

export const copyIcon = icon(svg`<rect x="9" y="9" width="12" height="12" rx="2"></rect><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"></path>`);
export const moreIcon = icon(svg`<circle cx="12" cy="5" r="1.5"></circle><circle cx="12" cy="12" r="1.5"></circle><circle cx="12" cy="19" r="1.5"></circle>`);
export const sortIcon = icon(svg`<path d="M8 9l4-4 4 4"></path><path d="M16 15l-4 4-4-4"></path>`);
/** Ascending sort; also "up" (a rise against the previous period). */
export const ascIcon = icon(svg`<path d="M12 19V5"></path><path d="M6 11l6-6 6 6"></path>`);
/** Descending sort; also "down". */
export const descIcon = icon(svg`<path d="M12 5v14"></path><path d="M18 13l-6 6-6-6"></path>`);
export const upIcon = ascIcon;
export const downIcon = descIcon;
export const firstIcon = icon(svg`<path d="M17 18l-6-6 6-6"></path><path d="M7 6v12"></path>`);
export const previousIcon = icon(svg`<path d="M15 18l-6-6 6-6"></path>`);
export const nextIcon = icon(svg`<path d="M9 18l6-6-6-6"></path>`);
export const lastIcon = icon(svg`<path d="M7 18l6-6-6-6"></path><path d="M17 6v12"></path>`);
export const searchIcon = icon(svg`<circle cx="11" cy="11" r="7"></circle><path d="M21 21l-4.3-4.3"></path>`);
export const plusIcon = icon(svg`<path d="M12 5v14"></path><path d="M5 12h14"></path>`);
export const warningIcon = icon(svg`<path d="M10.3 3.9L1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z"></path><path d="M12 9v4"></path><path d="M12 17h.01"></path>`);
export const alertIcon = icon(svg`<circle cx="12" cy="12" r="10"></circle><path d="M12 8v4"></path><path d="M12 16h.01"></path>`);
