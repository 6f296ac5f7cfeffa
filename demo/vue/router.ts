/** The Vue host's hash router: the shared routes, followed as a ref. */
import {onBeforeUnmount, onMounted, ref, type Ref} from 'vue';
import {parseRoute, type Route} from '../shared/routes.js';

export {navigate, parseRoute, type Route} from '../shared/routes.js';

/** The current route, following `hashchange`. */
export function useHashRoute(): Ref<Route> {
  const route = ref<Route>(parseRoute(location.hash));
  const onChange = () => (route.value = parseRoute(location.hash));
  onMounted(() => window.addEventListener('hashchange', onChange));
  onBeforeUnmount(() => window.removeEventListener('hashchange', onChange));
  return route;
}
