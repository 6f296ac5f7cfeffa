/**
 * `reseller-elements/react/transcript-viewer`: the React component of `<reseller-transcript-viewer>` only. Importing it registers what
 * `reseller-elements/define/transcript-viewer` registers (the element and what it renders), nothing else.
 * The element type is exported as `…Element` (the component has the bare name).
 */
import {ResellerTranscriptViewer as ResellerTranscriptViewerElement} from '../define/transcript-viewer.js';
import {wrap} from './wrap.js';

export type {ResellerTranscriptViewerElement};

/** `<reseller-transcript-viewer>`. */
export const ResellerTranscriptViewer = wrap('reseller-transcript-viewer', ResellerTranscriptViewerElement, 'ResellerTranscriptViewer');
