import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../libraries/errors';
import { createLogger } from '../../libraries/logger';
import { WechatClient } from './wechat.client';

/** WeChat's answer to one call: path, query and body as sent. */
type Reply = (call: { path: string; query: URLSearchParams; body: Record<string, unknown> }) => object;

interface FakeWechat {
  url: string;
  calls: Array<{ path: string; query: URLSearchParams; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function fakeWechat(reply: Reply): Promise<FakeWechat> {
  const calls: FakeWechat['calls'] = [];
  const server: Server = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://wechat.test');
      const call = { path: url.pathname, query: url.searchParams, body };
      calls.push(call);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(reply(call)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let wechat: FakeWechat | undefined;
let client: WechatClient | undefined;
let logs: Array<{ level: number; msg: string } & Record<string, unknown>> = [];

async function clientFor(reply: Reply): Promise<{ client: WechatClient; wechat: FakeWechat }> {
  wechat = await fakeWechat(reply);
  logs = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) },
  });
  client = new WechatClient(
    { baseUrl: wechat.url, appId: 'wx-unit', appSecret: 'unit-secret-0123456789', timeoutMs: 1000 },
    logger,
  );
  return { client, wechat };
}

afterEach(async () => {
  await client?.close();
  await wechat?.close();
  client = undefined;
  wechat = undefined;
});

const MESSAGE = {
  openid: 'oUnitUser_0123456789012345678',
  templateId: 'T'.repeat(43),
  page: 'packages/cases/pages/detail/index?caseNo=1',
  data: { thing1: '居民身份证换领' },
};

const sends = (fake: FakeWechat) => fake.calls.filter((call) => call.path === '/cgi-bin/message/subscribe/send');
const tokenCalls = (fake: FakeWechat) =>
  fake.calls.filter((call) => call.path === '/cgi-bin/stable_token').map((call) => call.body.force_refresh);

describe('WechatClient.code2Session', () => {
  it('when WeChat says the code was used (40163), then the login fails with WECHAT_CODE_INVALID asking to tap again', async () => {
    // Arrange
    const { client } = await clientFor(() => ({ errcode: 40163, errmsg: 'code been used, rid: 1-2-3' }));

    // Act
    const failure = await client.code2Session('a-used-code').catch((error: unknown) => error);

    // Assert
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'WECHAT_CODE_INVALID', status: 400, expose: true });
    expect((failure as AppError).message).toMatch(/已被使用.*重新点击登录/);
    expect(logs.some((line) => line.msg === 'wx.login code used twice')).toBe(true);
  });
});

describe('WechatClient.sendSubscribe', () => {
  it('when WeChat refuses the page (41030), then the outcome is rejected, it is not sent again and an error names the page', async () => {
    // Arrange
    const { client, wechat } = await clientFor(({ path }) =>
      path === '/cgi-bin/stable_token'
        ? { access_token: 'token-1', expires_in: 7200 }
        : { errcode: 41030, errmsg: 'invalid page, rid: 1-2-3' },
    );

    // Act
    const outcome = await client.sendSubscribe(MESSAGE);

    // Assert
    expect(outcome).toBe('rejected');
    expect(sends(wechat)).toHaveLength(1);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 50, errcode: 41030, page: MESSAGE.page, templateId: MESSAGE.templateId }),
    );
  });

  it('when the token is "not latest" (40001) because another server refreshed it, then normal mode fetches the latest and no refresh is forced', async () => {
    // Arrange: the first token is refused; normal mode then answers the newer one
    let issued = 0;
    const { client, wechat } = await clientFor(({ path, query }) => {
      if (path === '/cgi-bin/stable_token') return { access_token: `token-${(issued += 1)}`, expires_in: 7200 };
      return query.get('access_token') === 'token-1'
        ? { errcode: 40001, errmsg: 'invalid credential' }
        : { errcode: 0 };
    });

    // Act
    const outcome = await client.sendSubscribe(MESSAGE);

    // Assert
    expect(outcome).toBe('sent');
    expect(tokenCalls(wechat)).toEqual([false, false]);
    expect(sends(wechat).map((call) => call.query.get('access_token'))).toEqual(['token-1', 'token-2']);
  });

  it('when normal mode hands back the refused token, then one refresh is forced', async () => {
    // Arrange
    const { client, wechat } = await clientFor(({ path, query, body }) => {
      if (path === '/cgi-bin/stable_token') {
        return { access_token: body.force_refresh === true ? 'token-new' : 'token-old', expires_in: 7200 };
      }
      return query.get('access_token') === 'token-new'
        ? { errcode: 0 }
        : { errcode: 40001, errmsg: 'invalid credential' };
    });

    // Act
    const outcome = await client.sendSubscribe(MESSAGE);

    // Assert
    expect(outcome).toBe('sent');
    expect(tokenCalls(wechat)).toEqual([false, false, true]);
  });

  it('when forced refreshes are used up for the day (45009), then the current token is kept and no further refresh is forced that day', async () => {
    // Arrange: the token keeps being refused; force_refresh answers 45009
    const { client, wechat } = await clientFor(({ path, body }) => {
      if (path === '/cgi-bin/stable_token') {
        return body.force_refresh === true
          ? { errcode: 45009, errmsg: 'reach max api daily quota limit, rid: 1-2-3' }
          : { access_token: 'token-only', expires_in: 7200 };
      }
      return { errcode: 40001, errmsg: 'invalid credential' };
    });

    // Act
    const first = await client.sendSubscribe(MESSAGE).catch((error: unknown) => error);
    const second = await client.sendSubscribe(MESSAGE).catch((error: unknown) => error);

    // Assert
    expect(first).toBeInstanceOf(Error);
    expect(second).toBeInstanceOf(Error);
    expect(tokenCalls(wechat)).toEqual([false, false, true, false]);
    expect(sends(wechat).map((call) => call.query.get('access_token'))).toEqual([
      'token-only',
      'token-only',
      'token-only',
      'token-only',
    ]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 40, errcode: 45009 }));
  });
});
