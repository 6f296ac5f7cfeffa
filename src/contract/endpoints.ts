/**
 * The endpoint table: every endpoint of the contract as plain data (method, path, query, body and
 * response schemas), beside the schemas it names. The sandbox builds its OpenAPI document from it and
 * the sandbox tests walk it; browser code never imports it (the client's methods name their schemas
 * themselves), so none of it reaches a partner's page, and the package build leaves it out.
 */
import {
  AggregateUsage, Billing, Branding, BrandingUpdate, Customer, CustomerCreate, CustomerListQuery, CustomerPage,
  CustomerUpdate, CustomerUsage, DocumentListQuery, DocumentPage, EventPage, EventQuery, Me, PlanList, Report, ReportGenerate, ReportListQuery, ReportPage,
  ReportSettings, ReportSettingsUpdate, Subscription,
  SubscriptionUpdate, Token, TokenCreate, TokenCreated, TokenList, TokenUpdate, TranscriptContent, TranscriptContentQuery, TranscriptListQuery, TranscriptPage,
  UsageExportQuery, UsageQuery, User, UserInvite, UserList, UserUpdate, Invitation,
} from './schemas.js';

/**
 * Every endpoint, for the OpenAPI document and the README. `origin` tells which come from the
 * public Reseller API page and which are kit extensions.
 */
export const ENDPOINTS = [
  {method: 'post', path: '/customers', origin: 'public', summary: 'Create customer', body: CustomerCreate, response: Customer, status: 201},
  {method: 'get', path: '/customers', origin: 'public', summary: 'List customers (paging, filter, sort and search are kit extensions)', query: CustomerListQuery, response: CustomerPage},
  {method: 'get', path: '/customers/{id}', origin: 'public', summary: 'Get customer', response: Customer},
  {method: 'patch', path: '/customers/{id}', origin: 'public', summary: 'Update customer (If-Match with the ETag)', body: CustomerUpdate, response: Customer},
  {method: 'delete', path: '/customers/{id}', origin: 'public', summary: 'Delete customer', status: 204},
  {method: 'get', path: '/customers/{id}/usage', origin: 'public', summary: 'Get usage stats', query: UsageQuery, response: CustomerUsage},
  {method: 'post', path: '/tokens', origin: 'public', summary: 'Generate API token (secret shown once)', body: TokenCreate, response: TokenCreated, status: 201},
  {method: 'get', path: '/transcripts', origin: 'public', summary: 'List all transcripts', query: TranscriptListQuery, response: TranscriptPage},
  {method: 'get', path: '/transcripts/documents', origin: 'public', summary: 'List all documents', query: DocumentListQuery, response: DocumentPage},
  {method: 'get', path: '/transcripts/documents/{id}/download', origin: 'extension', summary: 'Download a document', binary: true},
  {method: 'get', path: '/transcripts/{id}/content', origin: 'extension', summary: "A transcript's text: timed segments with speaker and confidence, paged by cursor", query: TranscriptContentQuery, response: TranscriptContent},
  {method: 'get', path: '/me', origin: 'extension', summary: 'The caller: organization and role', response: Me},
  {method: 'get', path: '/plans', origin: 'extension', summary: 'List plans', response: PlanList},
  {method: 'get', path: '/customers/{id}/subscription', origin: 'extension', summary: 'Get subscription', response: Subscription},
  {method: 'put', path: '/customers/{id}/subscription', origin: 'extension', summary: 'Change plan', body: SubscriptionUpdate, response: Subscription},
  {method: 'get', path: '/customers/{id}/billing', origin: 'extension', summary: 'Billing: the current period so far and up to 12 past periods', response: Billing},
  {method: 'get', path: '/customers/{id}/tokens', origin: 'extension', summary: "List a customer's tokens", response: TokenList},
  {method: 'patch', path: '/tokens/{id}', origin: 'extension', summary: "Change a token's permissions (recorded in the request log: who changed what)", body: TokenUpdate, response: Token},
  {method: 'delete', path: '/tokens/{id}', origin: 'extension', summary: 'Revoke token', status: 204},
  {method: 'get', path: '/customers/{id}/users', origin: 'extension', summary: "List a customer's users", response: UserList},
  {method: 'post', path: '/customers/{id}/users', origin: 'extension', summary: 'Invite a user', body: UserInvite, response: User, status: 201},
  {method: 'patch', path: '/customers/{id}/users/{userId}', origin: 'extension', summary: "Change a user's name or status (invited → active only by accepting: 409 invitation_not_accepted; a user deactivated before accepting is reactivated as invited)", body: UserUpdate, response: User},
  {method: 'post', path: '/customers/{id}/users/{userId}/invitation', origin: 'extension', summary: 'Send the invitation again (invited users only: 409 user_not_invited; one resend a minute and 5 invitations a day per user: 429 with Retry-After)', response: Invitation, status: 202},
  {method: 'delete', path: '/customers/{id}/users/{userId}', origin: 'extension', summary: 'Remove a user', status: 204},
  {method: 'get', path: '/events', origin: 'extension', summary: 'Live usage and transcription events: a Server-Sent Events stream with `Accept: text/event-stream` (resume with Last-Event-ID), else JSON for polling (`after`, ETag/304)', query: EventQuery, response: EventPage},
  {method: 'get', path: '/usage', origin: 'extension', summary: 'Reseller-wide usage', query: UsageQuery, response: AggregateUsage},
  {method: 'get', path: '/usage/export', origin: 'extension', summary: 'Usage as CSV', query: UsageExportQuery, binary: true},
  {method: 'get', path: '/reports', origin: 'extension', summary: 'List monthly usage reports (newest period first)', query: ReportListQuery, response: ReportPage},
  {method: 'post', path: '/reports', origin: 'extension', summary: 'Generate the report of a month now (201 new; 200 the existing report of a closed month, or the month in progress refreshed)', body: ReportGenerate, response: Report, status: 201, alsoOk: 200},
  {method: 'get', path: '/reports/settings', origin: 'extension', summary: 'Monthly report settings (on/off, recipients)', response: ReportSettings},
  {method: 'put', path: '/reports/settings', origin: 'extension', summary: 'Change the monthly report settings', body: ReportSettingsUpdate, response: ReportSettings},
  {method: 'get', path: '/reports/{id}', origin: 'extension', summary: 'Get a report with its per-plan and per-customer lines', response: Report},
  {method: 'get', path: '/reports/{id}/csv', origin: 'extension', summary: 'A report as CSV (RFC 4180)', binary: true},
  {method: 'get', path: '/reports/{id}/pdf', origin: 'extension', summary: 'A report as PDF', binary: true},
  {method: 'get', path: '/branding', origin: 'extension', summary: 'Get branding', response: Branding},
  {method: 'patch', path: '/branding', origin: 'extension', summary: 'Set brand colour', body: BrandingUpdate, response: Branding},
  {method: 'put', path: '/branding/logo', origin: 'extension', summary: 'Upload logo (raw image body, 2 MB max)', response: Branding},
  {method: 'delete', path: '/branding/logo', origin: 'extension', summary: 'Delete logo', response: Branding},
  {method: 'get', path: '/branding/logo/{hash}', origin: 'extension', summary: 'The logo image (no credentials; served inert)', binary: true},
] as const;
