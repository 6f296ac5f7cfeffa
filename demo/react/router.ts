/** The React host's hash router: the shared routes, followed with a hook. */
import {useEffect, useState} from 'react';
import {parseRoute, type Route} from '../shared/routes.js';

export {navigate, parseRoute, type Route} from '../shared/routes.js';

/** The current route, following `hashchange`. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
