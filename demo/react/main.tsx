/**
 * A React host of the kit: the same portal pages as demo/index.html, written the way a React team
 * would, with the `reseller-elements/react` wrappers (here imported from the sources, as the
 * other demos do). React and ReactDOM come from the host; the kit brings @lit/react.
 */
import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
import {loadConfig} from '../shared/config.js';
import {App} from './App.js';

const config = await loadConfig('react host');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App config={config} />
  </StrictMode>,
);
