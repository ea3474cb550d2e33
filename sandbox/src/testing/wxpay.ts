/**
 * Helpers for WeChat Pay's tests (not part of the build: see tsconfig exclude): requests signed by hand
 * from the documented rule with the test merchant key, answers checked with the test platform key, and a
 * merchant server that receives notifications.
 */
import { createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_WECHAT, TEST_WXPAY, TEST_WXPAY_MERCHANT_KEYS, TEST_WXPAY_PLATFORM_KEYS, type Agent } from './fixtures';

export function authorizationFor(
  method: string,
  url: string,
  body: string,
  options: { privateKey?: string; mchid?: string; timestamp?: number } = {},
): string {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256')
    .update(`${method}\n${url}\n${timestamp}\n${nonce}\n${body}\n`)
    .sign(options.privateKey ?? TEST_WXPAY_MERCHANT_KEYS.privateKey, 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${options.mchid ?? TEST_WXPAY.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${TEST_WXPAY.merchantSerial}"`;
}

export function signedPost(agent: Agent, url: string, body: object) {
  const text = JSON.stringify(body);
  return agent
    .post(url)
    .set('Content-Type', 'application/json')
    .set('Accept', 'application/json')
    .set('Authorization', authorizationFor('POST', url, text))
    .send(text);
}

export function signedGet(agent: Agent, url: string) {
  return agent
    .get(url)
    .set('Accept', 'application/json')
    .set('Authorization', authorizationFor('GET', url, ''));
}

/** Whether the Wechatpay-* headers sign this body with the test platform key. */
export function platformSigned(headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const timestamp = headers['wechatpay-timestamp'];
  const nonce = headers['wechatpay-nonce'];
  const signature = headers['wechatpay-signature'];
  if (typeof timestamp !== 'string' || typeof nonce !== 'string' || typeof signature !== 'string') return false;
  if (headers['wechatpay-serial'] !== TEST_WXPAY.platformKeyId) return false;
  return createVerify('RSA-SHA256')
    .update(`${timestamp}\n${nonce}\n${body}\n`)
    .verify(TEST_WXPAY_PLATFORM_KEYS.publicKey, signature, 'base64');
}

export interface Resource {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data: string;
}

export function decryptResource(resource: Resource): Record<string, unknown> {
  const bytes = Buffer.from(resource.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(TEST_WXPAY.apiV3Key), Buffer.from(resource.nonce));
  decipher.setAAD(Buffer.from(resource.associated_data));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
}

let sequence = 0;
/** A fresh out_trade_no. */
export function outTradeNo(prefix = 'T'): string {
  sequence += 1;
  return `${prefix}${Date.now()}${String(sequence).padStart(4, '0')}`;
}

export function jsapiBody(fields: { outTradeNo: string; notifyUrl?: string; total?: number; timeExpire?: string }) {
  return {
    appid: TEST_WECHAT.appId,
    mchid: TEST_WXPAY.mchId,
    description: '穗警通-交通违法罚款',
    out_trade_no: fields.outTradeNo,
    ...(fields.timeExpire === undefined ? {} : { time_expire: fields.timeExpire }),
    notify_url: fields.notifyUrl ?? 'http://127.0.0.1:1/api/v1/hooks/wxpay',
    amount: { total: fields.total ?? 20000, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  };
}

export function h5Body(fields: { outTradeNo: string; notifyUrl?: string; total?: number }) {
  return {
    appid: TEST_WECHAT.appId,
    mchid: TEST_WXPAY.mchId,
    description: '穗警通-办证工本费',
    out_trade_no: fields.outTradeNo,
    notify_url: fields.notifyUrl ?? 'http://127.0.0.1:1/api/v1/hooks/wxpay',
    amount: { total: fields.total ?? 12000, currency: 'CNY' },
    scene_info: { payer_client_ip: '203.0.113.7', h5_info: { type: 'Wap' } },
  };
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A merchant server: records every notification and answers with `status()` (200 by default). */
export interface Merchant {
  url: string;
  received: Received[];
  status: number;
  close(): Promise<void>;
}

export async function startMerchant(): Promise<Merchant> {
  const merchant: Merchant = {
    url: '',
    received: [],
    status: 200,
    close: () => Promise.resolve(),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      merchant.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = merchant.status;
      res.end(merchant.status >= 300 ? JSON.stringify({ code: 'FAIL', message: '失败' }) : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  merchant.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/hooks/wxpay`;
  merchant.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return merchant;
}

/** Polls until the check passes (the notifier ticks on real time) or fails after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
