// Heap snapshots of a running instance (started with --heapsnapshot-signal=SIGUSR2 and
// --diagnostic-dir) and their comparison by constructor: the sum of the self sizes of the objects
// each constructor made, in both snapshots, the largest growers first (what DevTools' "Comparison"
// view shows). Run as a script the comparison happens in a process of its own, as parsing a snapshot
// takes several times its size in memory:
//   node --max-old-space-size=8192 scripts/lb/heap-snapshots.mjs before.heapsnapshot after.heapsnapshot
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Asks the instance for a snapshot (SIGUSR2) and resolves with its file once written: the file exists
 * and the instance answers `aliveUrl` again (it writes the snapshot on its main thread).
 */
export async function takeHeapSnapshot(child, dir, aliveUrl) {
  const mine = () => readdirSync(dir).filter((f) => f.endsWith('.heapsnapshot') && f.includes(`.${child.pid}.`));
  const before = new Set(mine());
  child.kill('SIGUSR2');
  const deadline = Date.now() + 120_000;
  for (;;) {
    const added = mine().find((f) => !before.has(f));
    // Once it answers again the file is complete (a kept-alive connection it closed meanwhile fails: ask again).
    const answered =
      added &&
      (await fetch(aliveUrl, { signal: AbortSignal.timeout(120_000) }).then(
        (res) => res.arrayBuffer().then(() => true),
        () => false,
      ));
    if (answered) return path.join(dir, added);
    if (Date.now() > deadline) throw new Error(`no heap snapshot of ${child.pid} in ${dir} after 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Self size per constructor (objects by their constructor, the rest by kind) and the total. */
export function sizesByConstructor(snapshot) {
  const { node_fields: fields, node_types: types } = snapshot.snapshot.meta;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const typeNames = types[0];
  const { nodes, strings } = snapshot;
  const sizes = new Map();
  let total = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = typeNames[nodes[i + typeAt]];
    const size = nodes[i + sizeAt];
    if (type === 'synthetic') continue;
    const name =
      type === 'object' || type === 'native'
        ? strings[nodes[i + nameAt]]
        : /string/.test(type)
          ? '(string)'
          : `(${type})`;
    const entry = sizes.get(name) ?? { size: 0, count: 0 };
    entry.size += size;
    entry.count += 1;
    sizes.set(name, entry);
    total += size;
  }
  return { sizes, total };
}

/** The comparison of two snapshot files: totals and the `top` constructors that grew most (bytes). */
export function compareSnapshotFiles(beforeFile, afterFile, top = 10) {
  const before = sizesByConstructor(JSON.parse(readFileSync(beforeFile, 'utf8')));
  const after = sizesByConstructor(JSON.parse(readFileSync(afterFile, 'utf8')));
  const names = new Set([...before.sizes.keys(), ...after.sizes.keys()]);
  const growers = [...names]
    .map((name) => {
      const b = before.sizes.get(name) ?? { size: 0, count: 0 };
      const a = after.sizes.get(name) ?? { size: 0, count: 0 };
      return { name, before: b.size, after: a.size, delta: a.size - b.size, countBefore: b.count, countAfter: a.count };
    })
    .sort((x, y) => y.delta - x.delta)
    .slice(0, top);
  return { totalBefore: before.total, totalAfter: after.total, growers };
}

/** compareSnapshotFiles in a child process with room for two parsed snapshots. */
export function compareInChild(beforeFile, afterFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=8192', fileURLToPath(import.meta.url), beforeFile, afterFile],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`heap snapshot comparison exited with ${code}`));
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [beforeFile, afterFile] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(compareSnapshotFiles(beforeFile, afterFile)));
}
