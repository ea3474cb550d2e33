/**
 * Test helpers (not part of the build: see tsconfig exclude). Every test
 * builds its own sandbox so tests never share state.
 */
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createSandbox } from '../app';
import type { SandboxOptions } from '../options';

export const TEST_WECHAT = { appId: 'wx5f1e2d3c4b5a6978', appSecret: 'test-wechat-secret' } as const;
export const TEST_SMS_KEY = 'test-sms-key';
export const TEST_GOV_APP_KEY = 'test-gov-app-key';
export const TEST_WEBHOOK_SECRET = 'test-approval-webhook-secret';
export const TEST_CTID = { appId: 'ctid-test-app-0001', appSecret: 'test-ctid-app-secret' } as const;

function rsaPair(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** The merchant's key pair (the BFF signs with the private key) and the platform's (the sandbox signs). */
export const TEST_WXPAY_MERCHANT_KEYS = rsaPair();
export const TEST_WXPAY_PLATFORM_KEYS = rsaPair();
export const TEST_WXPAY = {
  mchId: '1900000109',
  apiV3Key: 'test-wxpay-apiv3-key-32-bytes-00',
  merchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  merchantPublicKey: TEST_WXPAY_MERCHANT_KEYS.publicKey,
  platformPrivateKey: TEST_WXPAY_PLATFORM_KEYS.privateKey,
  platformKeyId: 'PUB_KEY_ID_0119000001092026120600000000',
} as const;
export const TEST_NONTAX = { appId: 'nontax-test-app', appSecret: 'test-nontax-app-secret' } as const;
export const TEST_EMS = { ecCompanyId: 'TEST_EC_0001', secret: 'test-ems-digest-secret' } as const;

export function testOptions(overrides: Partial<SandboxOptions> = {}): SandboxOptions {
  return {
    wechat: { ...TEST_WECHAT },
    sms: { apiKey: TEST_SMS_KEY },
    gov: { appKey: TEST_GOV_APP_KEY },
    approval: { webhookSecret: TEST_WEBHOOK_SECRET },
    ctid: { ...TEST_CTID },
    wxpay: {
      mchId: TEST_WXPAY.mchId,
      apiV3Key: TEST_WXPAY.apiV3Key,
      merchantPublicKey: TEST_WXPAY.merchantPublicKey,
      platformPrivateKey: TEST_WXPAY.platformPrivateKey,
      platformKeyId: TEST_WXPAY.platformKeyId,
    },
    nontax: { ...TEST_NONTAX },
    ems: { ...TEST_EMS },
    // Tests do not wait for the traffic system's realistic slowness (its own test sets it).
    traffic: { latencyMs: 0 },
    ...overrides,
  };
}

export type Agent = TestAgent;

/** A fresh sandbox behind supertest (no port is opened). */
export function newSandbox(overrides: Partial<SandboxOptions> = {}): Agent {
  return request(createSandbox(testOptions(overrides)).callback());
}

/** jscode2session answers text/plain like the real server, so supertest leaves the body in res.text. */
export function parseText(res: { text: string }): Record<string, unknown> {
  const parsed: unknown = JSON.parse(res.text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`not a JSON object: ${res.text}`);
  return parsed as Record<string, unknown>;
}

/** What WeChat DevTools' wx.login would hand this user. */
export async function issueCode(agent: Agent, openid?: string): Promise<string> {
  const res = await agent
    .post('/sandbox/wechat/code')
    .send(openid === undefined ? {} : { openid })
    .expect(200);
  const { code } = res.body as { code: string };
  return code;
}

/** Calls jscode2session with the right credentials and returns the parsed body. */
export async function jscode2session(agent: Agent, code: string): Promise<Record<string, unknown>> {
  const res = await agent
    .get('/sns/jscode2session')
    .query({ appid: TEST_WECHAT.appId, secret: TEST_WECHAT.appSecret, js_code: code, grant_type: 'authorization_code' })
    .expect(200);
  return parseText(res);
}

export const LOGIN_SMS = {
  mobile: '13800000000',
  templateId: 'LOGIN_CODE',
  params: { code: '123456' },
  sign: '穗警通',
} as const;

/** Sends an SMS through the gateway with the right key. */
export function sendSms(agent: Agent, body: object = LOGIN_SMS) {
  return agent.post('/sms/v1/send').set('X-Api-Key', TEST_SMS_KEY).send(body);
}
