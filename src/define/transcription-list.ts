/** Registers `<reseller-transcription-list>` (skipped when already defined). */
import {ResellerTranscriptionList} from '../elements/transcription-list/transcription-list.js';

if (!customElements.get('reseller-transcription-list')) customElements.define('reseller-transcription-list', ResellerTranscriptionList);

export {ResellerTranscriptionList};
