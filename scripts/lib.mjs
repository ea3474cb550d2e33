// Small helpers shared by the start, build, test and bench scripts.
import { spawn } from 'node:child_process';
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
 * Resolves with the URL a Node child reports over IPC ({type: 'ready', url})
 * once it listens (the BFF, the sandbox, the bench baseline); rejects if it exits first.
 */
export function readyUrl(child, name) {
  return new Promise((resolve, reject) => {
    child.on('message', (message) => message?.type === 'ready' && resolve(message.url));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
  });
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
  };
}
