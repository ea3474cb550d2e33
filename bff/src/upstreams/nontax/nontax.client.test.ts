import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import { createLogger } from '../../libraries/logger';
import { NontaxClient } from './nontax.client';
import { isNontaxSignature, nontaxSign } from './nontax.dialect';

const APP = { appId: 'nontax-unit-app', appSecret: 'nontax-unit-secret' };
const NOW = new Date('2026-12-01T04:00:00.000Z');
const clock: Clock = { now: () => NOW };

const BILL = {
  jkm: '44010026000000000017',
  jdsbh: '4401062026000123',
  fkje: '200.00',
  jcfk: '0.00',
  yjje: '200.00',
  jfqx: '20261216',
  zt: '0',
};

/** The platform's answer to one call: code (and data), signed with `signWith` (default: the app secret). */
type Reply = (sent: Record<string, string>, path: string) => { code: string; data?: unknown; signWith?: string };

interface FakePlatform {
  url: string;
  received: Array<{ path: string; params: Record<string, string>; signedRight: boolean }>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
}

async function fakePlatform(reply: Reply): Promise<FakePlatform> {
  const received: FakePlatform['received'] = [];
  const server: Server = createServer((req, res) => {
    void readJson(req).then((params) => {
      const path = req.url ?? '';
      received.push({ path, params, signedRight: isNontaxSignature(APP.appSecret, params) });
      const { code, data, signWith } = reply(params, path);
      const answer = {
        code,
        msg: code === '0000' ? '成功' : '失败',
        ...(data === undefined ? {} : { data }),
        timestamp: String(NOW.getTime()),
        nonce: randomBytes(8).toString('hex'),
      };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ...answer, sign: nontaxSign(signWith ?? APP.appSecret, answer) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const logger = createLogger({ level: 'silent' });
let platform: FakePlatform | undefined;
let client: NontaxClient | undefined;

async function clientFor(reply: Reply): Promise<{ client: NontaxClient; platform: FakePlatform }> {
  platform = await fakePlatform(reply);
  client = new NontaxClient({ baseUrl: platform.url, ...APP, timeoutMs: 1000 }, logger, clock);
  return { client, platform };
}

afterEach(async () => {
  await client?.close();
  await platform?.close();
  client = undefined;
  platform = undefined;
});

describe('非税 client', () => {
  it('when the bill is asked for, then the request is signed and the signed answer is mapped to fen', async () => {
    // Arrange
    const { client, platform } = await clientFor(() => ({ code: '0000', data: BILL }));

    // Act
    const bill = await client.billOf(BILL.jdsbh);

    // Assert
    expect(platform.received).toEqual([
      {
        path: '/nontax/api/v1/bill/query',
        params: expect.objectContaining({
          jdsbh: BILL.jdsbh,
          appId: APP.appId,
          timestamp: String(NOW.getTime()),
        }) as unknown,
        signedRight: true,
      },
    ]);
    expect(bill).toMatchObject({ paymentCode: BILL.jkm, totalFen: 20_000, dueDate: '2026-12-16', state: 'unpaid' });
  });

  it('when a success answer is signed with another secret, then it is not believed', async () => {
    // Arrange
    const { client } = await clientFor(() => ({
      code: '0000',
      data: { ddh: 'ORDER-1', jkm: BILL.jkm, jyje: '200.00', zt: '1', jylsh: 'FS1', zfsj: '20261201120000', pjh: 'P1' },
      signWith: 'forger',
    }));

    // Act
    const asked = client.settlement('ORDER-1');

    // Assert
    await expect(asked).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('when the platform knows no bill, then billOf is undefined', async () => {
    // Arrange
    const { client } = await clientFor(() => ({ code: '2001' }));

    // Act / Assert
    await expect(client.billOf('NO-SUCH')).resolves.toBeUndefined();
  });

  it('when an earlier attempt used the nonce (1004), then the call is sent again with a fresh nonce', async () => {
    // Arrange
    let calls = 0;
    const { client, platform } = await clientFor(() => {
      calls += 1;
      return calls === 1 ? { code: '1004' } : { code: '0000', data: { ddh: 'ORDER-1', zt: '2' } };
    });

    // Act
    const closed = await client.closePayment('ORDER-1');

    // Assert
    expect(closed).toBe('closed');
    expect(platform.received).toHaveLength(2);
    expect(platform.received[1]?.params.nonce).not.toBe(platform.received[0]?.params.nonce);
  });

  it.each([
    { code: '2004', expected: 'ALREADY_PAID' },
    { code: '2001', expected: 'FINE_NOT_FOUND' },
    { code: '2005', expected: 'FINE_NOT_FOUND' },
    { code: '2003', expected: 'UPSTREAM_UNAVAILABLE' },
  ])('when the platform refuses a payment order with $code, then it is $expected', async ({ code, expected }) => {
    // Arrange
    const { client } = await clientFor(() => ({ code }));

    // Act
    const started = client.startPayment({
      paymentCode: BILL.jkm,
      outTradeNo: 'ORDER-1',
      amountFen: 20_000,
      notifyUrl: 'https://bff.example/api/v1/hooks/nontax',
      returnUrl: 'https://h5.example/pay/result',
      expiresAt: new Date(NOW.getTime() + 30 * 60_000),
    });

    // Assert
    await expect(started).rejects.toBeInstanceOf(AppError);
    await expect(started).rejects.toMatchObject({ code: expected });
  });

  it('when a payment order is registered, then amounts go as yuan and the expiry as Beijing time', async () => {
    // Arrange
    const { client, platform } = await clientFor((sent) => ({
      code: '0000',
      data: {
        ddh: sent.ddh,
        jkm: sent.jkm,
        jyje: sent.jyje,
        syturl: 'http://cashier.example/nontax/cashier/t',
        sxsj: sent.sxsj,
      },
    }));

    // Act
    const started = await client.startPayment({
      paymentCode: BILL.jkm,
      outTradeNo: 'ORDER-1',
      amountFen: 20_650,
      notifyUrl: 'https://bff.example/api/v1/hooks/nontax',
      returnUrl: 'https://h5.example/pay/result',
      expiresAt: new Date('2026-12-01T04:30:00.000Z'),
    });

    // Assert
    expect(started).toEqual({ cashierUrl: 'http://cashier.example/nontax/cashier/t' });
    expect(platform.received[0]?.params).toMatchObject({ jyje: '206.50', sxsj: '20261201123000' });
  });
});
