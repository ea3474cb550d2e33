#!/usr/bin/env node
/**
 * CLI: starts the sandbox from environment variables.
 *   SANDBOX_PORT (default 8090), SANDBOX_WECHAT_APPID, SANDBOX_WECHAT_SECRET,
 *   SANDBOX_SMS_KEY, SANDBOX_GOV_APP_KEY, SANDBOX_APPROVAL_WEBHOOK_SECRET, SANDBOX_CTID_APP_ID,
 *   SANDBOX_CTID_APP_SECRET, SANDBOX_WXPAY_MCHID, SANDBOX_WXPAY_APIV3_KEY, SANDBOX_WXPAY_MERCHANT_PUBLIC_KEY,
 *   SANDBOX_WXPAY_PLATFORM_PRIVATE_KEY, SANDBOX_WXPAY_PLATFORM_KEY_ID (PEM keys may carry \n for newlines),
 *   SANDBOX_NONTAX_APP_ID, SANDBOX_NONTAX_APP_SECRET, SANDBOX_EMS_EC_COMPANY_ID, SANDBOX_EMS_SECRET (required: the
 *   credentials the BFF must present or check), SANDBOX_APPROVAL_WEBHOOK_URL (optional),
 *   SANDBOX_HOST (default 127.0.0.1), SANDBOX_SEED (optional integer),
 *   SANDBOX_TRAFFIC_LATENCY_MS (optional, 0-5000, default 300: the traffic system's base answer time).
 */
import { MAX_TRAFFIC_LATENCY_MS } from './options';
import { startSandbox } from './server';

const REQUIRED = [
  'SANDBOX_WECHAT_APPID',
  'SANDBOX_WECHAT_SECRET',
  'SANDBOX_SMS_KEY',
  'SANDBOX_GOV_APP_KEY',
  'SANDBOX_APPROVAL_WEBHOOK_SECRET',
  'SANDBOX_CTID_APP_ID',
  'SANDBOX_CTID_APP_SECRET',
  'SANDBOX_WXPAY_MCHID',
  'SANDBOX_WXPAY_APIV3_KEY',
  'SANDBOX_WXPAY_MERCHANT_PUBLIC_KEY',
  'SANDBOX_WXPAY_PLATFORM_PRIVATE_KEY',
  'SANDBOX_WXPAY_PLATFORM_KEY_ID',
  'SANDBOX_NONTAX_APP_ID',
  'SANDBOX_NONTAX_APP_SECRET',
  'SANDBOX_EMS_EC_COMPANY_ID',
  'SANDBOX_EMS_SECRET',
] as const;

/** All required variables, or exit naming every missing one at once (not one per attempt). */
function requiredEnv(): Record<(typeof REQUIRED)[number], string> {
  const missing = REQUIRED.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    process.stderr.write(
      `sandbox: ${missing.join(', ')} not set; these are the credentials the BFF must present (no defaults, on purpose)\n`,
    );
    process.exit(1);
  }
  const value = (name: (typeof REQUIRED)[number]): string => process.env[name] ?? '';
  return Object.fromEntries(REQUIRED.map((name) => [name, value(name)])) as Record<(typeof REQUIRED)[number], string>;
}

/** A PEM key from one environment line (\n escapes) or several. */
function pem(value: string): string {
  return value.replace(/\\n/g, '\n');
}

function integer(name: string, min: number, max: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    process.stderr.write(`sandbox: ${name} must be an integer from ${min} to ${max}, got "${raw}"\n`);
    process.exit(1);
  }
  return value;
}

async function main(): Promise<void> {
  const env = requiredEnv();
  const sandbox = await startSandbox({
    port: integer('SANDBOX_PORT', 0, 65535) ?? 8090,
    host: process.env.SANDBOX_HOST || '127.0.0.1',
    seed: integer('SANDBOX_SEED', 0, 2 ** 32 - 1),
    traffic: { latencyMs: integer('SANDBOX_TRAFFIC_LATENCY_MS', 0, MAX_TRAFFIC_LATENCY_MS) },
    wechat: { appId: env.SANDBOX_WECHAT_APPID, appSecret: env.SANDBOX_WECHAT_SECRET },
    sms: { apiKey: env.SANDBOX_SMS_KEY },
    gov: { appKey: env.SANDBOX_GOV_APP_KEY },
    approval: {
      webhookSecret: env.SANDBOX_APPROVAL_WEBHOOK_SECRET,
      ...(process.env.SANDBOX_APPROVAL_WEBHOOK_URL ? { webhookUrl: process.env.SANDBOX_APPROVAL_WEBHOOK_URL } : {}),
    },
    ctid: { appId: env.SANDBOX_CTID_APP_ID, appSecret: env.SANDBOX_CTID_APP_SECRET },
    wxpay: {
      mchId: env.SANDBOX_WXPAY_MCHID,
      apiV3Key: env.SANDBOX_WXPAY_APIV3_KEY,
      merchantPublicKey: pem(env.SANDBOX_WXPAY_MERCHANT_PUBLIC_KEY),
      platformPrivateKey: pem(env.SANDBOX_WXPAY_PLATFORM_PRIVATE_KEY),
      platformKeyId: env.SANDBOX_WXPAY_PLATFORM_KEY_ID,
    },
    nontax: { appId: env.SANDBOX_NONTAX_APP_ID, appSecret: env.SANDBOX_NONTAX_APP_SECRET },
    ems: { ecCompanyId: env.SANDBOX_EMS_EC_COMPANY_ID, secret: env.SANDBOX_EMS_SECRET },
    log: (line) => process.stdout.write(`[sandbox] ${line}\n`),
  });
  process.stdout.write(`sandbox listening on ${sandbox.url}\n`);
  // Tells a parent that started us (npm start, the benchmark) that we are up, and where.
  process.send?.({ type: 'ready', url: sandbox.url });

  const stop = (signal: string): void => {
    process.stdout.write(`sandbox: ${signal}, stopping\n`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sandbox: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
