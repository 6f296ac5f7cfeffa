/**
 * Every story: a fresh sandbox tenant (loader), wrapped in `<reseller-provider>` with its token and
 * the toolbar's brand colour, locale, colour scheme, container width and direction (decorator). A
 * story tunes its tenant with `parameters.sandbox` ({customers, seed, role: 'reseller' | 'resellee' | 'none', faults}).
 */
import {setCustomElementsManifest} from '@storybook/web-components';
import type {Decorator, Loader, Preview} from '@storybook/web-components-vite';
import '../src/define/index.js';
import {BRAND_SWATCHES, STORY_DIRECTIONS, STORY_LOCALES, STORY_THEMES, STORY_WIDTHS, inProvider} from '../stories/helpers/render.js';
import {createStoryTenant, type SandboxParameters, type StoryTenant} from '../stories/helpers/sandbox.js';
import {argTypesFromManifest, descriptionFromManifest, liveControlsOnly} from './manifest-docs.js';

// Written by `cem analyze` (npm run build / storybook scripts); docs and controls work without it too.
const manifests = import.meta.glob<{default: object}>('../dist/custom-elements.json', {eager: true});
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

const tenantLoader: Loader = async ({parameters}) => {
  const options = (parameters.sandbox ?? {}) as SandboxParameters;
  if (options.disabled) return {tenant: null};
  return {tenant: await createStoryTenant(options)};
};

const providerDecorator: Decorator = (story, {loaded, globals, parameters}) => {
  const tenant = loaded.tenant as StoryTenant | null | undefined;
  if (parameters.provider === false) return story();
  return inProvider(
    {token: tenant?.token ?? null, locale: globals.locale, brand: globals.brand, theme: globals.theme, width: globals.width, dir: globals.dir, live: parameters.live === true},
    story(),
  );
};

const preview: Preview = {
  // A docs page per element, built from custom-elements.json (attributes, properties, events, parts, CSS properties).
  tags: ['autodocs'],
  loaders: [tenantLoader],
  decorators: [providerDecorator],
  globalTypes: {
    brand: {
      description: 'Brand colour (--reseller-color-brand)',
      toolbar: {
        title: 'Brand',
        icon: 'paintbrush',
        items: Object.entries(BRAND_SWATCHES).map(([title, value]) => ({value, title: `${title} ${value}`})),
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of the provider',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: Object.entries(STORY_LOCALES).map(([value, title]) => ({value, title})),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: STORY_THEMES.map((value) => ({value, title: value})),
        dynamicTitle: true,
      },
    },
    width: {
      description: "Container width: the story's own width (elements lay out from it, never from the viewport)",
      toolbar: {
        title: 'Width',
        icon: 'ruler',
        items: STORY_WIDTHS.map((value) => ({value, title: value === 'full' ? 'Full width' : `${value} px`})),
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Direction of the story (default: the locale\'s)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: STORY_DIRECTIONS.map((value) => ({value, title: value === 'auto' ? 'From locale' : value.toUpperCase()})),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {brand: BRAND_SWATCHES.Blue, locale: 'en', theme: 'light', width: 'full', dir: 'auto'},
  // Docs tables from the manifest without name collisions, controls only where the story renders the arg.
  argTypesEnhancers: [liveControlsOnly],
  parameters: {
    controls: {expanded: true},
    layout: 'fullscreen',
    options: {storySort: {order: ['Getting started', '*']}},
    docs: {
      extractArgTypes: (tagName: unknown) => argTypesFromManifest(manifest, tagName),
      extractComponentDescription: (tagName: unknown) => descriptionFromManifest(manifest, tagName),
    },
  },
};

export default preview;
