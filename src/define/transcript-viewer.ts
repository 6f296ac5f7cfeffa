/** Registers `<reseller-transcript-viewer>` and the sub-elements it declares (each skipped when already defined). */
import {ResellerTranscriptViewer} from '../elements/transcript-viewer/transcript-viewer.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-transcript-viewer', ResellerTranscriptViewer);

export {ResellerTranscriptViewer};
