/**
 * The customer detail form's template: header (name, ID with copy, registration date), Name,
 * Email, Phone (`<reseller-phone-field>`, shared with the New Customer form), the Active
 * checkbox, metadata (segment, industry, account manager, free rows), the conflict and failure
 * alerts and the Delete / Reset / Update buttons. Every input shows the draft (`live()`), so re-renders
 * never overwrite what the operator typed.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {repeat} from 'lit/directives/repeat.js';
import type {Customer} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {copyIcon, plusIcon} from '../shared/icons.js';
// The phone field's class module (no side effects; the define module registers the tag).
import '../phone-field/phone-field.js';
import {KNOWN_METADATA, KNOWN_METADATA_LABELS, type Draft, type FieldErrors} from './detail-draft.js';

export interface FormView {
  i18n: LocaleController;
  customer: Customer;
  draft: Draft;
  errors: FieldErrors;
  dirty: boolean;
  busy: boolean;
  /** A 412: someone else saved first. `reloading`/`overwriting` while that runs. */
  conflict: null | 'shown' | 'reloading' | 'overwriting';
  failure: {message: string; detail: string} | null;
  defaultCountry: string;
  onSubmit: (event: SubmitEvent) => void;
  onInput: (event: Event) => void;
  onReset: () => void;
  onAddRow: () => void;
  onRemoveRow: (id: number) => void;
  onCopyId: () => void;
  onReload: () => void;
  onOverwrite: () => void;
  /** Delete (the permanent-deletion confirm first). */
  onDelete: () => void;
}

export function renderForm(v: FormView): TemplateResult {
  const t = v.i18n.t.bind(v.i18n);
  const c = v.customer;
  return html`<form class="form" part="form" novalidate aria-labelledby="heading" @submit=${v.onSubmit} @input=${v.onInput} @change=${v.onInput}>
    <div class="header" part="header">
      <h2 class="heading" part="heading" id="heading" dir="auto">${c.name}</h2>
      <dl class="facts" part="facts">
        <div><dt>${t('detail.idLabel')}</dt><dd class="id-value">
          <span part="id">${c.id}</span>
          <button type="button" class="button ghost copy" part="copy-id" aria-label=${t('detail.copyId', {id: String(c.id)})}
            @click=${v.onCopyId}>${copyIcon}<span>${t('common.copy')}</span></button>
        </dd></div>
        <div><dt>${t('detail.registeredLabel')}</dt><dd part="registered"><time datetime=${c.created_at}>${v.i18n.date(c.created_at)}</time></dd></div>
        <div><dt>${t('common.plan')}</dt><dd><span class="badge brand" part="plan">${t(`plan.${c.plan}`)}</span></dd></div>
      </dl>
    </div>
    <div class="fields">
      ${renderInput(v, 'name', t('detail.name'), 'text', 'organization', true)}
      ${renderInput(v, 'email', t('detail.email'), 'email', 'email', true)}
      <reseller-phone-field part="phone-field" data-field="phone" class="phone"
        exportparts="label: phone-label, input: phone-input, hint: phone-hint, error: phone-error"
        .label=${t('detail.phone')} .hint=${t('form.phoneHint')} .error=${v.errors.phone ?? ''}
        .value=${v.draft.phone} .defaultCountry=${v.defaultCountry}></reseller-phone-field>
      <div class="field checkbox-field" part="field active-field">
        <div class="checkbox-row">
          <input type="checkbox" id="active" part="active-input" data-field="active" .checked=${live(v.draft.active)}
            aria-describedby="active-hint" />
          <label class="label" for="active">${t('detail.active')}</label>
        </div>
        <p class="hint" id="active-hint">${t('detail.activeHint')}</p>
      </div>
    </div>
    <fieldset class="metadata" part="metadata">
      <legend class="legend">${t('detail.metadata')}</legend>
      <div class="fields">
        ${KNOWN_METADATA.map((key) => renderInput(v, key, t(KNOWN_METADATA_LABELS[key]), 'text', 'off', false))}
      </div>
      ${v.draft.extra.length ? html`<p class="subheading" id="other-heading">${t('detail.metadata.other')}</p>` : nothing}
      ${repeat(v.draft.extra, (row) => row.id, (row, index) => renderRow(v, row, index))}
      <div><button type="button" class="button ghost" part="add-field" @click=${v.onAddRow}>${plusIcon}${t('detail.metadata.addField')}</button></div>
    </fieldset>
    ${renderAlerts(v)}
    <div class="actions" part="actions">
      <button type="button" class="button danger delete" part="delete" @click=${v.onDelete}>${t('table.menu.delete')}</button>
      ${v.dirty ? html`<button type="button" class="button" part="reset" @click=${v.onReset}>${t('detail.reset')}</button>` : nothing}
      <button type="submit" class="button primary" part="update" ?disabled=${!v.dirty}
        aria-busy=${v.busy ? 'true' : 'false'}>${v.busy ? t('detail.updating') : t('detail.update')}</button>
    </div>
  </form>`;
}

function renderInput(v: FormView, field: 'name' | 'email' | (typeof KNOWN_METADATA)[number], label: string, type: 'text' | 'email',
  autocomplete: 'organization' | 'email' | 'off', required: boolean) {
  const error = v.errors[field];
  return html`<div class="field" part="field ${field}-field">
    <label class="label" part="label" for=${field}>${label}${required ? html` <span class="required" aria-hidden="true">*</span>` : nothing}</label>
    <input class="input" part="input ${field}-input" id=${field} data-field=${field} type=${type} autocomplete=${autocomplete}
      ?required=${required} .value=${live(v.draft[field])} aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(error ? `${field}-error` : undefined)} />
    ${error ? html`<p class="field-error" part="field-error" id="${field}-error">${error}</p>` : nothing}
  </div>`;
}

function renderRow(v: FormView, row: Draft['extra'][number], index: number) {
  const t = v.i18n.t.bind(v.i18n);
  const keyError = v.errors[`extra.${row.id}.key`];
  const valueError = v.errors[`extra.${row.id}.value`];
  const keyId = `extra-${row.id}-key`;
  const valueId = `extra-${row.id}-value`;
  const name = row.key.trim() || String(index + 1);
  return html`<div class="row" part="metadata-row" role="group" aria-labelledby="other-heading ${keyId}-label">
    <div class="field">
      <label class="label" id="${keyId}-label" for=${keyId}>${t('detail.metadata.key')}</label>
      <input class="input" id=${keyId} data-row=${row.id} data-part="key" autocomplete="off" spellcheck="false"
        .value=${live(row.key)} aria-invalid=${keyError ? 'true' : 'false'} aria-describedby=${ifDefined(keyError ? `${keyId}-error` : undefined)} />
      ${keyError ? html`<p class="field-error" part="field-error" id="${keyId}-error">${keyError}</p>` : nothing}
    </div>
    <div class="field">
      <label class="label" for=${valueId}>${t('detail.metadata.value')}</label>
      <input class="input" id=${valueId} data-row=${row.id} data-part="value" autocomplete="off"
        .value=${live(row.value)} aria-invalid=${valueError ? 'true' : 'false'} aria-describedby=${ifDefined(valueError ? `${valueId}-error` : undefined)} />
      ${valueError ? html`<p class="field-error" part="field-error" id="${valueId}-error">${valueError}</p>` : nothing}
    </div>
    <button type="button" class="button ghost remove" part="remove-field" aria-label=${t('detail.metadata.removeField', {key: name})}
      @click=${() => v.onRemoveRow(row.id)}>${t('common.remove')}</button>
  </div>`;
}

function renderAlerts(v: FormView) {
  const t = v.i18n.t.bind(v.i18n);
  if (v.conflict) {
    const busy = v.conflict !== 'shown';
    return html`<div class="alert warning conflict" part="conflict" role="alert">
      <p class="alert-title">${t('detail.conflict.heading')}</p>
      <p>${t('detail.conflict.message')}</p>
      <div class="alert-actions">
        <button type="button" class="button" part="conflict-reload" aria-busy=${v.conflict === 'reloading' ? 'true' : 'false'}
          aria-disabled=${busy ? 'true' : 'false'} @click=${v.onReload}>${t('detail.conflict.reload')}</button>
        <button type="button" class="button primary" part="conflict-overwrite" aria-busy=${v.conflict === 'overwriting' ? 'true' : 'false'}
          aria-disabled=${busy ? 'true' : 'false'} @click=${v.onOverwrite}>${t('detail.conflict.overwrite')}</button>
      </div>
    </div>`;
  }
  if (v.failure) {
    return html`<div class="alert" part="alert" role="alert">
      <p>${v.failure.message}</p>
      ${v.failure.detail ? html`<p class="alert-detail">${v.failure.detail}</p>` : nothing}
    </div>`;
  }
  return nothing;
}

/** Skeleton of the form's final shape, so the page does not jump when the customer arrives. */
export function renderFormSkeleton(label: string): TemplateResult {
  const field = html`<div class="field"><span class="skeleton skeleton-label"></span><span class="skeleton skeleton-input"></span></div>`;
  return html`<div class="form skeleton-form" part="state loading" role="status" aria-busy="true">
    <span class="visually-hidden">${label}</span>
    <div class="header" aria-hidden="true"><span class="skeleton skeleton-heading"></span><span class="skeleton skeleton-facts"></span></div>
    <div class="fields" aria-hidden="true">${field}${field}${field}${field}</div>
    <div class="fields" aria-hidden="true">${field}${field}${field}</div>
  </div>`;
}
