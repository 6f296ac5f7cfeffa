/** Starts fixtures/child-sandbox.ts in a child process (see there) and waits for its announcement. */
import {type ChildProcess, spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import type {SandboxOptions} from '../../sandbox/index.js';

export interface ChildSandbox {
  origin: string;
  adminSecret: string | null;
  process: ChildProcess;
  /** SIGKILL (no clean close: the crash case) and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (closes the database; SIGKILL after 10 s) and wait for the exit. */
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('./fixtures/child-sandbox.ts', import.meta.url));

export async function startChildSandbox(options: SandboxOptions, timeoutMs = 180_000): Promise<ChildSandbox> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {...process.env, SANDBOX_CHILD_OPTIONS: JSON.stringify(options)},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const announced = await new Promise<{port: number; adminSecret: string | null}>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child sandbox did not announce its port within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as {port: number; adminSecret: string | null});
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child sandbox exited (${code}) before announcing its port; stderr: ${stderr}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    // A child that cannot handle SIGTERM (a blocked event loop) is killed after 10 s.
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(force);
  };
  return {origin: `http://127.0.0.1:${announced.port}`, adminSecret: announced.adminSecret, process: child, kill: () => end('SIGKILL'), stop: () => end('SIGTERM')};
}
