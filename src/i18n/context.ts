/**
 * The locale and string-override contexts that `<reseller-provider>` provides and the
 * LocaleController consumes.
 *
 * Keys are strings (not `Symbol()`s) on purpose: two copies of the kit on one page, or a provider
 * built from another module graph, still meet. `src/context/` re-exports these.
 */
import {createContext} from '@lit/context';
import type {I18nOverrides} from './overrides.js';

/** The provider's locale (BCP 47, e.g. `nl` or `nl-BE`), or undefined to follow `lang`/the browser. */
export const localeContext = createContext<string | undefined>('reseller-elements:locale');

/** The provider's string overrides: flat `{key: string}`, or per locale `{nl: {key: string}}`. */
export const i18nContext = createContext<I18nOverrides | undefined>('reseller-elements:i18n');
