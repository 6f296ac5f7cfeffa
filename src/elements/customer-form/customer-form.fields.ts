/**
 * Templates of the New Customer form's fields: label, control, hint and error wired with `for`,
 * `aria-describedby` and `aria-invalid`; stable parts. Pure functions of their arguments.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {Plan, PlanId} from '../../contract/schemas.js';
import type {FormField} from './customer-draft.js';

/** The DOM id (and part prefix) of a field: `quota_minutes` → `quota`. */
export const fieldId = (field: FormField): string => (field === 'quota_minutes' ? 'quota' : field);

export interface TextFieldOptions {
  field: 'name' | 'email' | 'quota_minutes';
  label: string;
  type: 'text' | 'email';
  autocomplete: 'organization' | 'email' | 'off';
  error?: string;
  hint?: string;
  numeric?: boolean;
}

/** A required text input with its label, hint and error. */
export function renderTextField(o: TextFieldOptions): TemplateResult {
  const id = fieldId(o.field);
  const describedBy = [o.hint ? `${id}-hint` : '', o.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field" part="field ${id}-field">
    <label class="label" part="label" for=${id}>${o.label} <span class="required" aria-hidden="true">*</span></label>
    <input class="input" part="input ${id}-input" id=${id} name=${id} data-field=${o.field} type=${o.type} required
      autocomplete=${o.autocomplete} inputmode=${ifDefined(o.numeric ? 'numeric' : undefined)}
      aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy || undefined)} />
    ${o.hint ? html`<p class="hint" part="hint" id="${id}-hint">${o.hint}</p>` : nothing}
    ${renderFieldError(o.field, o.error)}
  </div>`;
}

export interface PlanFieldOptions {
  label: string;
  plans: readonly Plan[];
  selected: PlanId;
  optionLabel: (plan: Plan) => string;
  error?: string;
  onChange: (event: Event) => void;
}

/** The plan `<select>`. */
export function renderPlanField(o: PlanFieldOptions): TemplateResult {
  return html`<div class="field" part="field plan-field">
    <label class="label" part="label" for="plan">${o.label}</label>
    <select class="input select" part="input plan-input" id="plan" name="plan" data-field="plan" @change=${o.onChange}
      aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${ifDefined(o.error ? 'plan-error' : undefined)}>
      ${o.plans.map((p) => html`<option value=${p.id} ?selected=${p.id === o.selected}>${o.optionLabel(p)}</option>`)}
    </select>
    ${renderFieldError('plan', o.error)}
  </div>`;
}

export function renderFieldError(field: FormField, error: string | undefined): TemplateResult | typeof nothing {
  return error ? html`<p class="field-error" part="field-error" id="${fieldId(field)}-error">${error}</p>` : nothing;
}

/** A failed create: what happened, and the server's own words when it said something. */
export function renderFailure(failure: {message: string; detail: string} | null): TemplateResult | typeof nothing {
  if (!failure) return nothing;
  return html`<div class="alert" part="alert" role="alert">
    <p>${failure.message}</p>
    ${failure.detail ? html`<p class="alert-detail">${failure.detail}</p>` : nothing}
  </div>`;
}
