import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * Which blocks of a long list to (re)build in this update, so that no task runs long: a two-hour
 * transcript's ~15 blocks of 100 segments are built one per task (after the blocks that must show
 * now: the ones in view and the current match's), and a search re-marks them the same way. A block
 * not built yet renders empty (the element gives it a placeholder height); a block whose content
 * changed keeps its previous DOM until its turn. `stamp(i)` changes exactly when block `i` is to be
 * rebuilt: the element renders each block behind `guard([stamp])`.
 */
export class BlockQueue implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #stamps: number[] = [];
  #dirty = new Set<number>();
  #visible = new Set<number>();
  #counter = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #observer: IntersectionObserver | undefined;
  #root: Element | undefined;
  #observed = new WeakSet<Element>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Starts over with `count` blocks, none built. */
  reset(count: number): void {
    this.#stamps = Array.from({length: count}, () => 0);
    this.#dirty = new Set(this.#stamps.keys());
    this.#visible.clear();
  }

  /** Blocks whose content changed: rebuilt in a later update (in view first). */
  invalidate(blocks: Iterable<number>): void {
    for (const b of blocks) if (b >= 0 && b < this.#stamps.length) this.#dirty.add(b);
  }

  /**
   * Called by render() before the blocks: builds the `urgent` blocks and those in view now, plus
   * one more in order; schedules the next update (a new task) while any are left.
   */
  plan(urgent: Iterable<number>): void {
    const take = (b: number) => {
      if (this.#dirty.delete(b)) this.#stamps[b] = ++this.#counter;
    };
    for (const b of urgent) take(b);
    for (const b of this.#visible) take(b);
    const next = Math.min(...this.#dirty);
    if (Number.isFinite(next)) take(next);
    if (this.#dirty.size) this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#host.requestUpdate();
    }, 0);
  }

  /** Whether block `i` has content yet. */
  built(i: number): boolean {
    return (this.#stamps[i] ?? 0) > 0;
  }

  /** Changes when block `i` is (re)built. */
  stamp(i: number): number {
    return this.#stamps[i] ?? 0;
  }

  /** True while blocks are still waiting to be (re)built. */
  get pending(): boolean {
    return this.#dirty.size > 0;
  }

  /** After an update: notes which blocks (`data-block`) are in or near view of `root`. */
  watch(root: Element | null, blocks: Iterable<Element>): void {
    if (!root) return;
    if (root !== this.#root) {
      this.#observer?.disconnect();
      this.#observed = new WeakSet();
      this.#visible.clear();
      this.#root = root;
      this.#observer = new IntersectionObserver((entries) => {
        let wanted = false;
        for (const e of entries) {
          const b = Number((e.target as HTMLElement).dataset.block);
          if (e.isIntersecting) {
            this.#visible.add(b);
            wanted ||= this.#dirty.has(b);
          } else this.#visible.delete(b);
        }
        if (wanted) this.#host.requestUpdate();
      }, {root, rootMargin: '50% 0px'});
    }
    for (const el of blocks) {
      if (this.#observed.has(el)) continue;
      this.#observed.add(el);
      this.#observer!.observe(el);
    }
  }

  hostConnected(): void {
    if (this.#dirty.size) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#root = undefined;
    this.#visible.clear();
  }
}
