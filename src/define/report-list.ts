/** Registers `<reseller-report-list>` and the sub-elements it declares (each skipped when already defined). */
import {ResellerReportList} from '../elements/report-list/report-list.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-report-list', ResellerReportList);

export {ResellerReportList};
