// Contract fuzzing with Schemathesis 4.32.5 (PyPI, pinned in SCHEMATHESIS_VERSION below): it generates
// requests from the BFF's own /openapi.json, valid and invalid, and checks that every answer is one the
// document promises: not_a_server_error, status_code_conformance, content_type_conformance and
// response_schema_conformance.
//
//   node scripts/fuzz.mjs          each pass's budget from FUZZ_SECONDS (default 40)
//   node scripts/fuzz.mjs --har    also keep every request and answer (artifacts/fuzz/<pass>/run.har)
//
// The first run makes a Python virtual environment in .cache/fuzz-venv (git-ignored; python3 -m venv,
// then pip install schemathesis==4.32.5, about 20 s); later runs reuse it, a changed pin reinstalls.
// It builds and starts the real stack as the load script does (a throwaway embedded MongoDB, the
// sandbox systems over HTTP, the BFF in production mode) and runs two passes against it: anonymous,
// and as a citizen logged in by SMS through the sandbox, with 实名 and 实人 done as the load script
// does them. The logged-in pass leaves out the operations that would end its own session (log out,
// unbind, close the account, end a session): the anonymous pass covers them. Rate limits stay on:
// their 429s are documented answers, checked like any other. About two minutes on 2 cores (two
// passes of 40 s plus start-up). Nothing persistent is touched: the database and the sandbox live
// as long as the run. Prints one line "fuzz: ..." and exits non-zero on any failure or any
// error-level line of the BFF's log (kept in artifacts/fuzz-bff.log; reports in artifacts/fuzz/).
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, log, must } from './lib.mjs';
import { adultsOfRegister } from './bench/booking-fixture.mjs';
import { passInPerson } from './bench/in-person.mjs';
import { json, postJson as post, startStack } from './bench/stack.mjs';

const SCHEMATHESIS_VERSION = '4.32.5';
const VENV = path.join(ROOT, '.cache/fuzz-venv');
const SCHEMATHESIS = path.join(VENV, 'bin/schemathesis');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const REPORTS = path.join(ARTIFACTS, 'fuzz');
/** Each pass's time budget; two passes plus start-up stay near two minutes on 2 cores. */
const PASS_SECONDS = Number(process.env.FUZZ_SECONDS ?? 40);
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
];
/** Operations that end the logged-in pass's own session or account. */
const SESSION_ENDING = [
  'POST /api/v1/auth/logout',
  'DELETE /api/v1/identity/binding',
  'POST /api/v1/me/deletion',
  'DELETE /api/v1/sessions/{id}',
];

function installedVersion() {
  if (!existsSync(SCHEMATHESIS)) return undefined;
  try {
    return execFileSync(SCHEMATHESIS, ['--version'], { encoding: 'utf8' }).trim().split(' ').pop();
  } catch {
    return undefined;
  }
}

async function ensureSchemathesis() {
  if (installedVersion() === SCHEMATHESIS_VERSION) return;
  log(`fuzz: installing schemathesis ${SCHEMATHESIS_VERSION} into ${path.relative(ROOT, VENV)}...`);
  rmSync(VENV, { recursive: true, force: true });
  await must('python3', ['-m', 'venv', VENV]);
  await must(path.join(VENV, 'bin/pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    `schemathesis==${SCHEMATHESIS_VERSION}`,
  ]);
}

/** The throwaway MongoDB, the sandbox and one BFF (its log into bffLog); stop() ends them. */
function startFuzzStack(bffLog) {
  return startStack({
    database: 'suijing_fuzz',
    throwawayMongo: true,
    bffOutput: bffLog,
    bffEnv: {
      LOG_LEVEL: 'info',
      // A long access token: the logged-in pass must not fall back to 401s halfway.
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      // Two busy cores answer slower than a server: a slow sandbox is not an outage to report.
      UPSTREAM_TIMEOUT_MS: '10000',
    },
  });
}

/** A citizen as the load script makes one: SMS login, 实名 as a person of the register, 实人 by 网证. */
async function citizen(bffUrl, sandboxUrl) {
  const phone = '13500000077';
  await json(await post(`${bffUrl}/api/v1/auth/sms/send`, { phone }));
  const outbox = await json(await fetch(`${sandboxUrl}/sandbox/sms/outbox?phone=${phone}`));
  const login = await json(
    await post(`${bffUrl}/api/v1/auth/sms/login`, {
      phone,
      code: outbox.items[0].params.code,
      client: { platform: 'weapp' },
    }),
  );
  const auth = { authorization: `Bearer ${login.accessToken}` };
  const [person] = await adultsOfRegister(sandboxUrl, 1);
  await json(await post(`${bffUrl}/api/v1/identity/verify`, { name: person.name, idNumber: person.idNumber }, auth));
  await passInPerson(bffUrl, sandboxUrl, auth);
  return login.accessToken;
}

/** One Schemathesis pass, its output shown and kept (output.txt); resolves with its exit code. */
function schemathesis(name, bffUrl, extraArgs) {
  const dir = path.join(REPORTS, name);
  mkdirSync(dir, { recursive: true });
  const args = [
    'run',
    `${bffUrl}/openapi.json`,
    '--url',
    bffUrl,
    '--checks',
    CHECKS.join(','),
    '--phases',
    'examples,coverage,fuzzing',
    '--max-time',
    String(PASS_SECONDS),
    // One worker: Hypothesis describes its filters with ast.parse, which CPython 3.11 can fail at
    // from two threads at once ("AST constructor recursion depth mismatch"); the BFF needs the other core.
    '--workers',
    '1',
    '--request-timeout',
    '30',
    '--generation-database',
    'none',
    '--no-color',
    '--report-junit-path',
    path.join(dir, 'junit.xml'),
    // `--har`: every request and answer of the run, in artifacts/fuzz/<pass>/run.har, to see what was sent.
    ...(process.argv.includes('--har') ? ['--report-har-path', path.join(dir, 'run.har')] : []),
    ...extraArgs,
  ];
  return new Promise((resolve, reject) => {
    // Run from its report folder: what Hypothesis and Schemathesis keep stays in artifacts/ (git-ignored).
    const child = spawn(SCHEMATHESIS, args, { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    const out = createWriteStream(path.join(dir, 'output.txt'));
    child.stdout.on('data', (chunk) => {
      out.write(chunk);
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      out.end();
      resolve({ code: code ?? 1 });
    });
  });
}

/** "N operations, N failed" from the pass's JUnit report. */
function junitSummary(name) {
  const file = path.join(REPORTS, name, 'junit.xml');
  if (!existsSync(file)) return 'no report';
  const xml = readFileSync(file, 'utf8');
  const attr = (a) => Number(xml.match(new RegExp(`<testsuite[^>]*\\s${a}="(\\d+)"`))?.[1] ?? 0);
  const tests = attr('tests');
  const failed = attr('failures') + attr('errors');
  return `${tests} operations, ${failed} failed`;
}

/** Error-level (and worse) lines the BFF wrote: none is expected whatever it was sent. */
function errorLines(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => {
      try {
        return JSON.parse(line).level >= 50;
      } catch {
        return false;
      }
    });
}

async function main() {
  const started = Date.now();
  await ensureSchemathesis();
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const logFile = path.join(ARTIFACTS, 'fuzz-bff.log');
  const bffLog = createWriteStream(logFile);
  const stack = await startFuzzStack(bffLog);
  const results = [];
  let fuzzSeconds = 0;
  try {
    const token = await citizen(stack.bffUrl, stack.sandboxUrl);
    const fuzzStarted = Date.now();
    results.push({ name: 'anonymous', ...(await schemathesis('anonymous', stack.bffUrl, [])) });
    results.push({
      name: 'logged-in',
      ...(await schemathesis('logged-in', stack.bffUrl, [
        '--header',
        `Authorization: Bearer ${token}`,
        ...SESSION_ENDING.flatMap((op) => ['--exclude-name', op]),
      ])),
    });
    fuzzSeconds = Math.round((Date.now() - fuzzStarted) / 1000);
  } finally {
    await stack.stop();
    await new Promise((resolve) => bffLog.end(resolve));
  }
  const errors = errorLines(logFile);
  for (const line of errors.slice(0, 5)) log(`BFF error log: ${line.slice(0, 400)}`);
  const failed = results.some((r) => r.code !== 0) || errors.length > 0;
  const passes = results.map((r) => `${r.name} ${r.code === 0 ? 'passed' : 'FAILED'} (${junitSummary(r.name)})`);
  log(
    `fuzz: ${failed ? 'FAILED' : 'passed'}: schemathesis ${SCHEMATHESIS_VERSION}, ${passes.join('; ')}; ` +
      `${errors.length} BFF error log lines; fuzzing ${fuzzSeconds} s, ${Math.round((Date.now() - started) / 1000)} s in all, ${os.cpus().length} cores`,
  );
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`fuzz failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
