/**
 * `reseller-elements/react/report-list`: the React component of `<reseller-report-list>` only. Importing it registers what
 * `reseller-elements/define/report-list` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerReportList as ResellerReportListElement} from '../define/report-list.js';
import {wrap} from './wrap.js';

export type {ResellerReportListElement};

/** `<reseller-report-list>`: `onReportGenerated`, `onReportSettingsSaved`. */
export const ResellerReportList = wrap('reseller-report-list', ResellerReportListElement, 'ResellerReportList');
