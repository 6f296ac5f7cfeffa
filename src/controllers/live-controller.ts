/**
 * `LiveController`: an element follows its provider's live channel (docs/live.md), only when the
 * provider has `live` (`client.live`); otherwise nothing is loaded or opened.
 *
 * ```ts
 * readonly #live = new LiveController(this, {
 *   api: this.#api,
 *   onEvent: (event) => { if (event.type !== 'transcript') void this.#usage.refresh(); },
 *   known: (id) => …,   // what the element shows of a customer's quota (for the 80 % / 100 % announcements)
 *   announce: (text) => …,
 * });
 * ```
 *
 * The channel module (src/live/) is a lazy chunk, imported on the first subscription. The element
 * subscribes while it is connected (unsubscribes when it leaves; the channel also pauses while the
 * page is hidden) and follows a change of client (another provider, token or API base).
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ResellerClient} from '../api/client.js';
import type {LiveEvent} from '../contract/schemas.js';
import type {QuotaLevel} from '../usage/quota.js';
import type {ClientHolder} from './resource-controller.js';

/** A customer's quota as the element shows it now (before a live event's refresh). */
export interface KnownQuota {
  name: string;
  level: QuotaLevel;
}

export interface LiveOptions {
  api: ClientHolder;
  /** Every event (usage, transcript, reset), once. */
  onEvent(event: LiveEvent): void;
  /** What the element shows of a customer's quota, if it shows it (for the crossing announcements). */
  known?(customerId: number): KnownQuota | undefined;
  /** Says a crossing politely (the element's `aria-live="polite"` region); a message goes to one element only. */
  announce?(crossing: QuotaCrossing): void;
}

/** A customer's usage crossed 80 % (`warning`) or 100 % (`alert`) of the quota. */
export interface QuotaCrossing {
  level: 'warning' | 'alert';
  name: string;
  customerId: number;
}

export class LiveController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: LiveOptions;
  #client: ResellerClient | undefined;
  #off: (() => void) | undefined;
  /** Bumped on every change, so a subscription that resolves late after a change is dropped. */
  #generation = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LiveOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdated(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #sync(): void {
    const client = this.#host.isConnected ? this.#options.api.client : undefined;
    const wanted = client?.live && client.configured ? client : undefined;
    if (wanted === this.#client) return;
    this.#stop();
    if (!wanted) return;
    this.#client = wanted;
    const generation = this.#generation;
    void import('../live/live-follow.js').then(({follow}) => {
      if (generation === this.#generation) this.#off = follow(wanted, this.#host, this.#options);
    });
  }

  #stop(): void {
    this.#generation++;
    this.#off?.();
    this.#off = undefined;
    this.#client = undefined;
  }
}
