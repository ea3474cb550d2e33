import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import {
  connectDatabase,
  createApp,
  createLogger,
  databaseModels,
  ensureIndexes,
  loadConfig,
  SmsClient,
  CatalogClient,
  IdentityClient,
  ApprovalClient,
  CtidClient,
  EmsClient,
  NontaxClient,
  WxpayClient,
  TrafficClient,
  HallClient,
  FeedbackClient,
  type Clock,
  type Logger,
  WechatClient,
  type Config,
} from '@suijing/bff';
import { startSandbox, SUBSCRIBE_TEMPLATES, type RunningSandbox } from '@suijing/sandbox';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { TestClock } from './clock';
import { leaksIn } from './log-audit';
import { SandboxControl } from './sandbox-control';
import { auditResponses, personalNumbersIn } from './response-audit';

export interface TestStack {
  /** supertest against the app's callback: no port for the BFF itself. */
  api: () => ReturnType<typeof request>;
  app: ReturnType<typeof createApp>;
  config: Config;
  /** The environment the config was loaded from: for a BFF command run as a child process against this stack. */
  env: NodeJS.ProcessEnv;
  connection: Connection;
  sandbox: SandboxControl;
  clock: TestClock;
  /** Moves time for the BFF and the sandbox alike, as if the world had waited. */
  advanceTime(ms: number): Promise<void>;
  /** Another BFF instance on the same MongoDB and sandbox, with caches of its own (its app, to start its jobs). */
  anotherInstance(): Promise<{
    api: () => ReturnType<typeof request>;
    app: ReturnType<typeof createApp>;
    close(): Promise<void>;
  }>;
  /** Also serves the app on a local port (for the sandbox's webhook pushes); the base URL. */
  listen(): Promise<string>;
  /** Every log line the BFF wrote, for redaction checks. */
  logs: string[];
  close(): Promise<void>;
}

/** The sandbox's 办件进度通知 template id, configured as an operator would. */
export const CASE_PROGRESS_TEMPLATE = SUBSCRIBE_TEMPLATES.find((t) => t.key === 'CASE_PROGRESS')?.id ?? '';

/** Every subscribe template the sandbox defines, as WECHAT_TEMPLATE_<KEY> (an operator configures each). */
const TEMPLATE_ENV: Record<string, string> = Object.fromEntries(
  SUBSCRIBE_TEMPLATES.map((template) => [`WECHAT_TEMPLATE_${template.key}`, template.id]),
);

function mongoUri(database: string): string {
  const base = process.env['TEST_MONGODB_URI'];
  if (!base) throw new Error('TEST_MONGODB_URI is not set: run the tests through jest (global setup) or npm test');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Configuration the way an operator would give it, through the environment. */
export function testEnv(
  sandboxUrl: string,
  database: string,
  overrides: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    MONGODB_URI: mongoUri(database),
    JWT_SECRET: randomBytes(32).toString('base64url'),
    WECHAT_API_BASE: sandboxUrl,
    WECHAT_APPID: 'wxtest0000000001',
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    ...TEMPLATE_ENV,
    SMS_GATEWAY_URL: sandboxUrl,
    CATALOG_API_BASE: sandboxUrl,
    SMS_API_KEY: randomBytes(16).toString('hex'),
    GOV_APP_KEY: randomBytes(16).toString('hex'),
    GOV_API_BASE: sandboxUrl,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    APPROVAL_WEBHOOK_SECRET: randomBytes(32).toString('base64url'),
    CTID_API_BASE: sandboxUrl,
    CTID_APP_ID: 'ctid-test-app',
    CTID_APP_SECRET: randomBytes(24).toString('base64url'),
    ...paymentEnv(sandboxUrl),
    UPSTREAM_TIMEOUT_MS: '1500',
    // Tests speak for many client addresses through X-Forwarded-For, as a load balancer would.
    TRUST_PROXY: 'true',
    ...overrides,
  };
}

function rsaPair(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** The WeChat Pay platform's key pair: the sandbox signs with the private key, the BFF is given the public one. */
let platformKeys: { publicKey: string; privateKey: string } | undefined;
function wxpayPlatformKeys(): { publicKey: string; privateKey: string } {
  platformKeys ??= rsaPair();
  return platformKeys;
}
let merchantKeys: { publicKey: string; privateKey: string } | undefined;

/** The payment platforms' settings of a test BFF (merchant key, API v3 key, non-tax and EMS credentials). */
function paymentEnv(sandboxUrl: string): Record<string, string> {
  merchantKeys ??= rsaPair();
  return {
    WXPAY_API_BASE: sandboxUrl,
    WXPAY_MCHID: '1900000109',
    WXPAY_APIV3_KEY: randomBytes(16).toString('hex'),
    WXPAY_MERCHANT_PRIVATE_KEY: merchantKeys.privateKey,
    WXPAY_MERCHANT_SERIAL: randomBytes(20).toString('hex').toUpperCase(),
    WXPAY_PLATFORM_PUBLIC_KEY: wxpayPlatformKeys().publicKey,
    WXPAY_PLATFORM_PUBLIC_KEY_ID: `PUB_KEY_ID_${randomBytes(12).toString('hex')}`,
    NONTAX_API_BASE: sandboxUrl,
    NONTAX_APP_ID: 'nontax-test-app',
    NONTAX_APP_SECRET: randomBytes(24).toString('base64url'),
    EMS_API_BASE: sandboxUrl,
    EMS_EC_COMPANY_ID: 'EC_TEST_0001',
    EMS_SECRET: randomBytes(24).toString('base64url'),
    PUBLIC_BASE_URL: 'http://127.0.0.1:1',
  };
}

/** The sandbox options that accept the credentials a BFF was given in env (payments included). */
export function sandboxPaymentOptions(env: NodeJS.ProcessEnv) {
  const read = (name: string): string => env[name] ?? '';
  return {
    wxpay: {
      mchId: read('WXPAY_MCHID'),
      apiV3Key: read('WXPAY_APIV3_KEY'),
      merchantPublicKey: createPublicKey(read('WXPAY_MERCHANT_PRIVATE_KEY'))
        .export({ type: 'spki', format: 'pem' })
        .toString(),
      platformPrivateKey: wxpayPlatformKeys().privateKey,
      platformKeyId: read('WXPAY_PLATFORM_PUBLIC_KEY_ID'),
    },
    nontax: { appId: read('NONTAX_APP_ID'), appSecret: read('NONTAX_APP_SECRET') },
    ems: { ecCompanyId: read('EMS_EC_COMPANY_ID'), secret: read('EMS_SECRET') },
  };
}

/**
 * A sandbox of its own on a free port, expecting the credentials in env, and
 * the configuration that points the BFF at it.
 */
export async function startSandboxFor(
  database: string,
  overrides: Record<string, string> = {},
): Promise<{ sandbox: RunningSandbox; config: Config; env: NodeJS.ProcessEnv }> {
  const env = testEnv('http://127.0.0.1:1', database, overrides);
  const sandbox = await startSandbox({
    port: 0,
    wechat: { appId: env['WECHAT_APPID'] as string, appSecret: env['WECHAT_SECRET'] as string },
    sms: { apiKey: env['SMS_API_KEY'] as string },
    gov: { appKey: env['GOV_APP_KEY'] as string },
    approval: { webhookSecret: env['APPROVAL_WEBHOOK_SECRET'] as string },
    ctid: { appId: env['CTID_APP_ID'] as string, appSecret: env['CTID_APP_SECRET'] as string },
    ...sandboxPaymentOptions(env),
  });
  const bffEnv: NodeJS.ProcessEnv = {
    ...env,
    WECHAT_API_BASE: sandbox.url,
    SMS_GATEWAY_URL: sandbox.url,
    CATALOG_API_BASE: sandbox.url,
    GOV_API_BASE: sandbox.url,
    CTID_API_BASE: sandbox.url,
    WXPAY_API_BASE: sandbox.url,
    NONTAX_API_BASE: sandbox.url,
    EMS_API_BASE: sandbox.url,
    ...overrides,
  };
  return { sandbox, config: loadConfig(bffEnv), env: bffEnv };
}

/** One client per back-end system, as startBff builds them (on the clock the app reads). */
export function upstreamClients(config: Config, logger: Logger, clock: Clock) {
  const clients = {
    wechat: new WechatClient(config.wechat, logger, clock),
    sms: new SmsClient(config.sms, logger),
    catalog: new CatalogClient(config.catalog, logger),
    identity: new IdentityClient(config.gov, logger),
    approval: new ApprovalClient(config.gov, logger),
    traffic: new TrafficClient(config.gov, logger),
    hall: new HallClient(config.gov, logger),
    feedback: new FeedbackClient(config.gov, logger),
    ctid: new CtidClient(config.ctid, logger, clock),
    ems: new EmsClient(config.ems, logger),
    wxpay: new WxpayClient(config.wxpay, logger, clock),
    nontax: new NontaxClient(config.nontax, logger, clock),
  };
  return {
    ...clients,
    close: async () => {
      await Promise.all(Object.values(clients).map((client) => client.close()));
    },
  };
}

/** A log destination that keeps every line, for the log audits. */
export function collectingStream(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
}

/**
 * The BFF wired exactly as in production, against the embedded MongoDB (a
 * database of its own) and a sandbox of its own over real HTTP.
 */
export async function startTestStack(overrides: Record<string, string> = {}): Promise<TestStack> {
  // The app listens on a local port from the start: the payment platforms notify it at PUBLIC_BASE_URL.
  const serving: { handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server: Server = createServer((req, res) => serving.handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const ownUrl = `http://127.0.0.1:${address.port}`;
  const { sandbox, config, env } = await startSandboxFor(`suijing_test_${randomBytes(6).toString('hex')}`, {
    PUBLIC_BASE_URL: ownUrl,
    ...overrides,
  });
  const logs: string[] = [];
  const sink = collectingStream(logs);
  const logger = createLogger({ level: config.logLevel, destination: sink });
  const connection = await connectDatabase(config.mongodbUri, logger);
  await ensureIndexes(Object.values(databaseModels(connection)), logger);
  const clock = new TestClock();
  const upstreams = upstreamClients(config, logger, clock);
  const app = createApp({ config, logger, connection, ...upstreams, clock });
  // The response audit: every API answer is kept and scanned for full ID numbers and phones at close.
  const answers: string[] = [];
  const callback = auditResponses(app.callback(), answers);
  serving.handler = callback;
  const control = new SandboxControl(sandbox.url);

  return {
    api: () => request(callback),
    app,
    config,
    env,
    connection,
    sandbox: control,
    clock,
    logs,
    async advanceTime(ms: number) {
      clock.advance(ms);
      await control.advanceClock(ms);
    },
    async listen() {
      return ownUrl;
    },
    async anotherInstance() {
      const otherConnection = await connectDatabase(config.mongodbUri, logger);
      const otherUpstreams = upstreamClients(config, logger, clock);
      const other = createApp({ config, logger, connection: otherConnection, ...otherUpstreams, clock });
      const otherCallback = auditResponses(other.callback(), answers);
      return {
        api: () => request(otherCallback),
        app: other,
        async close() {
          other.stopJobs();
          await otherUpstreams.close();
          await otherConnection.close();
        },
      };
    },
    async close() {
      // The log audit: whatever the suite did, no full ID number, phone or token was written.
      const leaks = leaksIn(logs);
      const shown = personalNumbersIn(answers);
      app.stopJobs();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await upstreams.close();
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
      await sandbox.close();
      if (leaks.length > 0)
        throw new Error(`personal data or tokens in the BFF's logs:\n${leaks.slice(0, 10).join('\n')}`);
      if (shown.length > 0)
        throw new Error(`full ID numbers or phones in the BFF's answers:\n${shown.slice(0, 10).join('\n')}`);
    },
  };
}
