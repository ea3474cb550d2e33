// Small helpers shared by the start, build, test and bench scripts.
import { execFileSync, spawn } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs a command and fails loudly when it fails. */
export async function must(command, args, options = {}) {
  const code = await run(command, args, options);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

export function log(line) {
  process.stdout.write(`${line}\n`);
}

/**
 * Resolves with the message a Node child sends over IPC once it listens ({type: 'ready', url}, the BFF
 * also `metricsUrl` when METRICS_PORT is set); rejects if it exits first.
 */
export function readyMessage(child, name) {
  return new Promise((resolve, reject) => {
    child.on('message', (message) => message?.type === 'ready' && resolve(message));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
  });
}

/** The URL a Node child reports once it listens (the BFF, the sandbox, the bench baseline). */
export async function readyUrl(child, name) {
  return (await readyMessage(child, name)).url;
}

/** The sandbox settings that make it accept the credentials the BFF is given (npm start, bench, fuzz). */
export function sandboxCredentials(secrets) {
  return {
    SANDBOX_WECHAT_APPID: secrets.WECHAT_APPID,
    SANDBOX_WECHAT_SECRET: secrets.WECHAT_SECRET,
    SANDBOX_SMS_KEY: secrets.SMS_API_KEY,
    SANDBOX_GOV_APP_KEY: secrets.GOV_APP_KEY,
    SANDBOX_APPROVAL_WEBHOOK_SECRET: secrets.APPROVAL_WEBHOOK_SECRET,
    SANDBOX_CTID_APP_ID: secrets.CTID_APP_ID,
    SANDBOX_CTID_APP_SECRET: secrets.CTID_APP_SECRET,
    SANDBOX_WXPAY_MCHID: secrets.WXPAY_MCHID,
    SANDBOX_WXPAY_APIV3_KEY: secrets.WXPAY_APIV3_KEY,
    SANDBOX_WXPAY_MERCHANT_PUBLIC_KEY: createPublicKey(secrets.WXPAY_MERCHANT_PRIVATE_KEY)
      .export({ type: 'spki', format: 'pem' })
      .toString(),
    SANDBOX_WXPAY_PLATFORM_PRIVATE_KEY: secrets.SANDBOX_ONLY_WXPAY_PLATFORM_PRIVATE_KEY,
    SANDBOX_WXPAY_PLATFORM_KEY_ID: secrets.WXPAY_PLATFORM_PUBLIC_KEY_ID,
    SANDBOX_NONTAX_APP_ID: secrets.NONTAX_APP_ID,
    SANDBOX_NONTAX_APP_SECRET: secrets.NONTAX_APP_SECRET,
    SANDBOX_EMS_EC_COMPANY_ID: secrets.EMS_EC_COMPANY_ID,
    SANDBOX_EMS_SECRET: secrets.EMS_SECRET,
  };
}

/**
 * The payment platforms' credentials for a sandbox run: the merchant's key pair (the BFF signs), the platform's
 * (the sandbox signs; its private key is SANDBOX_ONLY_ and never given to the BFF), the API v3 key, the non-tax
 * platform's and EMS's secrets.
 */
export function paymentSecrets() {
  const pair = () =>
    generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
  const merchant = pair();
  const platform = pair();
  return {
    WXPAY_MCHID: '1900000109',
    WXPAY_APIV3_KEY: randomBytes(16).toString('hex'),
    WXPAY_MERCHANT_PRIVATE_KEY: merchant.privateKey,
    WXPAY_MERCHANT_SERIAL: randomBytes(20).toString('hex').toUpperCase(),
    WXPAY_PLATFORM_PUBLIC_KEY: platform.publicKey,
    WXPAY_PLATFORM_PUBLIC_KEY_ID: `PUB_KEY_ID_${randomBytes(12).toString('hex')}`,
    SANDBOX_ONLY_WXPAY_PLATFORM_PRIVATE_KEY: platform.privateKey,
    NONTAX_APP_ID: 'nontax-sandbox-app',
    NONTAX_APP_SECRET: randomBytes(24).toString('base64url'),
    EMS_EC_COMPANY_ID: 'EC_SANDBOX_0001',
    EMS_SECRET: randomBytes(24).toString('base64url'),
  };
}

/** The secrets the BFF is given: everything but what only the sandbox (the platforms) may hold. */
export function bffSecrets(secrets) {
  return Object.fromEntries(Object.entries(secrets).filter(([name]) => !name.startsWith('SANDBOX_ONLY_')));
}

/** A free TCP port on the loopback (for a process whose URL must be known before it starts). */
export async function freePort() {
  const [port] = await freePorts(1);
  return port;
}

/**
 * `count` different free ports on the loopback: all held open until every one is known, since a
 * port asked for and released at once may be handed out again by the next ask.
 */
export async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const server = createServer();
      servers.push(server);
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((server) => server.address().port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(() => resolve()))));
  }
}

/**
 * Debian packages a script needs (Chromium for the end-to-end tests, nginx for the load-balanced run):
 * installed with apt-get when running as root, otherwise an error naming the one command to run.
 * @param {string[]} missing the packages not found
 * @param {string} purpose what they are for ("the end-to-end tests")
 * @param {string} [alternative] another way out, added to the error (e.g. an environment variable)
 */
export function installDebianPackages(missing, purpose, alternative = '') {
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `${purpose[0].toUpperCase()}${purpose.slice(1)} need ${missing.join(' and ')}. Install with:\n  sudo apt-get install -y ${missing.join(' ')}${alternative ? `\n${alternative}` : ''}`,
    );
  }
  log(`Installing Debian's ${missing.join(' and ')} for ${purpose} (apt-get, about a minute)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}
