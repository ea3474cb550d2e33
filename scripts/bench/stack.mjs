// The product as the benchmark and the load test run it: the embedded MongoDB, the sandbox systems
// and BFF instances as child processes in production mode, with secrets made up for the run.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, log, must, readyUrl } from '../lib.mjs';

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

/**
 * Builds the server packages, starts MongoDB, the sandbox and one BFF; `startBff(env)` starts more
 * BFF instances on the same database and sandbox. `stop()` ends them all.
 */
export async function startStack({ database, bffEnv = {} }) {
  await must('npx', ['tsc', '-b', 'tsconfig.build.json']);
  const { startMongo } = require(path.join(ROOT, 'tools/embedded-mongo/dist/index.js'));
  const mongo = await startMongo({ log: (line) => log(line) });
  const children = [];
  const startChild = (script, env) => {
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(child);
    return readyUrl(child, path.basename(script));
  };
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
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
    };
    const sandboxUrl = await startChild(path.join(ROOT, 'sandbox/dist/main.js'), {
      SANDBOX_PORT: '0',
      SANDBOX_WECHAT_APPID: secrets.WECHAT_APPID,
      SANDBOX_WECHAT_SECRET: secrets.WECHAT_SECRET,
      SANDBOX_SMS_KEY: secrets.SMS_API_KEY,
      SANDBOX_GOV_APP_KEY: secrets.GOV_APP_KEY,
      SANDBOX_APPROVAL_WEBHOOK_SECRET: secrets.APPROVAL_WEBHOOK_SECRET,
      SANDBOX_CTID_APP_ID: secrets.CTID_APP_ID,
      SANDBOX_CTID_APP_SECRET: secrets.CTID_APP_SECRET,
    });
    const baseEnv = {
      ...secrets,
      NODE_ENV: 'production',
      PORT: '0',
      MONGODB_URI: `${mongo.uri.replace(/\/$/, '')}/${database}`,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      WECHAT_API_BASE: sandboxUrl,
      SMS_GATEWAY_URL: sandboxUrl,
      CATALOG_API_BASE: sandboxUrl,
      GOV_API_BASE: sandboxUrl,
      CTID_API_BASE: sandboxUrl,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
      ...bffEnv,
    };
    const startBff = (env = {}) => startChild(path.join(ROOT, 'bff/dist/start.js'), { ...baseEnv, ...env });
    const bffUrl = await startBff();
    return { mongo, sandboxUrl, bffUrl, secrets, startBff, startChild, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
