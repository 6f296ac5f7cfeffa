/** Registers `<reseller-transcription-list>` (skipped when already defined). */
import {ResellerTranscriptionList} from '../elements/transcription-list/transcription-list.js';
import {defineElement} from '../elements/shared/registration.js';

defineElement('reseller-transcription-list', ResellerTranscriptionList);

export {ResellerTranscriptionList};
