import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type BuildOutcome = 'cached' | 'built' | 'built-by-other';

export interface BuildOnceOptions {
  /** Final path of the artifact; its existence means "done". */
  target: string;
  /** Writes the artifact to `tmpPath`; buildOnce renames it into place. */
  build: (tmpPath: string) => Promise<void>;
  /** Called once per other builder we wait for. */
  onWait?: (ownerPid: number) => void;
  pollMs?: number;
}

/**
 * Produces `target` at most once across concurrent processes (two jest runs on
 * a fresh machine). A lock file created with O_EXCL holds the builder's pid;
 * waiters poll until the target appears, and take over a lock whose owner
 * died. The artifact is built under a temp name and renamed, so a reader never
 * sees half a file even if two builders race after a stale-lock takeover.
 */
export async function buildOnce({ target, build, onWait, pollMs = 500 }: BuildOnceOptions): Promise<BuildOutcome> {
  if (await exists(target)) return 'cached';
  await mkdir(path.dirname(target), { recursive: true });
  const lock = `${target}.lock`;
  let announced: number | undefined;
  while (!(await tryLock(lock))) {
    if (await exists(target)) return 'built-by-other';
    const owner = await lockOwner(lock);
    if (owner === 'stale') {
      await rm(lock, { force: true });
      continue;
    }
    if (owner !== 'unknown' && owner !== announced) {
      announced = owner;
      onWait?.(owner);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  try {
    // Someone may have finished between our first check and taking the lock.
    if (await exists(target)) return 'built-by-other';
    const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await build(tmp);
      await rename(tmp, target);
    } finally {
      await rm(tmp, { force: true });
    }
    return 'built';
  } finally {
    await rm(lock, { force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function tryLock(lock: string): Promise<boolean> {
  try {
    await writeFile(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The live owner's pid, 'stale' when it is gone, 'unknown' while it is still writing its pid. */
async function lockOwner(lock: string): Promise<number | 'stale' | 'unknown'> {
  const content = await readFile(lock, 'utf8').catch(() => undefined);
  if (content === undefined) return 'unknown'; // released meanwhile: just retry
  const pid = Number.parseInt(content, 10);
  if (Number.isNaN(pid)) {
    const age = await stat(lock).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    return age > 10_000 ? 'stale' : 'unknown';
  }
  return isAlive(pid) ? pid : 'stale';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}
