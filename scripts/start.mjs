// npm start: the product on one machine. MongoDB from MONGODB_URI or embedded
// (data kept in .data/mongo), the sandbox back-end systems unless real ones are
// configured, and the BFF serving the H5 build at http://localhost:${PORT}.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, bffSecrets, log, must, paymentSecrets, readyMessage, readyUrl, sandboxCredentials } from './lib.mjs';
import { precompress } from './build.mjs';

const require = createRequire(import.meta.url);
const DATA = path.join(ROOT, '.data');
const H5_DIR = path.join(ROOT, 'miniapp/dist/h5');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

// Written after the demo build; a production build (npm run build) replaces the folder and drops it.
const DEMO_STAMP = path.join(H5_DIR, '.demo-build');

/**
 * The demo H5 build (it links the sandbox's SMS outbox) is rebuilt only when
 * missing, replaced by a production build, or older than its sources.
 */
function h5IsStale(sandboxUrl) {
  if (!existsSync(DEMO_STAMP) || readFileSync(DEMO_STAMP, 'utf8') !== sandboxUrl) return true;
  const built = statSync(DEMO_STAMP).mtimeMs;
  return ['miniapp/src', 'miniapp/config', 'shared/src'].some((dir) => newestMtime(path.join(ROOT, dir)) > built);
}

/**
 * Development secrets for the embedded default only: generated once, kept in
 * .data (git-ignored), shared by the BFF and the sandbox. Real deployments set
 * their own; the BFF has no defaults.
 */
function devSecrets() {
  const file = path.join(DATA, 'dev-secrets.json');
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  // Secrets a newer version needs are added to an older file; existing ones are kept.
  const secrets = {
    JWT_SECRET: randomBytes(32).toString('base64url'),
    WECHAT_APPID: 'wxsandbox0000000001',
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    SMS_API_KEY: randomBytes(16).toString('hex'),
    GOV_APP_KEY: randomBytes(16).toString('hex'),
    APPROVAL_WEBHOOK_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    CTID_APP_ID: 'ctid-sandbox-app-0001',
    CTID_APP_SECRET: randomBytes(24).toString('base64url'),
    ...paymentSecrets(),
    ...stored,
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function startChild(name, script, env) {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} stopped unexpectedly (${signal ?? code}); shutting down`);
      stop(1);
    }
  });
  return child;
}

let stopping = false;
const children = [];
let mongo;

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children.reverse()) child.kill('SIGTERM');
  await Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)),
  );
  if (mongo) await mongo.stop();
  process.exit(code);
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  await must('npx', ['tsc', '-b', 'tsconfig.build.json']);
  const sandboxPort = process.env.SANDBOX_PORT ?? '8090';
  // The login page links the sandbox's SMS outbox; Taro takes TARO_APP_* only from .env files.
  const sandboxUrl = `http://localhost:${sandboxPort}`;
  if (h5IsStale(sandboxUrl)) {
    log('building the H5 mini-program (first start or after a change)...');
    writeFileSync(path.join(ROOT, 'miniapp/.env.development.local'), `TARO_APP_SANDBOX_URL=${sandboxUrl}\n`);
    await must('npx', ['taro', 'build', '--type', 'h5', '--mode', 'development'], { cwd: path.join(ROOT, 'miniapp') });
    // Served like a production build: a phone on a slow link gets brotli, not 500 KB of raw JavaScript.
    precompress(H5_DIR);
    writeFileSync(DEMO_STAMP, sandboxUrl);
  }

  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  const { startSupervisedMongo } = require(path.join(ROOT, 'tools/embedded-mongo/dist/index.js'));
  const mongoDir = path.join(DATA, 'mongo');
  // An embedded MongoDB that dies is started again on the same port and data (the BFF reconnects by
  // itself); if that keeps failing, everything stops with the reason rather than answering 503 for ever.
  mongo = await startSupervisedMongo({
    dataDir: mongoDir,
    onGiveUp: (error) => {
      log(
        `npm start stops: ${error.message}. Check free disk space and ${path.relative(ROOT, mongoDir)}, then run npm start again.`,
      );
      stop(1);
    },
  });

  const port = process.env.PORT ?? '8080';
  const useRealUpstreams = Boolean(
    process.env.WECHAT_API_BASE &&
    process.env.SMS_GATEWAY_URL &&
    process.env.CATALOG_API_BASE &&
    process.env.GOV_API_BASE &&
    process.env.CTID_API_BASE &&
    process.env.WXPAY_API_BASE &&
    process.env.NONTAX_API_BASE &&
    process.env.EMS_API_BASE,
  );
  const secrets = useRealUpstreams ? {} : devSecrets();
  const env = { ...process.env, ...bffSecrets(secrets) };

  if (!useRealUpstreams) {
    const sandbox = startChild('sandbox', path.join(ROOT, 'sandbox/dist/main.js'), {
      ...env,
      SANDBOX_PORT: sandboxPort,
      ...sandboxCredentials(secrets),
      SANDBOX_APPROVAL_WEBHOOK_URL: `http://127.0.0.1:${port}/api/v1/hooks/approval`,
    });
    children.push(sandbox);
    await readyUrl(sandbox, 'sandbox');
    // The demo: submitted cases move along by themselves (accepted, reviewed, approved, delivered), a step a minute.
    const demo = await fetch(`http://127.0.0.1:${sandboxPort}/sandbox/approval/demo`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: true, stepMs: 60_000 }),
    });
    if (!demo.ok) log(`  (approval demo mode not started: HTTP ${demo.status})`);
    // Complaints move through 答, 派, 办 by themselves too (then wait for the citizen's 评), a step a minute.
    const feedbackDemo = await fetch(`http://127.0.0.1:${sandboxPort}/sandbox/feedback/demo`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: true, stepMs: 60_000 }),
    });
    if (!feedbackDemo.ok) log(`  (feedback demo mode not started: HTTP ${feedbackDemo.status})`);
    env.WECHAT_API_BASE = `http://127.0.0.1:${sandboxPort}`;
    env.SMS_GATEWAY_URL = `http://127.0.0.1:${sandboxPort}`;
    env.CATALOG_API_BASE = `http://127.0.0.1:${sandboxPort}`;
    env.GOV_API_BASE = `http://127.0.0.1:${sandboxPort}`;
    env.CTID_API_BASE = `http://127.0.0.1:${sandboxPort}`;
    env.WXPAY_API_BASE = `http://127.0.0.1:${sandboxPort}`;
    env.NONTAX_API_BASE = `http://127.0.0.1:${sandboxPort}`;
    env.EMS_API_BASE = `http://127.0.0.1:${sandboxPort}`;
    env.PUBLIC_BASE_URL ??= `http://127.0.0.1:${port}`;
    const { SUBSCRIBE_TEMPLATES } = require(path.join(ROOT, 'sandbox/dist/index.js'));
    for (const template of SUBSCRIBE_TEMPLATES) env[`WECHAT_TEMPLATE_${template.key}`] = template.id;
  }

  const bff = startChild('BFF', path.join(ROOT, 'bff/dist/start.js'), {
    ...env,
    PORT: port,
    MONGODB_URI: mongo.uri,
    STATIC_DIR: H5_DIR,
    CORS_ORIGINS: process.env.CORS_ORIGINS ?? 'http://localhost:10086',
    // Prometheus /metrics on a free loopback port of its own (not the public one).
    METRICS_PORT: process.env.METRICS_PORT ?? '0',
  });
  children.push(bff);
  const { url, metricsUrl } = await readyMessage(bff, 'BFF');

  log('');
  log(`穗警通 is running: ${url}  (open it in a browser, 390x844 looks like a phone)`);
  log(`  API docs:        ${url}/docs`);
  if (metricsUrl) log(`  metrics:         ${metricsUrl}  (Prometheus, loopback only)`);
  if (!useRealUpstreams)
    log(`  sandbox systems: http://localhost:${sandboxPort}  (SMS codes: /sandbox/sms/outbox?phone=...)`);
  log(`  MongoDB:         ${mongo.description}`);
  log('Press Ctrl-C to stop.');
}

main().catch((error) => {
  process.stderr.write(`npm start failed: ${error.stack ?? error}\n`);
  stop(1);
});
