/**
 * A React host of the kit: the same portal pages as demo/index.html, written the way a React team
 * would, with the `reseller-elements/react` wrappers (here imported from the sources, as the
 * other demos do). React and ReactDOM come from the host; the kit brings @lit/react.
 */
import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
import {App, type DemoConfig} from './App.js';

async function loadConfig(): Promise<DemoConfig | null> {
  try {
    const response = await fetch('/demo-config.json', {cache: 'no-store'});
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as DemoConfig;
  } catch (error) {
    console.error('[react host] could not load /demo-config.json (is this page served by `npm start`?)', error);
    return null;
  }
}

const config = await loadConfig();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App config={config} />
  </StrictMode>,
);
