import { spawnSync } from 'node:child_process';
import { constants, rmSync } from 'node:fs';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { MongoBinary, MongoMemoryServer } from 'mongodb-memory-server-core';
import { MongoBinaryDownload } from 'mongodb-memory-server-core/lib/util/MongoBinaryDownload';

import { hasExited, howItEnded } from './child';
import { waitForPing } from './ping';
import { downloadProgress, type DownloadProgress, type ProgressOutput } from './progress';
import type { ServerProcess, StarterOptions } from './types';

export interface MongodBinary {
  path: string;
  /** e.g. "8.2.6", from `mongod --version`. */
  version: string;
}

/**
 * A real mongod: MONGOMS_SYSTEM_BINARY, else `mongod` on PATH, else
 * mongodb-memory-server's cache or download. Each must answer `--version`
 * (a downloaded build lacking its system libraries does not). Undefined when
 * there is none; an unusable explicit MONGOMS_SYSTEM_BINARY throws.
 */
export async function findMongod(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  terminal?: { write(text: string): unknown },
): Promise<MongodBinary | undefined> {
  const explicit = env['MONGOMS_SYSTEM_BINARY'];
  if (explicit) {
    if (!(await isExecutable(explicit))) throw new Error(`MONGOMS_SYSTEM_BINARY=${explicit} is not an executable file`);
    return { path: explicit, version: versionOf(explicit) };
  }
  for (const dir of (env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, process.platform === 'win32' ? 'mongod.exe' : 'mongod');
    if (!(await isExecutable(candidate))) continue;
    try {
      return { path: candidate, version: versionOf(candidate) };
    } catch (error) {
      log(`ignoring ${candidate}: ${firstLine(error)}`);
    }
  }
  try {
    const downloaded = await withProgress({ log, terminal }, () => withMongomsEnv(env, () => MongoBinary.getPath()));
    return { path: downloaded, version: versionOf(downloaded) };
  } catch (error) {
    log(
      `no mongod could be downloaded (${firstLine(error)}); using FerretDB instead. For a real MongoDB, ` +
        'put mongod on PATH, or set MONGOMS_SYSTEM_BINARY=/path/to/mongod or MONGODB_URI=mongodb://host/db',
    );
    return undefined;
  }
}

/**
 * mongodb-memory-server prints its own download progress: a line every 2 s
 * ending in a carriage return, a flood in a log file. Its one hook is the
 * printing method, so it is swapped for ours while the download runs.
 */
async function withProgress<T>(output: ProgressOutput, run: () => Promise<T>): Promise<T> {
  const original = MongoBinaryDownload.prototype.printDownloadProgress;
  const reporters = new WeakMap<MongoBinaryDownload, DownloadProgress>();
  MongoBinaryDownload.prototype.printDownloadProgress = function print(this: MongoBinaryDownload, chunk) {
    this.dlProgress.current += chunk.length;
    let reporter = reporters.get(this);
    if (!reporter) {
      reporter = downloadProgress(`downloading mongod ${this.binaryOpts.version}`, output);
      reporters.set(this, reporter);
    }
    reporter.update(this.dlProgress.current, this.dlProgress.length);
  };
  try {
    return await run();
  } finally {
    MongoBinaryDownload.prototype.printDownloadProgress = original;
  }
}

export async function startMongod(binary: MongodBinary, options: StarterOptions): Promise<ServerProcess> {
  const throwaway = options.dataDir === undefined;
  // Our own temp dir rather than mongodb-memory-server's: it keeps a failed
  // instance's dir "for investigation", and we want one clean-up rule.
  // A persistent dataDir gets a subdirectory per server kind: mongod files and
  // SQLite files must never meet.
  const dbPath =
    options.dataDir === undefined
      ? await mkdtemp(path.join(os.tmpdir(), 'suijing-mongod-'))
      : path.join(path.resolve(options.dataDir), 'mongod');
  await mkdir(dbPath, { recursive: true });
  const removeTemp = async (): Promise<void> => {
    if (throwaway) await rm(dbPath, { recursive: true, force: true });
  };
  const server = new MongoMemoryServer({
    // Passing the version we read from the binary keeps mongodb-memory-server from warning about a mismatch.
    binary: { systemBinary: binary.path, version: binary.version },
    instance: {
      ip: '127.0.0.1',
      ...(options.port === undefined ? {} : { port: options.port }),
      dbPath,
      storageEngine: 'wiredTiger',
      launchTimeout: 60_000,
    },
  });
  try {
    await startWithPortRetry(server, options);
  } catch (error) {
    await removeTemp();
    throw new Error(`mongod ${binary.version} at ${binary.path} did not start on ${dbPath}: ${firstLine(error)}`);
  }
  const uri = server.getUri();
  try {
    await waitForPing(uri, Date.now() + 30_000);
  } catch (error) {
    await server.stop({ doCleanup: false });
    await removeTemp();
    throw error;
  }
  // mongodb-memory-server's watchdog kills mongod after this process dies; the
  // hook does it at once and removes a throwaway dir (only sync work on 'exit').
  const onExit = (): void => {
    server.instanceInfo?.instance.mongodProcess?.kill('SIGTERM');
    if (throwaway) rmSync(dbPath, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    stopping ??= (async () => {
      await server.stop({ doCleanup: false });
      process.off('exit', onExit);
      await removeTemp();
    })();
    return stopping;
  };
  const mongodProcess = server.instanceInfo?.instance.mongodProcess;
  const exited = new Promise<string>((resolve) => {
    const ended = (): void => {
      if (!stopping) resolve(mongodProcess ? howItEnded(mongodProcess) : 'no process');
    };
    if (!mongodProcess || hasExited(mongodProcess)) ended();
    else mongodProcess.once('exit', ended);
  });
  const startAgain = async (): Promise<ServerProcess> => {
    // The old wrapper's watchdog and exit hook go; its data stays for the new mongod (journal recovery).
    process.off('exit', onExit);
    await server.stop({ doCleanup: false }).catch(() => undefined);
    return startMongod(binary, { ...options, port: Number(new URL(uri).port) });
  };
  const where = throwaway ? `throwaway ${dbPath}` : `data at ${dbPath}`;
  return {
    uri,
    kind: 'mongod',
    description: `mongod ${binary.version} (${where}, binary ${binary.path}) on ${uri}`,
    pid: mongodProcess?.pid,
    exited,
    startAgain,
    stop,
  };
}

/**
 * mongodb-memory-server picks a free port, then mongod binds it: another
 * process can take it in between, so a lost race is retried on a new port.
 * A port the caller fixed is used as is (forceSamePort), and not retried.
 */
async function startWithPortRetry(server: MongoMemoryServer, options: StarterOptions): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withMongomsEnv(options.env, () => server.start(options.port !== undefined));
      return;
    } catch (error) {
      const portTaken = /already in use/i.test(error instanceof Error ? error.message : String(error));
      if (!portTaken || options.port !== undefined || attempt >= 3) throw error;
    }
  }
}

/**
 * mongodb-memory-server reads its MONGOMS_* settings from process.env only, so
 * the caller's env is laid over it for the call. MAX_RETRIES defaults to 1:
 * one download attempt and no back-off (3 retries cost ~7 s offline), while 0
 * would mean no attempt at all and break the download on a connected machine.
 */
async function withMongomsEnv<T>(env: NodeJS.ProcessEnv, run: () => Promise<T>): Promise<T> {
  const overlay: Record<string, string> = { MONGOMS_MAX_RETRIES: '1' };
  for (const [key, value] of Object.entries(env))
    if (key.startsWith('MONGOMS_') && value !== undefined) overlay[key] = value;
  const saved = new Map(Object.keys(overlay).map((key) => [key, process.env[key]]));
  Object.assign(process.env, overlay);
  try {
    return await run();
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function versionOf(mongod: string): string {
  const output = spawnSync(mongod, ['--version'], { encoding: 'utf8', timeout: 30_000 }).stdout ?? '';
  const match = /db version v?(\d+\.\d+\.\d+)/.exec(output);
  if (!match?.[1])
    throw new Error(`${mongod} --version printed no "db version": is it a mongod? Output: ${output.slice(0, 200)}`);
  return match[1];
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The message on one short line (mongodb-memory-server puts the reason on a second line). */
function firstLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
