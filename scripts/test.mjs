// npm test: every check and suite, ending with one line "N passed, N failed".
// Checks (build, package sizes, typecheck, lint, a short load run) count as one
// test each; jest runs the unit, integration, end-to-end and mini-program suites.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, log, run } from './lib.mjs';

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
  if (missing.length === 0) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `The end-to-end tests need ${missing.join(' and ')}. Install with:\n  sudo apt-get install -y ${missing.join(' ')}\n(or set CHROME_PATH to a Chromium).`,
    );
  }
  log(`Installing Debian's ${missing.join(' and ')} for the end-to-end tests (apt-get, about a minute)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  return found ?? '/usr/bin/chromium';
}

async function main() {
  const started = Date.now();
  mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
  const chrome = ensureChromium();
  log(`Chromium: ${chrome}`);

  const built = await check('build (tsc packages, weapp and h5, weapp package sizes)', 'node', ['scripts/build.mjs']);
  await check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  await check('lint (eslint + prettier)', 'npm', ['run', '--silent', 'lint']);

  if (built) {
    const report = path.join(ROOT, 'artifacts/jest-results.json');
    await run('npx', ['jest', '--ci', '--json', `--outputFile=${report}`], {
      env: { ...process.env, CHROME_PATH: chrome },
    });
    if (existsSync(report)) {
      const jest = JSON.parse(readFileSync(report, 'utf8'));
      results.passed += jest.numPassedTests;
      results.failed += jest.numFailedTests;
      // A suite that failed to run has no failed tests of its own: count it once.
      results.failed += jest.testResults.filter(
        (r) => r.status === 'failed' && r.assertionResults.every((a) => a.status !== 'failed'),
      ).length;
    } else {
      results.failed += 1;
    }
    // The load test's whole visits, briefly: every submission once upstream, no slot over its places.
    await check('load smoke (npm run load, 5 s, 6 citizens)', 'node', ['scripts/load.mjs', '--smoke']);
  } else {
    log('jest suites skipped: the build failed');
    results.failed += 1;
  }

  log(`\nnpm test took ${Math.round((Date.now() - started) / 1000)} s`);
  log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 ? 0 : 1);
}

main().catch((error) => {
  log(error.message);
  log(`${results.passed} passed, ${results.failed + 1} failed`);
  process.exit(1);
});
