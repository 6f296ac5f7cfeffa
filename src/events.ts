/**
 * The kit's public events: one class each, bubbling and composed (they cross shadow roots), typed,
 * `reseller-` prefixed and registered in the global event map so `addEventListener` is typed.
 * "Before" actions (open, toast) are cancelable and honoured.
 */
import type {Branding, Customer, Report, ReportSettings, Subscription, Token, User} from './contract/schemas.js';

abstract class ResellerEvent<D> extends Event {
  readonly detail: D;
  constructor(type: string, detail: D, cancelable = false) {
    super(type, {bubbles: true, composed: true, cancelable});
    this.detail = detail;
  }
}

/** An operator asks to open a customer. Cancel it to handle navigation yourself. */
export class ResellerCustomerOpenEvent extends ResellerEvent<{id: number; href: string | null}> {
  static readonly eventName = 'reseller-customer-open';
  constructor(detail: {id: number; href: string | null}) {
    super(ResellerCustomerOpenEvent.eventName, detail, true);
  }
}

export class ResellerCustomerCreatedEvent extends ResellerEvent<{customer: Customer}> {
  static readonly eventName = 'reseller-customer-created';
  constructor(customer: Customer) {
    super(ResellerCustomerCreatedEvent.eventName, {customer});
  }
}

export class ResellerCustomerUpdatedEvent extends ResellerEvent<{customer: Customer}> {
  static readonly eventName = 'reseller-customer-updated';
  constructor(customer: Customer) {
    super(ResellerCustomerUpdatedEvent.eventName, {customer});
  }
}

export class ResellerCustomerDeletedEvent extends ResellerEvent<{id: number; name: string}> {
  static readonly eventName = 'reseller-customer-deleted';
  constructor(detail: {id: number; name: string}) {
    super(ResellerCustomerDeletedEvent.eventName, detail);
  }
}

/** A token was generated. The secret is deliberately not in the event. */
export class ResellerTokenCreatedEvent extends ResellerEvent<{token: Token}> {
  static readonly eventName = 'reseller-token-created';
  constructor(token: Token) {
    super(ResellerTokenCreatedEvent.eventName, {token});
  }
}

/** A token's permissions were changed (after the server accepted them): `detail.token` as saved. */
export class ResellerTokenUpdatedEvent extends ResellerEvent<{token: Token}> {
  static readonly eventName = 'reseller-token-updated';
  constructor(token: Token) {
    super(ResellerTokenUpdatedEvent.eventName, {token});
  }
}

/** A user's name or status was changed (after the server accepted it): `detail.user` as saved. */
export class ResellerUserUpdatedEvent extends ResellerEvent<{user: User}> {
  static readonly eventName = 'reseller-user-updated';
  constructor(user: User) {
    super(ResellerUserUpdatedEvent.eventName, {user});
  }
}

/** An invited user's invitation was sent again: which user, to which address, when (`sentAt`, ISO 8601). */
export class ResellerInvitationResentEvent extends ResellerEvent<{customerId: number; userId: number; email: string; sentAt: string}> {
  static readonly eventName = 'reseller-invitation-resent';
  constructor(detail: {customerId: number; userId: number; email: string; sentAt: string}) {
    super(ResellerInvitationResentEvent.eventName, detail);
  }
}

export class ResellerTokenRevokedEvent extends ResellerEvent<{id: number; customerId: number}> {
  static readonly eventName = 'reseller-token-revoked';
  constructor(detail: {id: number; customerId: number}) {
    super(ResellerTokenRevokedEvent.eventName, detail);
  }
}

/** "Generate now" made (or refreshed) a monthly report: `detail.report` is the full report (totals, per-plan and per-customer lines). */
export class ResellerReportGeneratedEvent extends ResellerEvent<{report: Report}> {
  static readonly eventName = 'reseller-report-generated';
  constructor(report: Report) {
    super(ResellerReportGeneratedEvent.eventName, {report});
  }
}

/** The report settings were saved: `detail.settings` as the server stored them. */
export class ResellerReportSettingsSavedEvent extends ResellerEvent<{settings: ReportSettings}> {
  static readonly eventName = 'reseller-report-settings-saved';
  constructor(settings: ReportSettings) {
    super(ResellerReportSettingsSavedEvent.eventName, {settings});
  }
}

/** The plan of a customer changed (after the operator confirmed it and the server accepted it). */
export class ResellerSubscriptionChangeEvent extends ResellerEvent<{subscription: Subscription}> {
  static readonly eventName = 'reseller-subscription-change';
  constructor(subscription: Subscription) {
    super(ResellerSubscriptionChangeEvent.eventName, {subscription});
  }
}

/** `'before'`: about to save (cancelable); `'after'`: saved (informative). */
export type BrandChangePhase = 'before' | 'after';

export interface BrandChangeDetail {
  /** Before: the branding as it will be saved (the new colour; the logo fields still the saved ones). After: the server's. */
  branding: Branding;
  /** `'after'` unless constructed with `{phase: 'before'}`. */
  phase: BrandChangePhase;
  /** Before only: the logo about to be uploaded (a `File`/`Blob`), `null` when it is about to be deleted, absent when unchanged. */
  logo?: Blob | null;
}

/**
 * The branding changes. The brand editor fires it twice: `phase: 'before'`, cancelable (prevent it
 * and nothing is saved), then `phase: 'after'` with the saved branding (`<reseller-brand-logo>`
 * listens for these on the document). `new ResellerBrandChangeEvent(branding)` is an informative
 * after-event, as before.
 */
export class ResellerBrandChangeEvent extends ResellerEvent<BrandChangeDetail> {
  static readonly eventName = 'reseller-brand-change';
  constructor(branding: Branding, options: {phase?: BrandChangePhase; logo?: Blob | null} = {}) {
    const phase = options.phase ?? 'after';
    const detail: BrandChangeDetail = {branding, phase};
    if ('logo' in options) detail.logo = options.logo;
    super(ResellerBrandChangeEvent.eventName, detail, phase === 'before');
  }
}

/** What `reseller-transcript-open` carries: the transcript and its customer. */
export interface TranscriptOpenDetail {
  id: number;
  customerId: number;
  title: string;
}

/**
 * An operator asks to read a transcript (the transcription list's Read action). Cancel it to route
 * to your own page; otherwise the list opens `<reseller-transcript-viewer>` in a modal dialog.
 */
export class ResellerTranscriptOpenEvent extends ResellerEvent<TranscriptOpenDetail> {
  static readonly eventName = 'reseller-transcript-open';
  constructor(detail: TranscriptOpenDetail) {
    super(ResellerTranscriptOpenEvent.eventName, detail, true);
  }
}

/** State changes of an element that a host may persist (sort, filter, page, tab, range, ...). */
export class ResellerStateChangeEvent<S extends object = Record<string, unknown>> extends ResellerEvent<S> {
  static readonly eventName = 'reseller-state-change';
  constructor(state: S) {
    super(ResellerStateChangeEvent.eventName, state);
  }
}

/**
 * A request failed (after retries). A host can report it. `error` is the client's typed error;
 * the element shows its own message regardless.
 */
export class ResellerRequestErrorEvent extends ResellerEvent<{error: Error; method: string; path: string}> {
  static readonly eventName = 'reseller-request-error';
  constructor(detail: {error: Error; method: string; path: string}) {
    super(ResellerRequestErrorEvent.eventName, detail);
  }
}

/** Authentication failed even after asking the host for a fresh token once. */
export class ResellerAuthErrorEvent extends ResellerEvent<{error: Error}> {
  static readonly eventName = 'reseller-auth-error';
  constructor(error: Error) {
    super(ResellerAuthErrorEvent.eventName, {error});
  }
}

export const TOAST_KINDS = ['success', 'error', 'info'] as const;
export type ToastKind = (typeof TOAST_KINDS)[number];

/** The kit wants to show a toast. Cancel it to show your own instead. */
export class ResellerToastEvent extends ResellerEvent<{message: string; kind: ToastKind}> {
  static readonly eventName = 'reseller-toast';
  constructor(detail: {message: string; kind: ToastKind}) {
    super(ResellerToastEvent.eventName, detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'reseller-customer-open': ResellerCustomerOpenEvent;
    'reseller-customer-created': ResellerCustomerCreatedEvent;
    'reseller-customer-updated': ResellerCustomerUpdatedEvent;
    'reseller-customer-deleted': ResellerCustomerDeletedEvent;
    'reseller-token-created': ResellerTokenCreatedEvent;
    'reseller-token-updated': ResellerTokenUpdatedEvent;
    'reseller-token-revoked': ResellerTokenRevokedEvent;
    'reseller-user-updated': ResellerUserUpdatedEvent;
    'reseller-invitation-resent': ResellerInvitationResentEvent;
    'reseller-report-generated': ResellerReportGeneratedEvent;
    'reseller-report-settings-saved': ResellerReportSettingsSavedEvent;
    'reseller-subscription-change': ResellerSubscriptionChangeEvent;
    'reseller-brand-change': ResellerBrandChangeEvent;
    'reseller-transcript-open': ResellerTranscriptOpenEvent;
    'reseller-state-change': ResellerStateChangeEvent;
    'reseller-request-error': ResellerRequestErrorEvent;
    'reseller-auth-error': ResellerAuthErrorEvent;
    'reseller-toast': ResellerToastEvent;
  }
}
