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
  seed: number;
  log: (line: string) => void;
}

export const DEFAULT_SEED = 20240601;

/** Validates the options once, so a missing secret fails at start-up and not on the first request. */
export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const missing: string[] = [];
  if (!options.wechat?.appId) missing.push('wechat.appId');
  if (!options.wechat?.appSecret) missing.push('wechat.appSecret');
  if (!options.sms?.apiKey) missing.push('sms.apiKey');
  if (!options.gov?.appKey) missing.push('gov.appKey');
  if (!options.approval?.webhookSecret) missing.push('approval.webhookSecret');
  if (missing.length > 0) throw new Error(`sandbox: missing required option(s): ${missing.join(', ')}`);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new Error('sandbox: seed must be an integer');
  return {
    wechat: { appId: options.wechat.appId, appSecret: options.wechat.appSecret },
    sms: { apiKey: options.sms.apiKey },
    gov: { appKey: options.gov.appKey },
    approval: { webhookSecret: options.approval.webhookSecret, webhookUrl: options.approval.webhookUrl },
    seed,
    log: options.log ?? (() => undefined),
  };
}
