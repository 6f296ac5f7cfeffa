/**
 * The Vue host (demo/vue/, plain tags with `isCustomElement` and `v-on`): the same pages and steps
 * as the React host (see react.mjs): rows, open through the host's `@reseller-customer-open`
 * handler, the detail of that customer, dashboard, branding, back to a fresh table.
 */
import {hostAppFlow} from './react.mjs';

/**
 * Vue (3.5) creates a Trusted Types policy named `vue` when it loads (for v-html and the static
 * content of production builds). The server's CSP allows only `lit-html`, so Chromium refuses it and
 * logs this; Vue carries on without it, and this app needs it nowhere (no v-html, dev build). A Vue
 * host that wants Vue's policy adds `vue` to its `trusted-types` directive (see the README).
 */
export const allowConsoleErrors = [/Creating a TrustedTypePolicy named 'vue' violates the following Content Security policy directive: "trusted-types lit-html"/];

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function vue({page, baseUrl}) {
  await hostAppFlow(page, baseUrl, 'vue');
}
