/**
 * The permission checkboxes, one fieldset shared by Generate token and Edit permissions, and the
 * permission badges of a row.
 */
import {html, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {TOKEN_PERMISSIONS} from '../../contract/constants.js';
import type {TokenPermission} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';

type T = LocaleController['t'];

/** The permissions in the contract's order. */
export function ordered(permissions: Iterable<TokenPermission>): TokenPermission[] {
  const chosen = new Set(permissions);
  return TOKEN_PERMISSIONS.filter((p) => chosen.has(p));
}

/** A required fieldset of one checkbox per permission; `onChange` gets the new choice. */
export function renderPermissionChecks(t: T, chosen: readonly TokenPermission[], error: string | undefined, onChange: (permissions: TokenPermission[]) => void) {
  const toggle = (p: TokenPermission, on: boolean) => onChange(on ? ordered([...chosen, p]) : chosen.filter((x) => x !== p));
  return html`<fieldset class="field permissions" part="permissions" aria-describedby=${ifDefined(error ? 'permissions-error' : undefined)}>
    <legend class="label">${t('tokens.form.permissions')} <span class="required" aria-hidden="true">*</span></legend>
    ${TOKEN_PERMISSIONS.map((p) => html`<label class="check">
      <input type="checkbox" name="permissions" value=${p} .checked=${live(chosen.includes(p))}
        aria-invalid=${error ? 'true' : 'false'} @change=${(ev: Event) => toggle(p, (ev.target as HTMLInputElement).checked)} />
      <span>${t(`tokens.permissions.${p}`)}</span> <code class="scope">${p}</code>
    </label>`)}
    ${error ? html`<p class="field-error" part="field-error" id="permissions-error">${error}</p>` : nothing}
  </fieldset>`;
}

/** A row's permissions as a list of badges (the scope in the title). */
export function renderPermissionBadges(t: T, permissions: readonly TokenPermission[], label: string) {
  return html`<ul class="permissions" aria-label=${label}>
    ${permissions.map((p) => html`<li class="badge" title=${p}>${t(`tokens.permissions.${p}`)}</li>`)}
  </ul>`;
}
