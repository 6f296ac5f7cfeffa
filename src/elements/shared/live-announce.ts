/** The live updates' polite announcements (quota crossings): one rule for the text, one region. */
import {html} from 'lit';
import type {QuotaCrossing} from '../../controllers/live-controller.js';
import type {LocaleController} from '../../controllers/locale-controller.js';

/** "Acme is above 80 % of its monthly quota." / "Acme has used up its monthly quota." */
export const crossingText = (i18n: LocaleController, crossing: QuotaCrossing): string =>
  i18n.t(crossing.level === 'alert' ? 'live.quotaExceeded' : 'live.quotaWarning', {name: crossing.name});

/** The element's polite live region: always rendered (a region must exist before its text changes). */
export const renderAnnouncement = (text: string) =>
  html`<p class="visually-hidden" part="announcement" role="status" aria-live="polite">${text}</p>`;
