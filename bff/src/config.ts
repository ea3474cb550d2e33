import { z } from 'zod';
import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateIds } from './components/messages/subscribe-templates';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const secret = (name: string, minLength: number) =>
  z
    .string({ error: `${name} is required (no default for secrets)` })
    .min(minLength, `${name} must be at least ${minLength} characters`);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Prometheus /metrics on a port of its own (0: any free one); unset, no metrics at all. Never the public port. */
  METRICS_PORT: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(0).max(65535).optional(),
  ),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  CORS_ORIGINS: list.default([]),
  STATIC_DIR: z.string().optional(),
  /** Extra origins the served H5 build may call (the sandbox's face stand-in in the demo); none in production. */
  CSP_CONNECT_SOURCES: list.default([]),
  DOCS_ENABLED: bool.optional(),

  MONGODB_URI: z
    .string({ error: 'MONGODB_URI is required' })
    .regex(/^mongodb(\+srv)?:\/\//, 'MONGODB_URI must be a mongodb:// URI'),

  JWT_SECRET: secret('JWT_SECRET', 32),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  /** How long an instance trusts its cached view of a session; bounds how late a logout is seen elsewhere. */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(5000).default(3000),

  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.string({ error: 'WECHAT_APPID is required' }).min(1),
  WECHAT_SECRET: secret('WECHAT_SECRET', 16),
  /**
   * The subscribe message templates chosen in the mini-program admin (订阅消息), one per kind of event; a kind
   * without its template sends no WeChat message (the in-app message centre still gets it).
   */
  WECHAT_TEMPLATE_CASE_PROGRESS: z.string().min(1).optional(),
  WECHAT_TEMPLATE_MATERIALS_REQUIRED: z.string().min(1).optional(),
  WECHAT_TEMPLATE_CASE_RESULT: z.string().min(1).optional(),
  WECHAT_TEMPLATE_BOOKING_CONFIRMED: z.string().min(1).optional(),
  WECHAT_TEMPLATE_BOOKING_CANCELLED: z.string().min(1).optional(),

  SMS_GATEWAY_URL: z.url({ error: 'SMS_GATEWAY_URL is required' }),
  SMS_API_KEY: secret('SMS_API_KEY', 16),
  SMS_SIGN: z.string().default('穗警通'),

  CATALOG_API_BASE: z.url({ error: 'CATALOG_API_BASE is required' }),
  /** How often each instance asks the catalog system whether a new version was published. */
  CATALOG_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),

  /** The city's data-exchange platform: identity, e-licence, approval and traffic (车驾管) systems, and the app key it issued. */
  GOV_API_BASE: z.url({ error: 'GOV_API_BASE is required' }),
  GOV_APP_KEY: secret('GOV_APP_KEY', 16),
  /** The approval system signs its webhook calls with this (HMAC-SHA256). */
  APPROVAL_WEBHOOK_SECRET: secret('APPROVAL_WEBHOOK_SECRET', 32),
  /** The trusted identity platform (网证/CTID): 实人 by 网证 authorisation in the browser build, and the app it registered. */
  CTID_API_BASE: z.url({ error: 'CTID_API_BASE is required' }),
  CTID_APP_ID: z.string({ error: 'CTID_APP_ID is required' }).min(1),
  CTID_APP_SECRET: secret('CTID_APP_SECRET', 16),
  /** Seals personal data kept in MongoDB (verified names and ID numbers). */
  DATA_ENCRYPTION_KEY: secret('DATA_ENCRYPTION_KEY', 32),

  /**
   * WeChat Pay API v3, the police bureau's merchant: its 商户号, the API v3 key (32 bytes: decrypts notifications),
   * the merchant private key and its certificate serial (sign requests and the mini-program's paySign), and the
   * platform public key with its id (check answers and notifications). PEM values may carry \n for newlines.
   */
  WXPAY_API_BASE: z.url().default('https://api.mch.weixin.qq.com'),
  WXPAY_MCHID: z
    .string({ error: 'WXPAY_MCHID is required' })
    .regex(/^\d{8,12}$/, 'WXPAY_MCHID must be the 商户号 digits'),
  WXPAY_APIV3_KEY: secret('WXPAY_APIV3_KEY', 32).refine(
    (v) => Buffer.byteLength(v) === 32,
    'WXPAY_APIV3_KEY must be 32 bytes',
  ),
  WXPAY_MERCHANT_PRIVATE_KEY: z
    .string({ error: 'WXPAY_MERCHANT_PRIVATE_KEY is required' })
    .regex(/PRIVATE KEY/, 'WXPAY_MERCHANT_PRIVATE_KEY must be a PEM private key'),
  WXPAY_MERCHANT_SERIAL: z.string({ error: 'WXPAY_MERCHANT_SERIAL is required' }).min(8),
  WXPAY_PLATFORM_PUBLIC_KEY: z
    .string({ error: 'WXPAY_PLATFORM_PUBLIC_KEY is required' })
    .regex(/PUBLIC KEY/, 'WXPAY_PLATFORM_PUBLIC_KEY must be a PEM public key'),
  WXPAY_PLATFORM_PUBLIC_KEY_ID: z.string({ error: 'WXPAY_PLATFORM_PUBLIC_KEY_ID is required' }).min(8),
  /** The provincial non-tax revenue platform (非税收入): fines are paid through it by their 缴款码. */
  NONTAX_API_BASE: z.url({ error: 'NONTAX_API_BASE is required' }),
  NONTAX_APP_ID: z.string({ error: 'NONTAX_APP_ID is required' }).min(1),
  NONTAX_APP_SECRET: secret('NONTAX_APP_SECRET', 16),
  /** EMS: certificates are posted through it; its 电商标识 and the key of its data_digest. */
  EMS_API_BASE: z.url({ error: 'EMS_API_BASE is required' }),
  EMS_EC_COMPANY_ID: z.string({ error: 'EMS_EC_COMPANY_ID is required' }).min(1),
  EMS_SECRET: secret('EMS_SECRET', 16),
  /** Where the payment platforms reach this service (their notifications and callbacks), e.g. https://api.example.gov.cn. */
  PUBLIC_BASE_URL: z.url({ error: 'PUBLIC_BASE_URL is required (the payment platforms notify it)' }),
  /** The hour (Beijing, 0-23) each day's payments are reconciled against the trade bill and the non-tax statement. */
  RECONCILE_HOUR: z.coerce.number().int().min(0).max(23).default(10),

  /** 车驾管 answers per person: served without asking again for this long ... */
  TRAFFIC_FRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** ... and up to this age served at once while refreshed in the background. */
  TRAFFIC_REVALIDATE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),

  /**
   * How long an instance serves a hall's slots for a business and day from its cache. A booking or cancel on any
   * instance drops the entry on every instance within a second; this bounds what the hall system changes by itself.
   */
  SLOTS_CACHE_MS: z.coerce.number().int().min(0).max(5000).default(3000),

  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(30000).default(3000),
  /**
   * On SIGTERM, how long the instance keeps serving while /readyz answers 503 and every answer closes its
   * connection, so the load balancer moves new requests elsewhere before the port closes.
   */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  /** Where /metrics listens; undefined when METRICS_PORT is unset. */
  metrics: { host: string; port: number } | undefined;
  logLevel: Env['LOG_LEVEL'];
  trustProxy: boolean;
  corsOrigins: string[];
  staticDir: string | undefined;
  cspConnectSources: string[];
  docsEnabled: boolean;
  mongodbUri: string;
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    sessionCacheMs: number;
  };
  wechat: {
    baseUrl: string;
    appId: string;
    appSecret: string;
    timeoutMs: number;
    /** Subscribe message template ids by our key (CASE_PROGRESS ...). */
    templates: SubscribeTemplateIds;
  };
  sms: { baseUrl: string; apiKey: string; sign: string; timeoutMs: number };
  catalog: { baseUrl: string; timeoutMs: number; refreshMs: number };
  gov: { baseUrl: string; appKey: string; timeoutMs: number };
  ctid: { baseUrl: string; appId: string; appSecret: string; timeoutMs: number };
  traffic: { freshMs: number; revalidateMs: number };
  halls: { slotsCacheMs: number };
  wxpay: {
    baseUrl: string;
    mchId: string;
    appId: string;
    apiV3Key: string;
    merchantPrivateKey: string;
    merchantSerial: string;
    platformPublicKey: string;
    platformPublicKeyId: string;
    timeoutMs: number;
  };
  nontax: { baseUrl: string; appId: string; appSecret: string; timeoutMs: number };
  ems: { baseUrl: string; ecCompanyId: string; secret: string; timeoutMs: number };
  /** This service's public base URL (no trailing slash): payment notifications come to it. */
  publicBaseUrl: string;
  reconcileHour: number;
  approvalWebhookSecret: string;
  dataEncryptionKey: string;
  /** Serving on while /readyz answers 503 after SIGTERM (see SHUTDOWN_DRAIN_MS). */
  shutdownDrainMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A PEM key given on one line with \n escapes (as environment files carry it) or on several. */
function pem(value: string): string {
  return value.replace(/\\n/g, '\n');
}

/** Reads and validates the whole configuration once at start-up; fails fast naming every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    metrics: e.METRICS_PORT === undefined ? undefined : { host: e.METRICS_HOST, port: e.METRICS_PORT },
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS,
    staticDir: e.STATIC_DIR,
    cspConnectSources: e.CSP_CONNECT_SOURCES,
    docsEnabled: e.DOCS_ENABLED ?? e.NODE_ENV !== 'production',
    mongodbUri: e.MONGODB_URI,
    auth: {
      jwtSecret: e.JWT_SECRET,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      sessionCacheMs: e.SESSION_CACHE_MS,
    },
    wechat: {
      baseUrl: e.WECHAT_API_BASE,
      appId: e.WECHAT_APPID,
      appSecret: e.WECHAT_SECRET,
      timeoutMs: e.UPSTREAM_TIMEOUT_MS,
      templates: Object.fromEntries(
        SUBSCRIBE_TEMPLATE_KEYS.flatMap((key) => {
          const id = e[`WECHAT_TEMPLATE_${key}`];
          return id ? [[key, id]] : [];
        }),
      ),
    },
    sms: { baseUrl: e.SMS_GATEWAY_URL, apiKey: e.SMS_API_KEY, sign: e.SMS_SIGN, timeoutMs: e.UPSTREAM_TIMEOUT_MS },
    catalog: {
      baseUrl: e.CATALOG_API_BASE,
      timeoutMs: e.UPSTREAM_TIMEOUT_MS,
      refreshMs: e.CATALOG_REFRESH_SECONDS * 1000,
    },
    gov: { baseUrl: e.GOV_API_BASE, appKey: e.GOV_APP_KEY, timeoutMs: e.UPSTREAM_TIMEOUT_MS },
    ctid: {
      baseUrl: e.CTID_API_BASE,
      appId: e.CTID_APP_ID,
      appSecret: e.CTID_APP_SECRET,
      timeoutMs: e.UPSTREAM_TIMEOUT_MS,
    },
    traffic: {
      freshMs: e.TRAFFIC_FRESH_SECONDS * 1000,
      revalidateMs: Math.max(e.TRAFFIC_FRESH_SECONDS, e.TRAFFIC_REVALIDATE_SECONDS) * 1000,
    },
    halls: { slotsCacheMs: e.SLOTS_CACHE_MS },
    wxpay: {
      baseUrl: e.WXPAY_API_BASE,
      mchId: e.WXPAY_MCHID,
      appId: e.WECHAT_APPID,
      apiV3Key: e.WXPAY_APIV3_KEY,
      merchantPrivateKey: pem(e.WXPAY_MERCHANT_PRIVATE_KEY),
      merchantSerial: e.WXPAY_MERCHANT_SERIAL,
      platformPublicKey: pem(e.WXPAY_PLATFORM_PUBLIC_KEY),
      platformPublicKeyId: e.WXPAY_PLATFORM_PUBLIC_KEY_ID,
      timeoutMs: e.UPSTREAM_TIMEOUT_MS,
    },
    nontax: {
      baseUrl: e.NONTAX_API_BASE,
      appId: e.NONTAX_APP_ID,
      appSecret: e.NONTAX_APP_SECRET,
      timeoutMs: e.UPSTREAM_TIMEOUT_MS,
    },
    ems: {
      baseUrl: e.EMS_API_BASE,
      ecCompanyId: e.EMS_EC_COMPANY_ID,
      secret: e.EMS_SECRET,
      timeoutMs: e.UPSTREAM_TIMEOUT_MS,
    },
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    reconcileHour: e.RECONCILE_HOUR,
    dataEncryptionKey: e.DATA_ENCRYPTION_KEY,
    approvalWebhookSecret: e.APPROVAL_WEBHOOK_SECRET,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
  };
}
