/**
 * The Vue host (demo/vue/, plain tags with `isCustomElement` and `v-on`): the same pages and steps
 * as the React host (see react.mjs): rows, open through the host's `@reseller-customer-open`
 * handler, the detail of that customer, dashboard, branding, back to a fresh table.
 */
import {assert} from '../helpers.mjs';
import {hostAppFlow} from './react.mjs';

/**
 * Vue (3.5) creates a Trusted Types policy named `vue` when it loads (for v-html and the static
 * content of production builds). The server sends /vue/ the strict policy with `vue` added to
 * `trusted-types` (scripts/serve.ts VUE_CONTENT_SECURITY_POLICY), as the README tells a Vue host to:
 * without it Chromium refuses the policy with a console error, which fails this flow.
 */
/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function vue({page, baseUrl}) {
  const response = await fetch(new URL('/vue/', baseUrl));
  assert.match(response.headers.get('content-security-policy') ?? '', /require-trusted-types-for 'script'; trusted-types lit-html vue$/);
  await hostAppFlow(page, baseUrl, 'vue');
}
