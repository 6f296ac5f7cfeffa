/**
 * Deleting a customer, one flow for the table's menus and the detail page: the confirm that names
 * the customer and says deletion is permanent (danger, starting on Cancel), the `DELETE` run by
 * the dialog (a failure is shown in it, nothing else changes), then the success toast and
 * `ResellerCustomerDeletedEvent` from `host`, so the host can navigate away. Same wording in both.
 */
import type {ResellerClient} from '../../api/client.js';
import type {Customer} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {ResellerCustomerDeletedEvent, type ToastKind} from '../../events.js';
import type {ResellerConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import {errorText} from './error-text.js';

export interface DeleteCustomerOptions {
  dialog: ResellerConfirmDialog;
  i18n: LocaleController;
  client: () => ResellerClient;
  toast: (message: string, kind: ToastKind) => void;
}

/** Resolves true once the customer is deleted (toasted, event fired), false when the operator cancelled. */
export async function deleteCustomer(host: HTMLElement, o: DeleteCustomerOptions, {id, name, email}: Pick<Customer, 'id' | 'name' | 'email'>): Promise<boolean> {
  const {i18n} = o;
  const deleted = await o.dialog.confirm({
    heading: i18n.t('table.delete.heading', {name}),
    message: i18n.t('table.delete.message', {name, email}),
    confirmLabel: i18n.t('table.delete.confirm'),
    danger: true,
    action: (signal) => o.client().deleteCustomer(id, {signal}),
    errorMessage: (error) => `${i18n.t('table.delete.failed', {name})} ${errorText(i18n, error)}`,
  });
  if (deleted) {
    o.toast(i18n.t('toast.customerDeleted', {name}), 'success');
    host.dispatchEvent(new ResellerCustomerDeletedEvent({id, name}));
  }
  return deleted;
}
