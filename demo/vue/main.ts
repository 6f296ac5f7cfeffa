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
import {loadConfig} from '../shared/config.js';
import App from './App.vue';

createApp(App, {config: await loadConfig('vue host')}).mount('#app');
