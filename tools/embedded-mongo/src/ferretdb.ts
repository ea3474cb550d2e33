import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { hasExited, howItEnded, keepTail, killOnExit, terminate, unrefChild } from './child';
import { ensureFerretdbBinary } from './ferretdb-binary';
import { waitForPing } from './ping';
import type { ServerProcess, StarterOptions } from './types';

const START_TIMEOUT_MS = 30_000;

/** FerretDB on SQLite through our Go wrapper (see ferretdb/main.go). */
export async function startFerretdb(options: StarterOptions): Promise<ServerProcess> {
  const binary = await ensureFerretdbBinary(options.env, options.log);
  const throwaway = options.dataDir === undefined;
  // A subdirectory per server kind: mongod files and SQLite files must never meet.
  const dir =
    options.dataDir === undefined
      ? await mkdtemp(path.join(os.tmpdir(), 'suijing-ferretdb-'))
      : path.join(path.resolve(options.dataDir), 'ferretdb-sqlite');
  try {
    return await launch(binary, dir, throwaway, options);
  } catch (error) {
    if (throwaway) await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function launch(
  binary: string,
  dir: string,
  throwaway: boolean,
  options: StarterOptions,
): Promise<ServerProcess> {
  // Port 0 by default: the wrapper binds before it reports, so there is no
  // window in which another process can take the port (no pick-and-retry).
  const listen = `127.0.0.1:${options.port ?? 0}`;
  const args = ['-listen', listen, '-sqlite-dir', dir, '-exit-on-stdin-eof', ...(throwaway ? ['-remove-on-exit'] : [])];
  const child = spawn(binary, args, {
    env: options.env,
    // stdin stays an open pipe: when this process dies it closes and the wrapper exits.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.on('error', () => undefined); // spawn/kill failures surface through readyLine or exit, never as a crash
  const stderr = keepTail(child.stderr);
  const deadline = Date.now() + START_TIMEOUT_MS;
  const fail = (why: string): Error => new Error(`FerretDB (${binary}) ${why}; its stderr:\n${stderr() || '(empty)'}`);

  try {
    const ready = await readyLine(child, deadline);
    if (ready === undefined) {
      throw fail(
        hasExited(child)
          ? `exited with ${String(child.exitCode ?? child.signalCode)} before it was ready`
          : `printed no ready line within ${START_TIMEOUT_MS / 1000} s`,
      );
    }
    await waitForPing(ready.uri, deadline, () => !hasExited(child)).catch((error: unknown) => {
      throw fail(error instanceof Error ? error.message : String(error));
    });
    const forget = killOnExit(child, () => {
      if (throwaway) rmSync(dir, { recursive: true, force: true });
    });
    unrefChild(child);
    let stopping: Promise<void> | undefined;
    const stop = async (): Promise<void> => {
      stopping ??= (async () => {
        await terminate(child);
        forget();
        if (throwaway) await rm(dir, { recursive: true, force: true });
      })();
      return stopping;
    };
    const exited = new Promise<string>((resolve) => {
      const ended = (): void => {
        if (stopping) return;
        forget();
        resolve(howItEnded(child));
      };
      if (hasExited(child)) ended();
      else child.once('exit', ended);
    });
    const where = throwaway ? `SQLite, throwaway ${dir}` : `SQLite at ${dir}`;
    return {
      uri: ready.uri,
      kind: 'ferretdb',
      description: `FerretDB ${ready.version.replace(/^v/, '')} (${where}) on ${ready.uri}`,
      pid: child.pid,
      exited,
      // The port it got, fixed: clients (the BFF's driver) reconnect to the same address.
      startAgain: () => launch(binary, dir, throwaway, { ...options, port: Number(new URL(ready.uri).port) }),
      stop,
    };
  } catch (error) {
    await terminate(child, 1000);
    throw error;
  }
}

/** Waits for "FERRETDB_READY <uri> <version>" on stdout; undefined on exit or timeout. */
async function readyLine(child: ChildProcess, deadline: number): Promise<{ uri: string; version: string } | undefined> {
  if (!child.stdout) return undefined;
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(undefined), Math.max(0, deadline - Date.now()));
    const finish = (value: { uri: string; version: string } | undefined): void => {
      clearTimeout(timer);
      lines.off('line', onLine);
      child.off('exit', onExit);
      child.off('error', onError);
      // Keep draining stdout so a chatty child never blocks on a full pipe.
      child.stdout?.resume();
      resolve(value);
    };
    const onLine = (line: string): void => {
      const match = /^FERRETDB_READY (\S+) (\S+)/.exec(line);
      if (match?.[1] && match[2]) finish({ uri: match[1], version: match[2] });
    };
    const onExit = (): void => finish(undefined);
    const onError = (error: Error): void => {
      clearTimeout(timer);
      reject(new Error(`could not run FerretDB wrapper ${child.spawnfile}: ${error.message}`));
    };
    lines.on('line', onLine);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}
