// npm test: every check and suite, ending with one line "N passed, N failed".
// Checks (build, package sizes, typecheck, lint, a short load run) count as one
// test each; jest runs the unit, integration, end-to-end and mini-program suites.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tallyJest } from './jest-tally.mjs';
import { ROOT, installDebianPackages, log, run } from './lib.mjs';

// The fewest jest tests a whole run may count; a run that counts fewer lost a suite
// (a file that stopped matching, a project dropped) and fails. Raise it when tests are added.
const FLOOR_FILE = path.join(ROOT, 'scripts/test-floor.json');

const results = { passed: 0, failed: 0 };

async function check(name, command, args, options) {
  log(`\n=== ${name} ===`);
  const code = await run(command, args, options);
  results[code === 0 ? 'passed' : 'failed'] += 1;
  log(`${code === 0 ? 'PASS' : 'FAIL'} ${name}`);
  return code === 0;
}

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * Debian's Chromium and CJK fonts (without them Chinese renders as boxes in the
 * screenshots) for the end-to-end suite: found, installed (as root with apt),
 * or the one command to run.
 */
function ensureChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  const missing = [...(found ? [] : ['chromium']), ...(existsSync(CJK_FONT) ? [] : ['fonts-noto-cjk'])];
  installDebianPackages(missing, 'the end-to-end tests', '(or set CHROME_PATH to a Chromium).');
  return found ?? '/usr/bin/chromium';
}

let mongoDescription = 'none (the suites did not run)';

/** Runs jest on `mongo` and adds its tests to the totals, counted by tallyJest. */
async function runJest(chrome, mongo) {
  const report = path.join(ROOT, 'artifacts/jest-results.json');
  rmSync(report, { force: true });
  log('\n=== jest (unit, integration, end-to-end, mini-program) ===');
  // Jest's default (one worker per core but one) runs serially on two cores; the suites spend
  // much of their time waiting on Chromium, HTTP and the database, so two workers halve the run.
  const workers = Math.max(2, availableParallelism() - 1);
  const exitCode = await run('npx', ['jest', '--ci', `--maxWorkers=${workers}`, '--json', `--outputFile=${report}`], {
    env: { ...process.env, CHROME_PATH: chrome, TEST_MONGODB_URI: mongo.uri, TEST_MONGODB_KIND: mongo.kind },
  });
  const { minimumJestTests: floor } = JSON.parse(readFileSync(FLOOR_FILE, 'utf8'));
  const tally = tallyJest(existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined, {
    exitCode,
    floor,
  });
  for (const problem of tally.problems) log(`FAIL ${problem}`);
  log(`jest: ${tally.passed} passed, ${tally.failed} failed (floor ${floor})`);
  results.passed += tally.passed;
  results.failed += tally.failed;
}

async function main() {
  const started = Date.now();
  mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
  const chrome = ensureChromium();
  log(`Chromium: ${chrome}`);

  const built = await check('build (tsc packages, weapp and h5, weapp package sizes)', 'node', ['scripts/build.mjs']);
  await check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  await check('lint (eslint + prettier)', 'npm', ['run', '--silent', 'lint']);

  await check('test runner self-check (how jest runs are counted)', 'node', [
    '--test',
    '--test-reporter=spec',
    'scripts/jest-tally.test.mjs',
  ]);
  await check('load-balancer scripts (nginx configuration, /metrics reading, charts, heap comparison)', 'node', [
    '--test',
    '--test-reporter=spec',
    'scripts/lb/lb.test.mjs',
  ]);
  if (built) {
    // One MongoDB for every jest worker, started here so that the summary can say which it was.
    const { startMongo } = await import(pathToFileURL(path.join(ROOT, 'tools/embedded-mongo/dist/index.js')).href);
    const mongo = process.env.TEST_MONGODB_URI
      ? { uri: process.env.TEST_MONGODB_URI, kind: 'external', description: 'TEST_MONGODB_URI', stop: async () => {} }
      : await startMongo({ log });
    try {
      await runJest(chrome, mongo);
    } finally {
      await mongo.stop();
    }
    mongoDescription = mongo.description;
    // Schemathesis from /openapi.json against the running stack, anonymous and logged in (about 2 minutes).
    await check('contract fuzz (Schemathesis, scripts/fuzz.mjs)', 'node', ['scripts/fuzz.mjs']);
    // The load test's whole visits, briefly: every submission once upstream, no slot over its places.
    await check('load smoke (npm run load: 3 BFFs behind nginx, one stopped and restarted, 10 s)', 'node', [
      'scripts/load.mjs',
      '--smoke',
    ]);
  } else {
    log('jest suites skipped: the build failed');
    results.failed += 1;
  }

  log(`\nnpm test took ${Math.round((Date.now() - started) / 1000)} s`);
  log(`MongoDB used by the suites: ${mongoDescription}`);
  log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 ? 0 : 1);
}

main().catch((error) => {
  log(error.message);
  log(`${results.passed} passed, ${results.failed + 1} failed`);
  process.exit(1);
});
