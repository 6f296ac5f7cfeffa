import type {Loader, Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {ResellerTranscriptViewer} from '../src/elements/transcript-viewer/transcript-viewer.js';
import {createStoryTenant, createStoryTranscript, setFaults, type SandboxParameters, type StoryTenant} from './helpers/sandbox.js';

/**
 * `<reseller-transcript-viewer transcription-id>`: one transcript's text with speakers and times,
 * search with highlighted matches, copy and download. Every story has its own seeded sandbox
 * tenant, inside `<reseller-provider>`; the transcript is made for the story through the sandbox's
 * control API (or, for the plain story, the tenant's newest finished one).
 */
interface ViewerArgs {
  /** What the story searches for once the text is shown. */
  search?: string;
}

/** How the story's transcript is made: `duration_seconds`, `language`, `segments`, `status`. */
interface Make {
  title: string;
  duration_seconds?: number;
  language?: string;
  status?: string;
  segments?: Array<{speaker: string; text: string}>;
}

const authorized = (tenant: StoryTenant) => ({headers: {authorization: `Bearer ${tenant.tokens.reseller}`}});

/** A loader that makes the story's tenant and transcript, then applies its fault rules. */
function transcriptLoader(make: Make | 'newest' | 'missing'): Loader<ViewerArgs> {
  return async ({parameters}) => {
    const options = (parameters.sandbox ?? {}) as SandboxParameters;
    const tenant = await createStoryTenant({...options, faults: undefined});
    let id = 999_999_999;
    if (make === 'newest') {
      const page = (await (await fetch('/api/v3/reseller/transcripts?status=done&per_page=25', authorized(tenant))).json()) as {data: {id: number}[]};
      id = page.data[0]!.id;
    } else if (make !== 'missing') {
      const customers = (await (await fetch('/api/v3/reseller/customers?sort=id', authorized(tenant))).json()) as {data: {id: number}[]};
      id = await createStoryTranscript(tenant.tokens.reseller, {customer_id: customers.data[0]!.id, ...make});
    }
    if (options.faults?.length) await setFaults(tenant.tokens.reseller, options.faults);
    return {tenant, transcriptionId: id};
  };
}

const meta: Meta<ViewerArgs> = {
  title: 'Transcript viewer',
  component: 'reseller-transcript-viewer',
  render: (_args, {loaded}) => html`<reseller-transcript-viewer transcription-id=${ifDefined(loaded.transcriptionId as number | undefined)}></reseller-transcript-viewer>`,
  loaders: [transcriptLoader('newest')],
  args: {search: ''},
  argTypes: {search: {control: 'text'}},
  parameters: {sandbox: {customers: 3} satisfies SandboxParameters},
  // The search arg is typed into the viewer once its text is shown (its public search() method).
  play: async ({canvasElement, args}) => {
    if (!args.search) return;
    const viewer = canvasElement.querySelector<ResellerTranscriptViewer>('reseller-transcript-viewer')!;
    for (let i = 0; i < 200 && !viewer.transcript; i++) await new Promise((r) => setTimeout(r, 50));
    viewer.search(args.search);
  },
};
export default meta;

type Story = StoryObj<ViewerArgs>;
const sandbox = (options: SandboxParameters) => ({sandbox: options});

/** The tenant's newest finished transcript, as the seed made it. */
export const Default: Story = {};

/** The content takes a while (3 s): the loading placeholder, then the newest transcript. */
export const Loading: Story = {parameters: sandbox({customers: 3, faults: [{method: 'GET', path: '/transcripts/*/content', delay_ms: 3000}]})};

/** Search with matches: every match highlighted, the first one current, the count announced. */
export const SearchWithMatches: Story = {
  args: {search: 'budget'},
  loaders: [transcriptLoader({
    title: 'Budget review',
    segments: [
      {speaker: 'Ana', text: 'The budget for the next quarter is ready.'},
      {speaker: 'Ben', text: 'Does the budget include the new office?'},
      {speaker: 'Ana', text: 'It does. Marketing keeps last year’s budget.'},
    ],
  })],
};

/** A two-hour meeting (~1,500 segments), rendered in blocks the browser skips while off screen. */
export const TwoHourTranscript: Story = {loaders: [transcriptLoader({title: 'All-hands, two hours', duration_seconds: 7200})]};

/** Arabic text: every segment reads right to left by itself, inside a left-to-right page. */
export const Arabic: Story = {loaders: [transcriptLoader({title: 'اجتماع الميزانية', language: 'ar', duration_seconds: 300})]};

/** The content answers 500: an error with Try again. */
export const LoadError: Story = {tags: ['http-errors'], parameters: sandbox({customers: 3, faults: [{method: 'GET', path: '/transcripts/*/content', status: 500}]})};

/** An id that is not this reseller's: "Transcript not found". */
export const NotFound: Story = {tags: ['http-errors'], loaders: [transcriptLoader('missing')]};

/** A transcription still processing: no text yet. */
export const Empty: Story = {loaders: [transcriptLoader({title: 'Still processing', status: 'processing'})]};

/** A RESELLEE token: "reseller access required". */
export const ResellerAccessRequired: Story = {tags: ['http-errors'], parameters: sandbox({customers: 3, role: 'resellee'})};
