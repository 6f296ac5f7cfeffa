/**
 * `reseller-elements/react/transcription-list`: the React component of `<reseller-transcription-list>` only. Importing it registers what
 * `reseller-elements/define/transcription-list` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerTranscriptionList as ResellerTranscriptionListElement} from '../define/transcription-list.js';
import type {PerPage} from '../contract/schemas.js';
import {wrap, type Narrowed} from './wrap.js';

export type {ResellerTranscriptionListElement};

/** `<reseller-transcription-list>`. */
const Component = wrap('reseller-transcription-list', ResellerTranscriptionListElement, 'ResellerTranscriptionList');
/** `perPage` takes the page sizes (25, 50, 75, 100) only. */
export const ResellerTranscriptionList: Narrowed<typeof Component, {perPage?: PerPage}> = Component;
