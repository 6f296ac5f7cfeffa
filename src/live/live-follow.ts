/**
 * What `LiveController` (src/controllers/live-controller.ts) loads lazily: an element's subscription
 * to its client's live channel, and the quota-crossing rule of the announcements.
 *
 * A usage event says a customer's usage of the period after the change; the level before is the
 * level of the customer's previous event on this channel, else what the element shows (its data from
 * before the event). A rise to `warning` (above 80 %) or `alert` (100 %) is announced once per event,
 * by the first subscribed element that shows that customer, whatever the number of elements.
 *
 * An element that is not rendered (`display: none` on it or an ancestor: a portal's hidden page, a
 * closed tab panel) does no work for the events it receives: it holds them and acts on them when it
 * is shown again (a ResizeObserver sees it get a box), so a hidden dashboard sends no request. More
 * than HELD_MAX events held become one `reset` (read everything again). Held events are not
 * announced when they are replayed: the element shows their outcome as it appears.
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

/** How many events a hidden element holds before they become one `reset`. */
const HELD_MAX = 20;

/** Whether the element has a box (is rendered), as far as this engine can tell. */
const rendered = (element: Element): boolean =>
  typeof element.checkVisibility === 'function' ? element.checkVisibility() : element.getClientRects().length > 0;

/** Subscribes `element` to the client's channel; the returned function unsubscribes. */
export function follow(client: ResellerClient, element: Element, options: LiveOptions): () => void {
  const channel = liveChannel(client);
  let held: LiveEvent[] = [];
  let observer: ResizeObserver | undefined;
  const replay = () => {
    if (!held.length || !rendered(element)) return;
    const events = held;
    held = [];
    observer?.disconnect();
    observer = undefined;
    for (const event of events) options.onEvent(event);
  };
  const off = channel.subscribe((event) => {
    if (!rendered(element)) {
      if (held.length < HELD_MAX) held.push(event);
      else held = [{id: event.id, type: 'reset', usage: null, transcript: null}];
      if (!observer) {
        observer = new ResizeObserver(replay);
        observer.observe(element);
      }
      return;
    }
    if (options.announce) announceCrossing(channel, event, options);
    options.onEvent(event);
  }, element);
  return () => {
    observer?.disconnect();
    held = [];
    off();
  };
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
