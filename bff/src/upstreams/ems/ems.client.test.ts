import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../libraries/logger';
import { EmsClient } from './ems.client';
import { emsDigest } from './ems.dialect';

const SETTINGS = { ecCompanyId: 'EC_UNIT_0001', secret: 'ems-unit-test-secret', timeoutMs: 1000 };
const MAIL_NO = '1100123456789';

interface Received {
  form: URLSearchParams;
  contentType: string;
}

/** An EMS gateway answering `reply` (status and body) and keeping what it was sent. */
async function fakeGateway(reply: () => { status: number; body: unknown }) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
        contentType: req.headers['content-type'] ?? '',
      });
      const { status, body } = reply();
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new EmsClient({ ...SETTINGS, baseUrl: `http://127.0.0.1:${port}` }, createLogger({ level: 'silent' }));
  return {
    client,
    received,
    close: async () => {
      await client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const trace = (opCode: string, opName: string, opTime: string, opOrgName: string) => ({
  traceNo: MAIL_NO,
  opTime,
  opCode,
  opName,
  opDesc: `${opName}`,
  opOrgProvName: '广东省',
  opOrgCity: '广州市',
  opOrgCode: '51000001',
  opOrgName,
});

describe('EmsClient.track', () => {
  it('when EMS answers traces, then they come back oldest first in our words, asked with a signed form', async () => {
    // Arrange: EMS lists them newest first
    const gateway = await fakeGateway(() => ({
      status: 200,
      body: {
        success: 'true',
        errorCode: '',
        errorMsg: '',
        waybill_no: MAIL_NO,
        traces: [
          trace('305', '处理中心到达', '2026-12-06 13:10:00', '广州邮件处理中心'),
          trace('203', '收寄', '2026-12-06 10:00:00', '广州天河揽投部'),
          trace('999', '海关查验', '2026-12-06 14:00:00', ''),
        ],
      },
    }));

    // Act
    const steps = await gateway.client.track(MAIL_NO);
    await gateway.close();

    // Assert
    expect(steps).toEqual([
      { time: new Date('2026-12-06T02:00:00Z'), place: '广州天河揽投部', text: '已收寄', kind: 'posted' },
      { time: new Date('2026-12-06T05:10:00Z'), place: '广州邮件处理中心', text: '到达处理中心', kind: 'sorting' },
      { time: new Date('2026-12-06T06:00:00Z'), place: '广东省广州市', text: '海关查验', kind: 'other' },
    ]);
    const sent = gateway.received[0];
    expect(sent?.contentType).toContain('application/x-www-form-urlencoded');
    const message = sent?.form.get('logistics_interface') ?? '';
    expect(JSON.parse(message)).toEqual({ waybill_no: MAIL_NO });
    expect(sent?.form.get('data_digest')).toBe(emsDigest(message, SETTINGS.secret));
    expect(sent?.form.get('msg_type')).toBe('TRACEQUERY');
    expect(sent?.form.get('ecCompanyId')).toBe(SETTINGS.ecCompanyId);
  });

  it('when EMS knows no such item, then the answer is undefined', async () => {
    // Arrange
    const gateway = await fakeGateway(() => ({
      status: 200,
      body: { success: 'false', errorCode: 'B11', errorMsg: '查无此邮件' },
    }));

    // Act
    const steps = await gateway.client.track(MAIL_NO);
    await gateway.close();

    // Assert
    expect(steps).toBeUndefined();
  });

  it.each([
    [
      'refuses the signature',
      { status: 200, body: { success: 'false', errorCode: 'S02', errorMsg: '数字签名验证失败' } },
    ],
    ['is busy', { status: 503, body: { success: 'false', errorCode: 'S99', errorMsg: '系统繁忙' } }],
    ['answers something else', { status: 200, body: { ok: 1 } }],
  ])('when EMS %s, then the client fails as unavailable', async (_case, reply) => {
    // Arrange
    const gateway = await fakeGateway(() => reply);

    // Act
    const outcome = gateway.client.track(MAIL_NO);

    // Assert
    await expect(outcome).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await gateway.close();
  });
});
