import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { buildOnce } from './build-once';
import { hasExited, keepTail, killOnExit } from './child';
import { findGo } from './go';

/** The Go wrapper module (go.mod, go.sum, *.go); the same relative place from src/ (jest) and dist/. */
export const FERRETDB_SOURCE_DIR = path.resolve(__dirname, '..', 'ferretdb');

const EXE = process.platform === 'win32' ? '.exe' : '';

/**
 * -mod=readonly: go.mod/go.sum are complete and must not change; the tag
 * leaves FerretDB's PostgreSQL back end out (~20% less compile time).
 */
const BUILD_ARGS = [
  'build',
  '-mod=readonly',
  '-trimpath',
  '-buildvcs=false',
  '-tags=ferretdb_no_postgresql',
  '-ldflags=-s -w',
];

/**
 * Path of the FerretDB wrapper binary, building it on first use. The cache
 * lives outside the repo, keyed by a hash of the wrapper's sources and build
 * flags, so a change of go.mod/go.sum/*.go gets a fresh build.
 */
export async function ensureFerretdbBinary(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<string> {
  const sources = await readSources();
  const hash = createHash('sha256');
  for (const [name, content] of sources) hash.update(`${name}\0${content.length}\0`).update(content);
  hash.update(`${process.platform}-${process.arch}\0${BUILD_ARGS.join(' ')}`);
  const target = path.join(cacheRoot(env), 'suijing', `ferretdb-${hash.digest('hex').slice(0, 16)}`, `ferretdb${EXE}`);

  await buildOnce({
    target,
    build: (tmp) => goBuild(tmp, goLine(sources), env, log),
    onWait: (pid) => log(`waiting for process ${pid}, which is building the FerretDB wrapper`),
  });
  return target;
}

function cacheRoot(env: NodeJS.ProcessEnv): string {
  return env['XDG_CACHE_HOME'] || path.join(env['HOME'] || os.homedir(), '.cache');
}

async function readSources(): Promise<Map<string, Buffer>> {
  const names = (await readdir(FERRETDB_SOURCE_DIR))
    .filter((n) => n === 'go.mod' || n === 'go.sum' || n.endsWith('.go'))
    .sort();
  if (!names.includes('go.mod'))
    throw new Error(`FerretDB wrapper sources missing: no go.mod in ${FERRETDB_SOURCE_DIR}`);
  const sources = new Map<string, Buffer>();
  for (const name of names) sources.set(name, await readFile(path.join(FERRETDB_SOURCE_DIR, name)));
  return sources;
}

/** The minimum Go version, from the `go 1.24` line of go.mod (FerretDB's own minimum). */
function goLine(sources: Map<string, Buffer>): string {
  const match = /^go\s+(\d+\.\d+)/m.exec(sources.get('go.mod')?.toString('utf8') ?? '');
  return match?.[1] ?? '1.24';
}

async function goBuild(
  output: string,
  minimum: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  const go = await findGo(env, minimum);
  log(
    `building FerretDB wrapper with ${go.version}, first run only, ~1-3 min (~125 MB of Go modules through GOPROXY, ~500 MB in the Go module cache)`,
  );
  const started = Date.now();
  const child = spawn(go.path, [...BUILD_ARGS, '-o', output, '.'], {
    cwd: FERRETDB_SOURCE_DIR,
    // local: never fetch another toolchain; CGO off: FerretDB's SQLite is pure Go, so no C compiler
    // needed; GOWORK off: a go.work above the repo must not change the build.
    env: { ...env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOWORK: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = keepTail(child.stdout);
  const stderr = keepTail(child.stderr);
  const forget = killOnExit(child);
  const heartbeat = setInterval(() => log(`still building FerretDB wrapper (${seconds(started)} s)`), 30_000);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode) => resolve(exitCode));
    });
    if (code !== 0) {
      throw new Error(
        `go build of the FerretDB wrapper failed (exit ${String(code)}) in ${FERRETDB_SOURCE_DIR}. ` +
          `It needs the Go module proxy (GOPROXY=${env['GOPROXY'] || 'https://proxy.golang.org,direct'}). Output:\n${stdout()}\n${stderr()}`.trimEnd(),
      );
    }
  } finally {
    clearInterval(heartbeat);
    forget();
    if (!hasExited(child)) child.kill('SIGKILL');
  }
  log(`built FerretDB wrapper in ${seconds(started)} s`);
}

function seconds(since: number): number {
  return Math.round((Date.now() - since) / 1000);
}
