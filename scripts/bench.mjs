// npm run bench: autocannon against the real BFF (embedded MongoDB, sandbox,
// production logging to a discarded stream) and a bare Koa route started in
// the same run; prints requests/s, p50/p99 and the ratio, as a markdown table.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT, log, must, readyUrl } from './lib.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

const children = [];
function startChild(script, env) {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(child);
  return readyUrl(child, path.basename(script));
}

function load(url, headers, duration = DURATION) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, duration }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function postJson(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function main() {
  await must('npx', ['tsc', '-b', 'tsconfig.build.json']);
  const { startMongo } = require(path.join(ROOT, 'tools/embedded-mongo/dist/index.js'));
  const mongo = await startMongo({ log: (line) => log(line) });
  try {
    const secrets = {
      WECHAT_APPID: 'wxbench000000001',
      WECHAT_SECRET: randomBytes(16).toString('hex'),
      SMS_API_KEY: randomBytes(16).toString('hex'),
    };
    const sandboxUrl = await startChild(path.join(ROOT, 'sandbox/dist/main.js'), {
      SANDBOX_PORT: '0',
      SANDBOX_WECHAT_APPID: secrets.WECHAT_APPID,
      SANDBOX_WECHAT_SECRET: secrets.WECHAT_SECRET,
      SANDBOX_SMS_KEY: secrets.SMS_API_KEY,
    });
    const bffUrl = await startChild(path.join(ROOT, 'bff/dist/start.js'), {
      ...secrets,
      NODE_ENV: 'production',
      PORT: '0',
      MONGODB_URI: `${mongo.uri.replace(/\/$/, '')}/suijing_bench`,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      WECHAT_API_BASE: sandboxUrl,
      SMS_GATEWAY_URL: sandboxUrl,
      CATALOG_API_BASE: sandboxUrl,
    });
    const bareUrl = await startChild(path.join(ROOT, 'scripts/bench/bare-koa.mjs'), {});

    const phone = `137${String(Date.now()).slice(-8)}`;
    await postJson(`${bffUrl}/api/v1/auth/sms/send`, { phone });
    const outbox = await (await fetch(`${sandboxUrl}/sandbox/sms/outbox?phone=${phone}`)).json();
    const tokens = await postJson(`${bffUrl}/api/v1/auth/sms/login`, { phone, code: outbox.items[0].params.code });
    const auth = { authorization: `Bearer ${tokens.accessToken}` };

    const rows = { bare: [], shaped: [], me: [] };
    log(
      `autocannon: ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds alternating, ${os.cpus().length} cores`,
    );
    // Unmeasured warm-up, so no route is timed while the JIT is still compiling it.
    await load(`${bareUrl}/hello`, undefined, 3);
    await load(`${bareUrl}/me-shaped`, undefined, 3);
    await load(`${bffUrl}/api/v1/me`, auth, 3);
    for (let round = 0; round < ROUNDS; round += 1) {
      rows.bare.push(await load(`${bareUrl}/hello`));
      rows.shaped.push(await load(`${bareUrl}/me-shaped`));
      rows.me.push(await load(`${bffUrl}/api/v1/me`, auth));
    }
    const summary = (runs) => ({
      rps: runs.reduce((s, r) => s + r.requests.average, 0) / runs.length,
      p50: runs.reduce((s, r) => s + r.latency.p50, 0) / runs.length,
      p99: runs.reduce((s, r) => s + r.latency.p99, 0) / runs.length,
      non2xx: runs.reduce((s, r) => s + r.non2xx + r.errors, 0),
    });
    const bare = summary(rows.bare);
    const shaped = summary(rows.shaped);
    const me = summary(rows.me);
    const ratio = me.rps / bare.rps;
    const table = [
      '| route | requests/s | p50 ms | p99 ms | non-2xx/errors | ratio to bare Koa |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      `| bare Koa + @koa/router \`GET /hello\` | ${bare.rps.toFixed(0)} | ${bare.p50.toFixed(1)} | ${bare.p99.toFixed(1)} | ${bare.non2xx} | 1.00 |`,
      `| bare Koa, same headers and body size as /me | ${shaped.rps.toFixed(0)} | ${shaped.p50.toFixed(1)} | ${shaped.p99.toFixed(1)} | ${shaped.non2xx} | ${(shaped.rps / bare.rps).toFixed(2)} |`,
      `| BFF \`GET /api/v1/me\` (valid token) | ${me.rps.toFixed(0)} | ${me.p50.toFixed(1)} | ${me.p99.toFixed(1)} | ${me.non2xx} | ${ratio.toFixed(2)} |`,
    ].join('\n');
    log(`\nMongoDB: ${mongo.description}\n`);
    log(table);
    mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
    writeFileSync(
      path.join(ROOT, 'artifacts/bench.json'),
      JSON.stringify({ date: new Date().toISOString(), bare, shaped, me, ratio }, null, 2),
    );
    log(`\nratio ${ratio.toFixed(2)} (target >= 0.5): ${ratio >= 0.5 ? 'met' : 'NOT met'}`);
    log(`against a bare route answering the same response: ${(me.rps / shaped.rps).toFixed(2)}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await mongo.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
  for (const child of children) child.kill('SIGTERM');
  process.exit(1);
});
