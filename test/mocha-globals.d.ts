/**
 * Types for the mocha BDD globals that @web/test-runner provides in the browser (describe, it,
 * hooks). Written here rather than pulled from @types/mocha: the project keeps `types: ["node"]`,
 * and leaving out `.only` and `.skip` makes a focused or skipped test a type error — every test
 * runs, every time. Node tests (test/sandbox/) import their own from node:test.
 */
export {};

declare global {
  namespace Mocha {
    interface Context {
      /** Overrides the test timeout (ms); 20 s by default (web-test-runner.config.mjs). */
      timeout(ms: number): this;
      /** Milliseconds after which the test is reported as slow. */
      slow(ms: number): this;
      retries(n: number): this;
    }
    type Done = (error?: unknown) => void;
    /** One signature (not a union) so `this` is typed inside `function () {}` callbacks. */
    type Test = (this: Context, done: Done) => void | PromiseLike<unknown>;
    interface Suite {
      timeout(ms: number): this;
    }
  }

  function describe(title: string, fn: (this: Mocha.Suite) => void): void;
  function it(title: string, fn: Mocha.Test): void;
  function before(fn: Mocha.Test): void;
  function after(fn: Mocha.Test): void;
  function beforeEach(fn: Mocha.Test): void;
  function afterEach(fn: Mocha.Test): void;
}
