/**
 * Storybook 10 (web components + Vite), configured by hand. In dev, the sandbox API answers on
 * Storybook's own origin (a tiny Vite plugin mounts its Node middleware), so stories call
 * `/api/v3/reseller` and `/__sandbox` like a partner's portal would. The static build has no
 * server: scripts/smoke-stories.mjs serves it next to the sandbox.
 */
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {StorybookConfig} from '@storybook/web-components-vite';
import type {Plugin} from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Mounts the sandbox (in memory, unseeded: every story creates its own tenant) on the dev server,
 * with its control API on and the admin secret added to the stories' control requests by the
 * middleware (a harness-only option: Storybook dev is a local tool).
 */
function sandboxPlugin(): Plugin {
  return {
    name: 'reseller:sandbox',
    apply: 'serve',
    async configureServer(server) {
      const {createSandbox} = await import('../sandbox/index.js');
      const {nodeMiddleware} = await import('../sandbox/node.js');
      const {HARNESS_CONTROL} = await import('../sandbox/control.js');
      const sandbox = await createSandbox({dataDir: null, seed: false, control: HARNESS_CONTROL});
      server.middlewares.use(nodeMiddleware(sandbox, {injectAdminSecret: true}));
      server.httpServer?.once('close', () => void sandbox.close());
    },
  };
}

/** Addons that are installed (none are downloaded: docs only when @storybook/addon-docs is there). */
const addons = ['@storybook/addon-docs'].filter((name) => existsSync(`${root}node_modules/${name}/package.json`));

const config: StorybookConfig = {
  framework: {name: '@storybook/web-components-vite', options: {}},
  // The Getting Started page (MDX) first, then one stories file per element.
  stories: ['../stories/getting-started.mdx', '../stories/**/*.stories.ts'],
  addons,
  core: {disableTelemetry: true, disableWhatsNewNotifications: true},
  // The highlight overlay (an addon API no story uses) injects a <style> element built at run time
  // and assigns innerHTML: both are refused by the kit's strict CSP + Trusted Types, which the
  // smoke test (scripts/smoke-stories.mjs) serves every story under.
  features: {highlight: false},
  async viteFinal(viteConfig) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), sandboxPlugin()];
    // The preview bundles Storybook's runtime with the kit: a big chunk is expected there.
    viteConfig.build = {...viteConfig.build, chunkSizeWarningLimit: 2000};
    return viteConfig;
  },
};

export default config;
