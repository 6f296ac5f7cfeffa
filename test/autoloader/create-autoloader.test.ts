/**
 * The autoloader's bookkeeping, through `createAutoloader` with loaders of test tags that record
 * their calls (the same seam a host uses for tags of its own): one import per tag, a failed import
 * reported once and retried on the next discovery, `stop()`, and tags outside its map ignored.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {createAutoloader, type TagLoader} from '../../src/autoloader.js';

/** Loaders that count their calls; `fail` makes the next call(s) reject. */
function recorder(tags: string[]) {
  const calls: Record<string, number> = {};
  const failing = new Set<string>();
  const loaders: Record<string, TagLoader> = {};
  for (const tag of tags) {
    calls[tag] = 0;
    loaders[tag] = async () => {
      calls[tag]!++;
      if (failing.has(tag)) throw new TypeError(`Failed to fetch dynamically imported module: /define/${tag}.js`);
      if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
    };
  }
  return {loaders, calls, failing};
}

/** Lets pending MutationObserver callbacks and loader promises run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let n = 0;
/** A fresh tag name per test: customElements definitions outlive a test. */
const tag = (name: string) => `reseller-${name}-${++n}`;

describe('createAutoloader', () => {
  let root: HTMLElement;
  let errors: unknown[][];
  let consoleError: typeof console.error;

  beforeEach(() => {
    root = document.body.appendChild(document.createElement('div'));
    errors = [];
    consoleError = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
  });

  afterEach(() => {
    console.error = consoleError;
    root.remove();
  });

  it('imports each tag once, however many times it appears or is discovered', async () => {
    const a = tag('once');
    const {loaders, calls} = recorder([a]);
    const autoloader = createAutoloader(loaders, root);
    root.append(document.createElement(a), document.createElement(a));
    await settle();
    autoloader.discover(root);
    root.append(document.createElement(a));
    await settle();
    expect(calls[a]).to.equal(1);
    expect(customElements.get(a)).to.exist;
    autoloader.stop();
  });

  it('reports a failed import once, naming the tag, and retries on the next discovery', async () => {
    const a = tag('broken');
    const {loaders, calls, failing} = recorder([a]);
    failing.add(a);
    const autoloader = createAutoloader(loaders, root);
    root.append(document.createElement(a), document.createElement(a));
    await waitUntil(() => errors.length > 0, 'the failure is reported');
    await settle();
    expect(calls[a], 'one attempt for both elements').to.equal(1);
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.contain(`<${a}>`);
    expect(customElements.get(a)).to.be.undefined;

    failing.delete(a);
    root.append(document.createElement(a));
    await waitUntil(() => customElements.get(a), 'defined on the retry');
    expect(calls[a], 'tried again').to.equal(2);
    expect(errors, 'no further error').to.have.length(1);
    autoloader.stop();
  });

  it('sees nothing after stop(), and skips tags outside its map or already defined', async () => {
    const [a, b, c] = [tag('stopped'), tag('defined'), tag('unmapped')];
    const {loaders, calls} = recorder([a, b]);
    customElements.define(b, class extends HTMLElement {});
    const autoloader = createAutoloader(loaders, root);
    root.append(document.createElement(b), document.createElement(c), document.createElement('other-widget'));
    await settle();
    expect(calls[b], 'an already defined tag').to.equal(0);

    autoloader.stop();
    root.append(document.createElement(a));
    await settle();
    expect(calls[a], 'not seen after stop()').to.equal(0);
    autoloader.discover(root);
    expect(calls[a], 'discover() after stop()').to.equal(1);
    expect(errors).to.deep.equal([]);
  });

  it("loads a host's own tags too (any tag in its map)", async () => {
    const own = `host-widget-${++n}`;
    const {loaders, calls} = recorder([own]);
    const autoloader = createAutoloader(loaders, root);
    root.append(document.createElement(own));
    await waitUntil(() => customElements.get(own), 'defined');
    expect(calls[own]).to.equal(1);
    autoloader.stop();
  });

  it('watches nothing without a root to observe', async () => {
    const a = tag('unobserved');
    const {loaders, calls} = recorder([a]);
    const autoloader = createAutoloader(loaders);
    root.append(document.createElement(a));
    await settle();
    expect(calls[a]).to.equal(0);
    autoloader.discover(root);
    expect(calls[a]).to.equal(1);
  });
});
