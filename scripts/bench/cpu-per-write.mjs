// The BFF's own CPU time per write request (login by SMS, draft save, submission, booking), on an
// instance and database of their own: its process CPU (`process_cpu_seconds_total` from its /metrics)
// read before and after N requests sent one after another, less what the idle instance spends in the
// same time (timers, polls). Waiting for MongoDB and the systems costs no CPU, so it is not counted.
//
// Alone: `node scripts/bench/cpu-per-write.mjs [--cpu-prof]` starts a stack of its own and prints the
// table; --cpu-prof writes the instance's V8 profile to artifacts/cpu-prof/ for the heaviest write.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, freePort, log, readyUrl } from '../lib.mjs';
import { applicationFixture } from './application-fixture.mjs';
import { bookingFixture } from './booking-fixture.mjs';
import { json, postJson, smsLogin, startStack } from './stack.mjs';

/** The target of issue 19: at most 2 ms of the BFF's CPU per write. */
export const CPU_TARGET_MS = 2;
/** Requests of each kind sent before measuring, so the JIT has compiled their path. */
export const CPU_WARM = 50;
const IDLE_MS = 3000;

/** The instance's CPU seconds as its /metrics tells them: user + system, and system (the kernel's part). */
async function cpuSeconds(metricsUrl) {
  const text = await (await fetch(metricsUrl)).text();
  const value = (name) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    if (!line) throw new Error(`${metricsUrl}: no ${name}`);
    return Number(line.split(' ')[1]);
  };
  return { total: value('process_cpu_seconds_total'), system: value('process_cpu_system_seconds_total') };
}

/**
 * The CPU ms of the instance's main thread (the event loop, which bounds what one instance serves), from
 * /proc in clock ticks of 10 ms; undefined where there is no /proc. The rest of the process's CPU is V8's
 * helper threads (garbage collection, optimising compiler) and libuv's pool.
 */
function mainThreadMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** CPU ms (of it the kernel's and the main thread's) and wall ms spent while `work` ran; its span on the monotonic clock (µs). */
async function spent({ metricsUrl, pid }, work) {
  const before = await cpuSeconds(metricsUrl);
  const mainBefore = mainThreadMs(pid);
  const started = performance.now();
  const startUs = process.hrtime.bigint() / 1000n;
  await work();
  const endUs = process.hrtime.bigint() / 1000n;
  const wallMs = performance.now() - started;
  const after = await cpuSeconds(metricsUrl);
  const mainAfter = mainThreadMs(pid);
  return {
    cpuMs: (after.total - before.total) * 1000,
    systemMs: (after.system - before.system) * 1000,
    mainMs: mainBefore === undefined || mainAfter === undefined ? undefined : mainAfter - mainBefore,
    wallMs,
    // CLOCK_MONOTONIC, the clock of a V8 profile's sample times: a phase can be cut out of a --cpu-prof profile.
    span: { startUs: Number(startUs), endUs: Number(endUs) },
  };
}

/** Sends the requests one after another; every answer must have `status`. */
async function sequentially(requests, status, what) {
  for (const request of requests) {
    const res = await request();
    if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }
}

/** Distinct client addresses (the instance trusts X-Forwarded-For), so no per-address code limit is met. */
const addressOf = (i) => `198.51.${100 + Math.floor(i / 250)}.${(i % 250) + 1}`;

/** `count` SMS logins ready to send: each phone's code asked for and read from the sandbox's outbox. */
async function smsLogins(bffUrl, sandboxUrl, count) {
  const stem = String(Date.now()).slice(-4);
  const out = [];
  for (let i = 0; i < count; i += 1) {
    const phone = `136${stem}${String(i).padStart(4, '0')}`;
    const headers = { 'x-forwarded-for': addressOf(i) };
    await json(await postJson(`${bffUrl}/api/v1/auth/sms/send`, { phone }, headers));
    const outbox = await json(await fetch(`${sandboxUrl}/sandbox/sms/outbox?phone=${phone}`));
    const code = outbox.items[0].params.code;
    out.push(() => postJson(`${bffUrl}/api/v1/auth/sms/login`, { phone, code }, headers));
  }
  return out;
}

/** A business other than the main benchmark's (one booking per person and business), in the most halls. */
async function otherBusiness(bffUrl, taken) {
  const { items } = await json(await fetch(`${bffUrl}/api/v1/halls`));
  const halls = new Map();
  for (const hall of items)
    for (const { code } of hall.businesses) if (code !== taken) halls.set(code, (halls.get(code) ?? 0) + 1);
  return [...halls].sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * A BFF instance with the stack's settings, started here rather than by the stack: --cpu-prof is a
 * command-line flag (Node refuses it in NODE_OPTIONS).
 */
async function startInstance(stack, env, cpuProfDir) {
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(ROOT, 'bff/dist/start.js')], {
    cwd: ROOT,
    env: { ...process.env, ...stack.bffEnv, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // 'close': once it has exited and written its profile.
    const closed = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGTERM');
    await closed;
  };
  try {
    return { url: await readyUrl(child, 'start.js'), pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Measures every write on a BFF of its own, `count` requests each after CPU_WARM.
 * @returns {Promise<{ idleCpuPercent: number, rows: Array<{ key: string, label: string, n: number, cpuMs: number, wallMs: number, msPerRequest: number }> }>}
 */
export async function cpuPerWrite(stack, { count = 100, bookedBusiness = 'HZ02', cpuProfDir } = {}) {
  const { mongo, sandboxUrl } = stack;
  const metricsPort = String(await freePort());
  const instance = await startInstance(
    stack,
    {
      PORT: '0',
      METRICS_PORT: metricsPort,
      TRUST_PROXY: 'true',
      SHUTDOWN_DRAIN_MS: '0',
      MONGODB_URI: `${mongo.uri.replace(/\/$/, '')}/suijing_bench_cpu`,
    },
    cpuProfDir,
  );
  try {
    const probe = { metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`, pid: instance.pid };
    return await measureOn(instance.url, probe, sandboxUrl, count, bookedBusiness);
  } finally {
    await instance.stop();
  }
}

async function measureOn(bffUrl, probe, sandboxUrl, count, bookedBusiness) {
  const total = CPU_WARM + count;

  const logins = await smsLogins(bffUrl, sandboxUrl, total);
  const auth = await smsLogin(bffUrl, sandboxUrl, `135${String(Date.now()).slice(-8)}`);
  const application = await applicationFixture(bffUrl, sandboxUrl, auth);
  const writing = { ...auth, 'content-type': 'application/json' };
  const draft = JSON.stringify({ formVersion: application.formVersion, data: application.data });
  const draftSaves = Array.from(
    { length: total },
    () => () =>
      fetch(`${bffUrl}/api/v1/drafts/${application.itemCode}`, { method: 'PUT', headers: writing, body: draft }),
  );
  const submissions = Array.from(
    { length: total },
    () => () =>
      fetch(`${bffUrl}/api/v1/applications`, {
        method: 'POST',
        headers: { ...writing, 'idempotency-key': randomUUID() },
        body: JSON.stringify(application),
      }),
  );
  const business = await otherBusiness(bffUrl, bookedBusiness);
  const booking = await bookingFixture(bffUrl, sandboxUrl, business, total);
  const bookings = Array.from({ length: total }, () => () => {
    const request = booking.nextRequest({ method: 'POST', headers: { 'content-type': 'application/json' } });
    return fetch(`${bffUrl}/api/v1/appointments`, request);
  });

  // Idle before and after (the mean): right after the fixtures the instance may still collect their garbage.
  await sleep(1000);
  const idleBefore = await spent(probe, () => sleep(IDLE_MS));
  const kinds = [
    { key: 'login', label: 'login by SMS code (`POST /api/v1/auth/sms/login`)', requests: logins, status: 200 },
    { key: 'draft', label: 'draft save (`PUT /api/v1/drafts/:itemCode`)', requests: draftSaves, status: 200 },
    {
      key: 'submit',
      label: 'submission (`POST /api/v1/applications`, a new Idempotency-Key each)',
      requests: submissions,
      status: 201,
    },
    {
      key: 'book',
      label: `booking (\`POST /api/v1/appointments\`, business ${business})`,
      requests: bookings,
      status: 201,
    },
  ];
  const rows = [];
  for (const kind of kinds) {
    await sequentially(kind.requests.slice(0, CPU_WARM), kind.status, kind.key);
    const measured = await spent(probe, () => sequentially(kind.requests.slice(CPU_WARM), kind.status, kind.key));
    rows.push({ key: kind.key, label: kind.label, n: count, ...measured });
  }
  const idleAfter = await spent(probe, () => sleep(IDLE_MS));
  const idleRate = (idleBefore.cpuMs + idleAfter.cpuMs) / (idleBefore.wallMs + idleAfter.wallMs);
  const idleMainRate =
    idleBefore.mainMs === undefined || idleAfter.mainMs === undefined
      ? undefined
      : (idleBefore.mainMs + idleAfter.mainMs) / (idleBefore.wallMs + idleAfter.wallMs);
  for (const row of rows) {
    row.msPerRequest = (row.cpuMs - idleRate * row.wallMs) / row.n;
    row.mainMsPerRequest =
      row.mainMs === undefined || idleMainRate === undefined
        ? undefined
        : (row.mainMs - idleMainRate * row.wallMs) / row.n;
  }
  return { idleCpuPercent: idleRate * 100, rows };
}

/** The table for the log and docs/BENCHMARKS.md. */
export function cpuTable({ rows }) {
  return [
    '| write (sent one after another) | n | BFF CPU per request | of it in the kernel | of it on the main thread | wall per request | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.n} | ${r.msPerRequest.toFixed(2)} ms | ${(r.systemMs / r.n).toFixed(2)} ms | ` +
        `${r.mainMsPerRequest === undefined ? 'n/a' : `${r.mainMsPerRequest.toFixed(2)} ms`} | ${(r.wallMs / r.n).toFixed(1)} ms | ` +
        `<= ${CPU_TARGET_MS} ms: ${r.msPerRequest <= CPU_TARGET_MS ? 'met' : 'NOT met'} |`,
    ),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const profile = process.argv.includes('--cpu-prof');
  const cpuProfDir = profile ? path.join(ROOT, 'artifacts/cpu-prof') : undefined;
  if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
  const stack = await startStack({ database: 'suijing_bench_cpu_main', throwawayMongo: true });
  try {
    const result = await cpuPerWrite(stack, { count: Number(process.env.BENCH_CPU_WRITES ?? 100), cpuProfDir });
    log(`idle instance: ${result.idleCpuPercent.toFixed(2)} % of a core`);
    log(cpuTable(result));
    if (cpuProfDir) {
      const phases = Object.fromEntries(result.rows.map((row) => [row.key, row.span]));
      writeFileSync(path.join(cpuProfDir, 'phases.json'), JSON.stringify(phases, null, 2));
      log(`profile in ${cpuProfDir}, the measured phases' spans in phases.json`);
    }
  } finally {
    await stack.stop();
  }
}
