/**
 * A Vue host of the kit: the same portal pages as demo/index.html, as a Vue team would write them.
 * The kit's tags stay custom elements (`compilerOptions.isCustomElement` in @vitejs/plugin-vue's
 * options, see scripts/serve.ts); the kit is registered once, here, before the app mounts, so Vue
 * sets properties (`:token.prop`, `:customer-id`) on upgraded elements.
 *
 * No SFC `<style>` blocks: Vite's dev server injects those as inline `<style>` elements, which the
 * page's CSP refuses. The styles are linked from index.html.
 */
import {createApp} from 'vue';
import '../../src/define/index.js';
import App from './App.vue';

export interface DemoConfig {
  apiBase: string;
  token: string;
  sampleCustomerId: number | null;
}

async function loadConfig(): Promise<DemoConfig | null> {
  try {
    const response = await fetch('/demo-config.json', {cache: 'no-store'});
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as DemoConfig;
  } catch (error) {
    console.error('[vue host] could not load /demo-config.json (is this page served by `npm start`?)', error);
    return null;
  }
}

createApp(App, {config: await loadConfig()}).mount('#app');
