// The product as the benchmark and the load test run it: the embedded MongoDB, the sandbox systems
// and BFF instances as child processes in production mode, with secrets made up for the run.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, bffSecrets, freePort, log, must, paymentSecrets, readyUrl, sandboxCredentials } from '../lib.mjs';

const require = createRequire(import.meta.url);

export async function json(response) {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

export const postJson = (url, body, headers = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Logs a new citizen in by SMS (the code read from the sandbox's outbox); the Authorization header. */
export async function smsLogin(bffUrl, sandboxUrl, phone = `137${String(Date.now()).slice(-8)}`) {
  await json(await postJson(`${bffUrl}/api/v1/auth/sms/send`, { phone }));
  const outbox = await json(await fetch(`${sandboxUrl}/sandbox/sms/outbox?phone=${phone}`));
  const tokens = await json(
    await postJson(`${bffUrl}/api/v1/auth/sms/login`, { phone, code: outbox.items[0].params.code }),
  );
  return { authorization: `Bearer ${tokens.accessToken}` };
}

/**
 * Builds the server packages, starts MongoDB, the sandbox and one BFF; `startBff(env)` starts more
 * BFF instances on the same database and sandbox. `stop()` ends them all.
 * @param {object} options
 * @param {string} options.database the database name on the MongoDB
 * @param {object} [options.bffEnv] settings for every BFF instance
 * @param {import('node:stream').Writable} [options.bffOutput] where the first BFF's log goes (default: nowhere)
 * @param {boolean} [options.throwawayMongo] never an operator's MONGODB_URI: a database thrown away at stop
 */
export async function startStack({ database, bffEnv = {}, bffOutput, throwawayMongo = false }) {
  await must('npx', ['tsc', '-b', 'tsconfig.build.json']);
  const { startMongo } = require(path.join(ROOT, 'tools/embedded-mongo/dist/index.js'));
  const env = { ...process.env };
  if (throwawayMongo) delete env.MONGODB_URI;
  const mongo = await startMongo({ env, log: (line) => log(line) });
  const children = [];
  const spawnChild = (script, childEnv, output) => {
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { ...env, ...childEnv },
      stdio: ['ignore', output ? 'pipe' : 'ignore', 'inherit', 'ipc'],
    });
    if (output) child.stdout.pipe(output, { end: false });
    children.push(child);
    return child;
  };
  const startChild = (script, childEnv, output) =>
    readyUrl(spawnChild(script, childEnv, output), path.basename(script));
  const stop = async () => {
    // All at once: each BFF drains (SHUTDOWN_DRAIN_MS) before it closes.
    const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
    await Promise.all(
      running.map((child) => {
        // 'close': after its output is drained, not just after it exited.
        const closed = new Promise((resolve) => child.once('close', resolve));
        child.kill('SIGTERM');
        return closed;
      }),
    );
    await mongo.stop();
  };
  try {
    const secrets = {
      WECHAT_APPID: 'wxbench000000001',
      WECHAT_SECRET: randomBytes(16).toString('hex'),
      SMS_API_KEY: randomBytes(16).toString('hex'),
      GOV_APP_KEY: randomBytes(16).toString('hex'),
      APPROVAL_WEBHOOK_SECRET: randomBytes(32).toString('base64url'),
      CTID_APP_ID: 'ctid-bench-app-0001',
      CTID_APP_SECRET: randomBytes(24).toString('base64url'),
      ...paymentSecrets(),
    };
    // The payment platforms notify the BFF, so its address is known before it starts.
    const bffPort = String(await freePort());
    const sandboxUrl = await startChild(path.join(ROOT, 'sandbox/dist/main.js'), {
      SANDBOX_PORT: '0',
      ...sandboxCredentials(secrets),
    });
    const baseEnv = {
      ...bffSecrets(secrets),
      NODE_ENV: 'production',
      PORT: bffPort,
      PUBLIC_BASE_URL: `http://127.0.0.1:${bffPort}`,
      MONGODB_URI: `${mongo.uri.replace(/\/$/, '')}/${database}`,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      WECHAT_API_BASE: sandboxUrl,
      SMS_GATEWAY_URL: sandboxUrl,
      CATALOG_API_BASE: sandboxUrl,
      GOV_API_BASE: sandboxUrl,
      CTID_API_BASE: sandboxUrl,
      WXPAY_API_BASE: sandboxUrl,
      NONTAX_API_BASE: sandboxUrl,
      EMS_API_BASE: sandboxUrl,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
      ...bffEnv,
    };
    /** A BFF instance (more env on top of every instance's); its process and URL once it listens. */
    const spawnBff = async (env = {}, output = undefined) => {
      const child = spawnChild(path.join(ROOT, 'bff/dist/start.js'), { ...baseEnv, ...env }, output);
      return { child, url: await readyUrl(child, 'start.js') };
    };
    const startBff = async (env = {}, output = undefined) => (await spawnBff(env, output)).url;
    const first = await spawnBff({}, bffOutput);
    return {
      mongo,
      sandboxUrl,
      bffUrl: first.url,
      bffChild: first.child,
      secrets,
      bffEnv: baseEnv,
      startBff,
      spawnBff,
      startChild,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
