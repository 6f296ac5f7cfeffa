/**
 * Timing primitives that run in the bench page.
 *
 * Paint: a measurement ends when the frame that shows the change has been rendered, i.e. after the
 * browser's "update the rendering" step (style, layout, paint record, commit). We detect that with
 * `requestAnimationFrame` + `setTimeout(0)`: a task queued from a rAF callback runs only after that
 * frame's rendering step. `PerformanceObserver` was considered and not used: `paint` entries fire
 * once per document (first paint / FCP), and `element` timing does not observe nodes inside shadow
 * roots, where the kit renders its rows.
 *
 * Frame alignment: headless Chromium runs rAF at 60 Hz here (flags that unlock the frame rate did
 * not change that), so "wait for the next rAF" would round every fast measurement up to the next
 * vsync. Every measurement therefore STARTS inside a rAF callback: the change is made at the start
 * of a frame, and a `setTimeout(0)` queued in that same callback fires right after that frame has
 * rendered. If the change completes within that callback's microtask checkpoint (the kit's cached
 * path and the vanilla table both do), that timeout marks its paint exactly, without vsync wait. If
 * it completes later (a network response), the frame already went out without it, so the end is
 * the next rAF + `setTimeout(0)` (then the figure includes up to one frame of vsync wait).
 */

export interface Timing {
  /** From the start to the change being in the DOM (script only), ms. */
  script: number;
  /** From the start to the frame that shows it having rendered, ms. */
  paint: number;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Waits until the page is idle at a frame boundary (after a rendered frame). */
export async function settle(): Promise<void> {
  await nextFrame();
  await nextTask();
}

/**
 * Runs `change` at the start of a frame and times it to "in the DOM" (its promise resolved) and to
 * "painted" (see the file comment).
 */
export function timeToPaint(change: () => Promise<unknown>): Promise<Timing> {
  return new Promise<Timing>((resolve, reject) => {
    requestAnimationFrame(() => {
      const start = performance.now();
      let frameRendered = false;
      // Queued first: runs right after this frame's rendering step.
      setTimeout(() => (frameRendered = true), 0);
      change().then(
        () => {
          const script = performance.now() - start;
          const painted = () => resolve({script, paint: performance.now() - start});
          if (!frameRendered) setTimeout(painted, 0);
          else requestAnimationFrame(() => setTimeout(painted, 0));
        },
        reject,
      );
    });
  });
}

/**
 * Resolves when `ready()` turns true, checked now and after every DOM mutation under `root` (or
 * each of several roots, e.g. an element and its shadow root)
 * (mutation records are delivered as microtasks, so this adds no task or frame of its own).
 */
export function whenDom(root: Node | Node[], ready: () => boolean, timeoutMs = 30_000, what = 'the DOM'): Promise<void> {
  if (ready()) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    for (const node of Array.isArray(root) ? root : [root]) observer.observe(node, {childList: true, subtree: true, attributes: true, characterData: true});
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
  });
}
