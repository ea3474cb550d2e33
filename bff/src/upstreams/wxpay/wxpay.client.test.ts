import { createCipheriv, createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../config';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import { createLogger } from '../../libraries/logger';
import { WxpayClient } from './wxpay.client';

const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const MERCHANT = pair();
const PLATFORM = pair();
const STRANGER = pair();
const KEY_ID = 'PUB_KEY_ID_0111111111111111111111111111';
const API_V3_KEY = 'unit-test-apiv3-key-32-bytes-000';
const NOW = new Date('2026-12-06T08:00:00.000Z');
const clock: Clock = { now: () => NOW };

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The platform's answer: a JSON body (or none), signed with `signWith` (the platform key by default; null = unsigned). */
interface Reply {
  status: number;
  body?: unknown;
  text?: string;
  signWith?: string | null;
  serial?: string;
}

function signedHeaders(body: string, key: string, serial: string, at: Date = NOW): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(key, 'base64');
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signature,
    'Wechatpay-Serial': serial,
  };
}

let server: Server | undefined;
let client: WxpayClient | undefined;
const seen: Seen[] = [];

async function clientFor(reply: (request: Seen) => Reply): Promise<WxpayClient> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(request);
      const answer = reply(request);
      const text = answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
      const signWith = answer.signWith === undefined ? PLATFORM.privateKey : answer.signWith;
      if (signWith !== null) {
        for (const [name, value] of Object.entries(signedHeaders(text, signWith, answer.serial ?? KEY_ID)))
          res.setHeader(name, value);
      }
      res.statusCode = answer.status;
      if (text) res.setHeader('content-type', 'application/json');
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new WxpayClient(settings(`http://127.0.0.1:${port}`), createLogger({ level: 'silent' }), clock);
  return client;
}

function settings(baseUrl: string): Config['wxpay'] {
  return {
    baseUrl,
    mchId: '1900000109',
    appId: 'wxunit0000000001',
    apiV3Key: API_V3_KEY,
    merchantPrivateKey: MERCHANT.privateKey,
    merchantSerial: 'ABCDEF0123456789',
    platformPublicKey: PLATFORM.publicKey,
    platformPublicKeyId: KEY_ID,
    timeoutMs: 1000,
  };
}

afterEach(async () => {
  seen.length = 0;
  await client?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  client = undefined;
  server = undefined;
});

const ORDER = {
  outTradeNo: 'PAY2026120600000001',
  description: '交通违法罚款',
  amountFen: 20000,
  notifyUrl: 'https://bff.example.com/api/v1/hooks/wxpay',
  expiresAt: new Date('2026-12-06T08:30:00.000Z'),
  payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
};

const TRANSACTION = {
  appid: 'wxunit0000000001',
  mchid: '1900000109',
  out_trade_no: ORDER.outTradeNo,
  transaction_id: '4200002026120612345678901234',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  success_time: '2026-12-06T16:01:02+08:00',
  payer: { openid: ORDER.payerOpenid },
  amount: { total: 20000, payer_total: 20000, currency: 'CNY' },
};

describe('WxpayClient calls', () => {
  it('when it orders, then the Authorization signs "METHOD\\nURL\\ntimestamp\\nnonce\\nbody\\n" with the merchant key', async () => {
    // Arrange
    const wxpay = await clientFor(() => ({ status: 200, body: { prepay_id: 'wx06160000abcdef' } }));

    // Act
    await wxpay.jsapi(ORDER);

    // Assert
    const [request] = seen;
    const auth = String(request?.headers.authorization);
    const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(auth)?.[1] ?? '';
    expect(auth.startsWith('WECHATPAY2-SHA256-RSA2048 ')).toBe(true);
    expect(field('mchid')).toBe('1900000109');
    expect(field('serial_no')).toBe('ABCDEF0123456789');
    expect(field('timestamp')).toBe(String(NOW.getTime() / 1000));
    const message = `POST\n/v3/pay/transactions/jsapi\n${field('timestamp')}\n${field('nonce_str')}\n${request?.body ?? ''}\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(MERCHANT.publicKey, field('signature'), 'base64')).toBe(
      true,
    );
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      appid: 'wxunit0000000001',
      mchid: '1900000109',
      time_expire: '2026-12-06T16:30:00+08:00',
      amount: { total: 20000, currency: 'CNY' },
      payer: { openid: ORDER.payerOpenid },
    });
  });

  it('when a JSAPI order is placed, then requestPayment carries a paySign over "appId\\ntimeStamp\\nnonceStr\\npackage\\n"', async () => {
    // Arrange
    const wxpay = await clientFor(() => ({ status: 200, body: { prepay_id: 'wx06160000abcdef' } }));

    // Act
    const payment = await wxpay.jsapi(ORDER);

    // Assert
    const { requestPayment: rp } = payment;
    expect(payment.prepayId).toBe('wx06160000abcdef');
    expect(rp).toMatchObject({ appId: 'wxunit0000000001', package: 'prepay_id=wx06160000abcdef', signType: 'RSA' });
    expect(rp.timeStamp).toBe(String(NOW.getTime() / 1000));
    const message = `${rp.appId}\n${rp.timeStamp}\n${rp.nonceStr}\n${rp.package}\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(MERCHANT.publicKey, rp.paySign, 'base64')).toBe(true);
  });

  it.each([
    ['signed with another key', { signWith: STRANGER.privateKey }],
    ['not signed at all', { signWith: null }],
    ['signed under another key id', { serial: 'PUB_KEY_ID_OTHER' }],
  ])('when the answer is %s, then the call fails as UPSTREAM_UNAVAILABLE', async (_label, forge) => {
    // Arrange
    const wxpay = await clientFor(() => ({ status: 200, body: TRANSACTION, ...forge }));

    // Act
    const outcome = wxpay.query(ORDER.outTradeNo);

    // Assert
    await expect(outcome).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await expect(outcome).rejects.toBeInstanceOf(AppError);
  });

  it('when a paid order is queried, then it maps to our Trade', async () => {
    // Arrange
    const wxpay = await clientFor(() => ({ status: 200, body: TRANSACTION }));

    // Act
    const trade = await wxpay.query(ORDER.outTradeNo);

    // Assert
    expect(seen[0]?.url).toBe(`/v3/pay/transactions/out-trade-no/${ORDER.outTradeNo}?mchid=1900000109`);
    expect(trade).toEqual({
      outTradeNo: ORDER.outTradeNo,
      transactionId: TRANSACTION.transaction_id,
      state: 'SUCCESS',
      amountFen: 20000,
      payerOpenid: ORDER.payerOpenid,
      successTime: new Date('2026-12-06T08:01:02.000Z'),
    });
  });

  it('when the platform answers ORDER_NOT_EXIST, then query gives undefined', async () => {
    // Arrange
    const wxpay = await clientFor(() => ({ status: 404, body: { code: 'ORDER_NOT_EXIST', message: '订单不存在' } }));

    // Act
    const trade = await wxpay.query(ORDER.outTradeNo);

    // Assert
    expect(trade).toBeUndefined();
  });

  it('when close answers 204, then "closed"; when ORDERPAID, then "paid"', async () => {
    // Arrange
    let paid = false;
    const wxpay = await clientFor(() =>
      paid ? { status: 400, body: { code: 'ORDERPAID', message: '订单已支付' } } : { status: 204 },
    );

    // Act
    const first = await wxpay.closeOrder(ORDER.outTradeNo);
    paid = true;
    const second = await wxpay.closeOrder(ORDER.outTradeNo);

    // Assert
    expect(first).toBe('closed');
    expect(second).toBe('paid');
    expect(JSON.parse(seen[0]?.body ?? '{}')).toEqual({ mchid: '1900000109' });
  });

  it('when the platform refuses a refund with PARAM_ERROR, then the call fails as UPSTREAM_UNAVAILABLE', async () => {
    // Arrange
    const wxpay = await clientFor(() => ({ status: 400, body: { code: 'PARAM_ERROR', message: '参数错误' } }));

    // Act
    const outcome = wxpay.refund({ ...ORDER, outRefundNo: 'R1', reason: '退款', refundFen: 100, totalFen: 20000 });

    // Assert
    await expect(outcome).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('when the bill file does not match its SHA1, then tradeBill fails', async () => {
    // Arrange
    const wxpay = await clientFor((request) =>
      request.url.startsWith('/v3/bill/tradebill')
        ? {
            status: 200,
            body: {
              hash_type: 'SHA1',
              hash_value: '0'.repeat(40),
              download_url: 'http://127.0.0.1/v3/billdownload/file?token=t',
            },
          }
        : { status: 200, text: '交易时间\r\n', signWith: null },
    );

    // Act
    const outcome = wxpay.tradeBill('2026-12-05');

    // Assert
    await expect(outcome).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(seen[1]?.url).toBe('/v3/billdownload/file?token=t');
  });
});

describe('WxpayClient.openNotice', () => {
  function encrypt(plain: object, key = API_V3_KEY, associatedData = 'transaction') {
    const nonce = randomBytes(6).toString('hex');
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(nonce));
    cipher.setAAD(Buffer.from(associatedData));
    const bytes = Buffer.concat([cipher.update(JSON.stringify(plain)), cipher.final(), cipher.getAuthTag()]);
    return {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: bytes.toString('base64'),
      associated_data: associatedData,
      nonce,
    };
  }

  const noticeBody = (resource = encrypt(TRANSACTION), eventType = 'TRANSACTION.SUCCESS') =>
    JSON.stringify({
      id: 'EV-2026120616010200001',
      create_time: '2026-12-06T16:01:03+08:00',
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: '支付成功',
      resource,
    });

  const lower = (headers: Record<string, string>) =>
    Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

  const wxpay = new WxpayClient(settings('http://127.0.0.1:1'), createLogger({ level: 'silent' }), clock);
  afterAll(() => wxpay.close());

  it('when a notice is signed by the platform and fresh, then it opens to the payment', () => {
    // Arrange
    const body = noticeBody();

    // Act
    const opened = wxpay.openNotice(lower(signedHeaders(body, PLATFORM.privateKey, KEY_ID)), body, NOW);

    // Assert
    expect(opened).toEqual({
      ok: true,
      notice: {
        kind: 'payment',
        id: 'EV-2026120616010200001',
        trade: expect.objectContaining({ outTradeNo: ORDER.outTradeNo, state: 'SUCCESS', amountFen: 20000 }),
      },
    });
  });

  it('when a refund notice arrives, then it opens to the refund', () => {
    // Arrange
    const resource = encrypt(
      {
        mchid: '1900000109',
        out_trade_no: ORDER.outTradeNo,
        transaction_id: TRANSACTION.transaction_id,
        refund_id: '50302026120600000000000000001',
        out_refund_no: 'R1',
        refund_status: 'SUCCESS',
        success_time: '2026-12-06T16:05:00+08:00',
        amount: { total: 20000, refund: 20000, payer_total: 20000, payer_refund: 20000 },
      },
      API_V3_KEY,
      'refund',
    );
    const body = noticeBody(resource, 'REFUND.SUCCESS');

    // Act
    const opened = wxpay.openNotice(signedHeaders(body, PLATFORM.privateKey, KEY_ID), body, NOW);

    // Assert
    expect(opened).toMatchObject({
      ok: true,
      notice: { kind: 'refund', refund: { outRefundNo: 'R1', status: 'SUCCESS', refundFen: 20000 } },
    });
  });

  it('when the signature is forged, then it is rejected as bad-signature', () => {
    // Arrange
    const body = noticeBody();

    // Act
    const opened = wxpay.openNotice(lower(signedHeaders(body, STRANGER.privateKey, KEY_ID)), body, NOW);

    // Assert
    expect(opened).toEqual({ ok: false, rejection: 'bad-signature' });
  });

  it('when the body was changed after signing, then it is rejected as bad-signature', () => {
    // Arrange
    const headers = lower(signedHeaders(noticeBody(), PLATFORM.privateKey, KEY_ID));

    // Act
    const opened = wxpay.openNotice(headers, noticeBody(encrypt({ ...TRANSACTION, amount: { total: 1 } })), NOW);

    // Assert
    expect(opened).toEqual({ ok: false, rejection: 'bad-signature' });
  });

  it('when the notice is six minutes old, then it is rejected as stale', () => {
    // Arrange
    const body = noticeBody();
    const headers = lower(signedHeaders(body, PLATFORM.privateKey, KEY_ID, new Date(NOW.getTime() - 6 * 60_000)));

    // Act
    const opened = wxpay.openNotice(headers, body, NOW);

    // Assert
    expect(opened).toEqual({ ok: false, rejection: 'stale' });
  });

  it('when the notice names another key id, then it is rejected as unknown-key', () => {
    // Arrange
    const body = noticeBody();

    // Act
    const opened = wxpay.openNotice(lower(signedHeaders(body, PLATFORM.privateKey, 'PUB_KEY_ID_OTHER')), body, NOW);

    // Assert
    expect(opened).toEqual({ ok: false, rejection: 'unknown-key' });
  });

  it('when the ciphertext is tampered with (and signed again), then it is rejected as undecryptable', () => {
    // Arrange
    const resource = encrypt(TRANSACTION);
    const bytes = Buffer.from(resource.ciphertext, 'base64');
    bytes[3] = (bytes[3] ?? 0) ^ 0xff;
    const body = noticeBody({ ...resource, ciphertext: bytes.toString('base64') });

    // Act
    const opened = wxpay.openNotice(lower(signedHeaders(body, PLATFORM.privateKey, KEY_ID)), body, NOW);

    // Assert
    expect(opened).toEqual({ ok: false, rejection: 'undecryptable' });
  });

  it('when the resource was encrypted with another API v3 key, then it is rejected as undecryptable', () => {
    // Arrange
    const body = noticeBody(encrypt(TRANSACTION, 'another-apiv3-key-of-32-bytes-00'));

    // Act
    const opened = wxpay.openNotice(lower(signedHeaders(body, PLATFORM.privateKey, KEY_ID)), body, NOW);

    // Assert
    expect(opened).toEqual({ ok: false, rejection: 'undecryptable' });
  });

  it('when a signed body is not a notification, then it is rejected as malformed', () => {
    // Arrange
    const body = '{"hello":"world"}';

    // Act
    const opened = wxpay.openNotice(lower(signedHeaders(body, PLATFORM.privateKey, KEY_ID)), body, NOW);

    // Assert
    expect(opened).toEqual({ ok: false, rejection: 'malformed' });
  });
});
