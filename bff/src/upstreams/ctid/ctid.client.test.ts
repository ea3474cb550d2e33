import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../libraries/clock';
import { createLogger } from '../../libraries/logger';
import { CtidClient } from './ctid.client';
import { ctidSign, ctidTimeStamp } from './ctid.dialect';

const SECRET = 'ctid-unit-test-secret';
const APP_ID = 'ctid-unit-app';
const NOW = new Date('2026-11-28T03:04:05.678Z');
const clock: Clock = { now: () => NOW };

/** The platform's answer to one call, given what the client sent. */
type Reply = (sent: Record<string, unknown>) => { pkg: Record<string, unknown>; signWith?: string | null };

interface FakePlatform {
  url: string;
  received: Array<{ path: string; pkg: Record<string, unknown>; signedRight: boolean }>;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<{ bizPackage: string; sign: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { bizPackage: string; sign: string };
}

async function fakePlatform(reply: Reply): Promise<FakePlatform> {
  const received: FakePlatform['received'] = [];
  const server: Server = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      const pkg = JSON.parse(body.bizPackage) as Record<string, unknown>;
      received.push({ path: req.url ?? '', pkg, signedRight: body.sign === ctidSign(SECRET, body.bizPackage) });
      const answer = reply(pkg);
      const bizPackage = JSON.stringify(answer.pkg);
      const signWith = answer.signWith === undefined ? SECRET : answer.signWith;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ bizPackage, sign: signWith === null ? '' : ctidSign(signWith, bizPackage) }));
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
let client: CtidClient | undefined;

async function clientFor(reply: Reply): Promise<{ client: CtidClient; platform: FakePlatform }> {
  platform = await fakePlatform(reply);
  client = new CtidClient({ baseUrl: platform.url, appId: APP_ID, appSecret: SECRET, timeoutMs: 1000 }, logger, clock);
  return { client, platform };
}

afterEach(async () => {
  await client?.close();
  await platform?.close();
  client = undefined;
  platform = undefined;
});

const REQUEST = { requestId: 'REQ000000000000001', bizSerialNo: 'serial-1' };

function resultPackage(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    success: true,
    bizSerialNum: REQUEST.bizSerialNo,
    businessSerialNumber: REQUEST.requestId,
    authMode: '0x42',
    authStatus: 'DONE',
    authResult: '00XX',
    resultTime: ctidTimeStamp(NOW),
    ...fields,
  };
}

describe('CtidClient', () => {
  it('when an authorisation is started, then a signed, time-stamped 0x42 request goes out and the jump URL comes back', async () => {
    // Arrange
    const { client, platform } = await clientFor((sent) => ({
      pkg: {
        success: true,
        bizSerialNum: sent.bizSerialNum,
        businessSerialNumber: 'REQ000000000000001',
        authUrl: 'http://127.0.0.1:1/ctid/h5/authorize/token',
        qrCode: 'http://127.0.0.1:1/ctid/h5/authorize/token',
        expiresIn: 300,
      },
    }));

    // Act
    const started = await client.startAuthorisation({ bizSerialNo: 'serial-1', name: '张三', idNumber: '110101' });

    // Assert
    expect(started).toEqual({
      requestId: 'REQ000000000000001',
      authUrl: 'http://127.0.0.1:1/ctid/h5/authorize/token',
      qrContent: 'http://127.0.0.1:1/ctid/h5/authorize/token',
      expiresInSeconds: 300,
    });
    expect(platform.received).toEqual([
      {
        path: '/ctid/v1/auth/apply',
        signedRight: true,
        pkg: {
          appId: APP_ID,
          timeStamp: '20261128110405678',
          bizSerialNum: 'serial-1',
          authMode: '0x42',
          sfxx: { xm: '张三', gmsfhm: '110101' },
        },
      },
    ]);
  });

  it('when a result is read, then a pass carries the platform’s result time', async () => {
    // Arrange
    const { client } = await clientFor(() => ({ pkg: resultPackage({}) }));

    // Act
    const outcome = await client.result(REQUEST);

    // Assert
    expect(outcome).toEqual({ kind: 'passed', checkedAt: NOW });
  });

  it.each([
    { label: 'is not signed', reply: (): ReturnType<Reply> => ({ pkg: resultPackage({}), signWith: null }) },
    {
      label: 'is signed with another secret',
      reply: (): ReturnType<Reply> => ({ pkg: resultPackage({}), signWith: 'someone-else' }),
    },
    {
      label: 'is for another request',
      reply: (): ReturnType<Reply> => ({ pkg: resultPackage({ businessSerialNumber: 'REQ999' }) }),
    },
    {
      label: 'is for another serial',
      reply: (): ReturnType<Reply> => ({ pkg: resultPackage({ bizSerialNum: 'serial-2' }) }),
    },
    {
      label: 'refuses our timeStamp (E1002)',
      reply: (): ReturnType<Reply> => ({ pkg: { success: false, errorCode: 'E1002', errorDesc: '时间戳无效' } }),
    },
  ])('when the result answer $label, then it is UPSTREAM_UNAVAILABLE', async ({ reply }) => {
    // Arrange
    const { client } = await clientFor(reply);

    // Act
    const reading = client.result(REQUEST);

    // Assert
    await expect(reading).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: expect.stringContaining('网证'),
    });
  });

  it('when the platform no longer knows the request (E2001), then the check failed as "other"', async () => {
    // Arrange
    const { client } = await clientFor(() => ({
      pkg: { success: false, errorCode: 'E2001', errorDesc: '认证请求不存在或已结束' },
      signWith: null,
    }));

    // Act
    const outcome = await client.result(REQUEST);

    // Assert
    expect(outcome).toEqual({ kind: 'failed', reason: 'other' });
  });

  it('when the platform says the number is malformed (E1005), then it is a validation error on idNumber', async () => {
    // Arrange
    const { client } = await clientFor(() => ({ pkg: { success: false, errorCode: 'E1005' } }));

    // Act
    const starting = client.startAuthorisation({ bizSerialNo: 'serial-1', name: '张三', idNumber: 'bad' });

    // Assert
    await expect(starting).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'idNumber' }] });
  });
});
