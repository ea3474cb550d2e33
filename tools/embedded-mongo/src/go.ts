import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const EXE = process.platform === 'win32' ? '.exe' : '';

/** Where Go lives when it is installed but not on PATH (official tarball, Debian package). */
const USUAL_PLACES = ['/usr/local/go/bin', '/usr/lib/go/bin'];

export interface GoToolchain {
  path: string;
  /** e.g. "go1.26.8" */
  version: string;
}

/**
 * Finds a Go toolchain of at least `minimum` ("1.24"): on PATH, in GOROOT,
 * then in the usual install places. GOTOOLCHAIN=local so the check (and the
 * build) never tries to download another toolchain.
 */
export async function findGo(
  env: NodeJS.ProcessEnv,
  minimum: string,
  places: string[] = USUAL_PLACES,
): Promise<GoToolchain> {
  const dirs = [
    ...(env['PATH'] ?? '').split(path.delimiter).filter(Boolean),
    ...(env['GOROOT'] ? [path.join(env['GOROOT'], 'bin')] : []),
    ...places,
  ];
  const tooOld: string[] = [];
  for (const candidate of [...new Set(dirs.map((dir) => path.join(dir, `go${EXE}`)))]) {
    if (!(await isExecutable(candidate))) continue;
    const version = await goVersion(candidate, env);
    if (version === undefined) continue;
    if (atLeast(version, minimum)) return { path: candidate, version };
    tooOld.push(`${version} at ${candidate}`);
  }
  const found =
    tooOld.length > 0 ? `found only ${tooOld.join(', ')}` : `found no \`go\` on PATH or in ${places.join(', ')}`;
  throw new Error(
    `The FerretDB fallback builds a small Go program once and needs Go >= ${minimum}; ${found}. ` +
      `Install Go >= ${minimum} from https://go.dev/dl/ (for example unpack go1.${minimum.split('.')[1]}.x.linux-amd64.tar.gz into /usr/local ` +
      `so /usr/local/go/bin/go exists), or avoid FerretDB: set MONGODB_URI to a running MongoDB, ` +
      `or MONGOMS_SYSTEM_BINARY to a mongod binary.`,
  );
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

async function goVersion(go: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    const { stdout } = await run(go, ['env', 'GOVERSION'], { env: { ...env, GOTOOLCHAIN: 'local' }, timeout: 30_000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined; // broken install: try the next candidate
  }
}

/** "go1.26.8" >= "1.24"? Only major.minor matter for the `go` line of go.mod. */
export function atLeast(goVersion: string, minimum: string): boolean {
  const have = /^go(\d+)\.(\d+)/.exec(goVersion);
  const want = /^(\d+)\.(\d+)/.exec(minimum);
  if (!have || !want) return false;
  const [haveMajor, haveMinor] = [Number(have[1]), Number(have[2])];
  const [wantMajor, wantMinor] = [Number(want[1]), Number(want[2])];
  return haveMajor > wantMajor || (haveMajor === wantMajor && haveMinor >= wantMinor);
}
