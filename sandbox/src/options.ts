/**
 * Options of a sandbox. The credentials are the ones the BFF must present;
 * they have no defaults on purpose, so a misconfigured BFF fails against
 * the sandbox the same way it would fail against the real systems.
 */
export interface SandboxOptions {
  wechat: { appId: string; appSecret: string };
  sms: { apiKey: string };
  /** The app key the city's data-exchange platform issued to the BFF (identity, e-licence, approval). */
  gov: { appKey: string };
  /** The approval system's webhook: the secret it signs with and, once known, where it pushes. */
  approval: { webhookSecret: string; webhookUrl?: string };
  /** The app the trusted identity platform (网证/CTID) registered for the BFF, and the secret it signs with. */
  ctid: { appId: string; appSecret: string };
  /**
   * WeChat Pay (API v3) for the merchant the BFF pays into: its 商户号, its API v3 key (32 characters, encrypts
   * notifications), the merchant's public key (checks the BFF's request signatures), and the platform's private key
   * with its id (signs answers and notifications; the BFF holds the matching public key).
   */
  wxpay: {
    mchId: string;
    apiV3Key: string;
    merchantPublicKey: string;
    platformPrivateKey: string;
    platformKeyId: string;
  };
  /** The provincial non-tax revenue platform (非税收入): the app it registered for the BFF and the secret both sign with. */
  nontax: { appId: string; appSecret: string };
  /** EMS (中国邮政速递物流): the 电商标识 it issued and the key of its data_digest signatures. */
  ems: { ecCompanyId: string; secret: string };
  /** The traffic system (车驾管): its base answer time (default 300 ms, 0 to 5000; each answer varies ±30%). */
  traffic?: { latencyMs?: number };
  /** Seed of the deterministic seed data and fault sequences. */
  seed?: number;
  /** Receives one line per request and per notable event; silent when absent. */
  log?: (line: string) => void;
}

export interface ResolvedOptions {
  wechat: { appId: string; appSecret: string };
  sms: { apiKey: string };
  gov: { appKey: string };
  approval: { webhookSecret: string; webhookUrl: string | undefined };
  ctid: { appId: string; appSecret: string };
  wxpay: {
    mchId: string;
    apiV3Key: string;
    merchantPublicKey: string;
    platformPrivateKey: string;
    platformKeyId: string;
  };
  nontax: { appId: string; appSecret: string };
  ems: { ecCompanyId: string; secret: string };
  traffic: { latencyMs: number };
  seed: number;
  log: (line: string) => void;
}

export const DEFAULT_SEED = 20240601;

/** The traffic system answers slowly, like the real 车驾管 back end behind its gateway. */
export const DEFAULT_TRAFFIC_LATENCY_MS = 300;
export const MAX_TRAFFIC_LATENCY_MS = 5000;

/** Whether a base latency is acceptable (integer milliseconds, 0 to MAX_TRAFFIC_LATENCY_MS). */
export function isTrafficLatency(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TRAFFIC_LATENCY_MS;
}

/** Validates the options once, so a missing secret fails at start-up and not on the first request. */
export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const missing: string[] = [];
  if (!options.wechat?.appId) missing.push('wechat.appId');
  if (!options.wechat?.appSecret) missing.push('wechat.appSecret');
  if (!options.sms?.apiKey) missing.push('sms.apiKey');
  if (!options.gov?.appKey) missing.push('gov.appKey');
  if (!options.approval?.webhookSecret) missing.push('approval.webhookSecret');
  if (!options.ctid?.appId) missing.push('ctid.appId');
  if (!options.ctid?.appSecret) missing.push('ctid.appSecret');
  for (const key of ['mchId', 'apiV3Key', 'merchantPublicKey', 'platformPrivateKey', 'platformKeyId'] as const) {
    if (!options.wxpay?.[key]) missing.push(`wxpay.${key}`);
  }
  if (options.wxpay?.apiV3Key && Buffer.byteLength(options.wxpay.apiV3Key) !== 32)
    missing.push('wxpay.apiV3Key (32 bytes)');
  if (!options.nontax?.appId) missing.push('nontax.appId');
  if (!options.nontax?.appSecret) missing.push('nontax.appSecret');
  if (!options.ems?.ecCompanyId) missing.push('ems.ecCompanyId');
  if (!options.ems?.secret) missing.push('ems.secret');
  if (missing.length > 0) throw new Error(`sandbox: missing required option(s): ${missing.join(', ')}`);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new Error('sandbox: seed must be an integer');
  const latencyMs = options.traffic?.latencyMs ?? DEFAULT_TRAFFIC_LATENCY_MS;
  if (!isTrafficLatency(latencyMs)) {
    throw new Error(`sandbox: traffic.latencyMs must be an integer from 0 to ${MAX_TRAFFIC_LATENCY_MS}`);
  }
  return {
    wechat: { appId: options.wechat.appId, appSecret: options.wechat.appSecret },
    sms: { apiKey: options.sms.apiKey },
    gov: { appKey: options.gov.appKey },
    approval: { webhookSecret: options.approval.webhookSecret, webhookUrl: options.approval.webhookUrl },
    ctid: { appId: options.ctid.appId, appSecret: options.ctid.appSecret },
    wxpay: { ...options.wxpay },
    nontax: { appId: options.nontax.appId, appSecret: options.nontax.appSecret },
    ems: { ecCompanyId: options.ems.ecCompanyId, secret: options.ems.secret },
    traffic: { latencyMs },
    seed,
    log: options.log ?? (() => undefined),
  };
}
