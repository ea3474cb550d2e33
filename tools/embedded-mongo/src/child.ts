import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';

/** Keeps the last `maxChars` of a stream, for error messages. */
export function keepTail(stream: Readable | null, maxChars = 4000): () => string {
  let tail = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-maxChars);
  });
  return () => tail.trimEnd();
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** "signal SIGKILL" or "exit code 1", for a line saying why a server went away. */
export function howItEnded(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `exit code ${String(child.exitCode)}`;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function terminate(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined || hasExited(child)) return; // never started, or gone
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Makes sure the child does not outlive this process: on 'exit' (only
 * synchronous work is possible there) it gets SIGTERM and `cleanup` runs.
 * Returns the function that removes the hook again.
 */
export function killOnExit(child: ChildProcess, cleanup: () => void = () => undefined): () => void {
  const hook = (): void => {
    if (!hasExited(child)) child.kill('SIGTERM');
    cleanup();
  };
  process.on('exit', hook);
  return () => {
    process.off('exit', hook);
  };
}

/** Lets this process exit while the child still runs (a forgotten stop() must not hang jest). */
export function unrefChild(child: ChildProcess): void {
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as { unref?: () => void } | null)?.unref?.();
  }
}
