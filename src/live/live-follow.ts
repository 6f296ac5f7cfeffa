/**
 * What `LiveController` (src/controllers/live-controller.ts) loads lazily: an element's subscription
 * to its client's live channel, and the quota-crossing rule of the announcements.
 *
 * A usage event says a customer's usage of the period after the change; the level before is the
 * level of the customer's previous event on this channel, else what the element shows (its data from
 * before the event). A rise to `warning` (above 80 %) or `alert` (100 %) is announced once per event,
 * by the first subscribed element that shows that customer, whatever the number of elements.
 */
import type {KnownQuota, LiveOptions} from '../controllers/live-controller.js';
import type {ResellerClient} from '../api/client.js';
import type {LiveEvent} from '../contract/schemas.js';
import {quotaLevelOf, type QuotaLevel} from '../usage/quota.js';
import {type LiveChannel, liveChannel} from './live-channel.js';

const RANK: Record<QuotaLevel, number> = {none: 0, ok: 1, warning: 2, alert: 3};

/** Per channel and customer: the last usage event's id, the level before and after it, whether it was said. */
interface Step {
  id: string;
  before: QuotaLevel | undefined;
  after: QuotaLevel;
  announced: boolean;
}
const steps = new WeakMap<LiveChannel, Map<number, Step>>();

/** Subscribes `element` to the client's channel; the returned function unsubscribes. */
export function follow(client: ResellerClient, element: Element, options: LiveOptions): () => void {
  const channel = liveChannel(client);
  return channel.subscribe((event) => {
    if (options.announce) announceCrossing(channel, event, options);
    options.onEvent(event);
  }, element);
}

function announceCrossing(channel: LiveChannel, event: LiveEvent, options: LiveOptions): void {
  const usage = event.usage;
  if (event.type !== 'usage' || !usage) return;
  let byCustomer = steps.get(channel);
  if (!byCustomer) steps.set(channel, (byCustomer = new Map()));
  let step = byCustomer.get(usage.customer_id);
  if (step?.id !== event.id) {
    step = {id: event.id, before: step?.after, after: quotaLevelOf(usage.period_minutes, usage.quota_minutes), announced: false};
    byCustomer.set(usage.customer_id, step);
  }
  const shown: KnownQuota | undefined = options.known?.(usage.customer_id);
  if (!shown || step.announced) return;
  const before = step.before ?? shown.level;
  if ((step.after === 'warning' || step.after === 'alert') && RANK[step.after] > RANK[before]) {
    step.announced = true;
    options.announce!({level: step.after, name: shown.name, customerId: usage.customer_id});
  }
}
