/** Every context the kit uses: the client (here), locale and string overrides (from src/i18n). */
export {clientContext} from './client-context.js';
export {localeContext, i18nContext} from '../i18n/context.js';
