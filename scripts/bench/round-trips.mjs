// MongoDB round trips per request, per route: the bench's part of "every MongoDB call counted".
// The counting (the driver's command monitoring on an in-process BFF) and the routes' scenarios live
// once, in test/integration/mongo-round-trips.test.ts with test/support/command-counter.ts; this
// runs that test file and reads the counts it writes. The bench's BFF instances are child processes,
// whose driver events this process cannot see. `node scripts/bench/round-trips.mjs` runs this part
// alone (on a MongoDB of its own, as the test suite starts one).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, log, run } from '../lib.mjs';
import { runLine, writeSection } from './report.mjs';

const TEST_FILE = 'test/integration/mongo-round-trips.test.ts';

/**
 * Runs the round-trip test and answers what it measured: {server: 'mongod' | 'ferretdb', rows: [{route, budget, measured}]}.
 * @param {{uri: string, kind: string} | undefined} mongo a running server to use (the bench's), else the test's own
 */
export async function roundTrips(mongo) {
  mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
  const out = path.join(ROOT, 'artifacts/round-trips.json');
  rmSync(out, { force: true });
  const env = { ...process.env, ROUND_TRIPS_OUT: out };
  if (mongo) Object.assign(env, { TEST_MONGODB_URI: mongo.uri, TEST_MONGODB_KIND: mongo.kind });
  const code = await run('npx', ['jest', '--silent', TEST_FILE], { env });
  const measured = JSON.parse(readFileSync(out, 'utf8'));
  if (code !== 0) log(`${TEST_FILE} failed (exit ${code}): a route is over its budget, or a scenario broke`);
  return measured;
}

/** The rows as a markdown table, each marked against its budget. */
export function roundTripTable(rows) {
  return [
    '| route | budget | measured |',
    '| --- | ---: | ---: |',
    ...rows.map((r) => `| ${r.route} | ${r.budget} | ${r.measured}${r.measured > r.budget ? ' (over)' : ''} |`),
  ].join('\n');
}

/** Prints the table and rewrites its section of docs/BENCHMARKS.md; `server` describes the MongoDB. */
export function reportRoundTrips({ rows }, server) {
  const table = roundTripTable(rows);
  log(`\nMongoDB round trips per request (driver command monitoring):\n${table}`);
  writeSection(
    'round-trips',
    [
      `Run: ${runLine(server)}. Commands the driver sent per request, counted with its command monitoring`,
      '(handshakes, pings and session ends left out); the case submission leaves its idempotency record aside.',
      '',
      table,
    ].join('\n'),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const measured = await roundTrips(undefined);
  reportRoundTrips(measured, measured.server === 'ferretdb' ? "FerretDB (the test suite's own)" : 'mongod');
}
