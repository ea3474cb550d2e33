import { act, submitted } from '../../testing/approval';
import { newSandbox, TEST_EMS, type Agent } from '../../testing/fixtures';
import type { CaseRecord, DeliveryInfo } from '../approval/records';
import { emsDigest } from './digest';

/** 无犯罪记录证明开具: offers 邮寄 when applying. */
const NO_CRIME = '1144010000750226542000414000001';
const POST: DeliveryInfo = {
  sdfs: '2',
  sjr: '张三',
  lxdh: '13800138000',
  sf: '广东省',
  cs: '深圳市',
  qx: '南山区',
  xxdz: '科技园路1号101房',
};
const HOUR = 3_600_000;

function gateway(agent: Agent, msgType: string, message: object, secret: string = TEST_EMS.secret) {
  const logisticsInterface = JSON.stringify(message);
  return agent
    .post('/ems/api/gateway')
    .type('form')
    .send({
      logistics_interface: logisticsInterface,
      data_digest: emsDigest(logisticsInterface, secret),
      msg_type: msgType,
      ecCompanyId: TEST_EMS.ecCompanyId,
    });
}

const ORDER = {
  created_time: '2026-12-06 10:00:00',
  logistics_provider: 'B',
  ecommerce_no: TEST_EMS.ecCompanyId,
  logistics_order_no: 'ORDER-0001',
  biz_product_no: '1',
  sender: {
    name: '广州市公安局',
    mobile: '020-83118110',
    prov: '广东省',
    city: '广州市',
    county: '越秀区',
    address: '解放南路1号',
  },
  receiver: {
    name: '李四',
    mobile: '13900139000',
    prov: '广东省',
    city: '广州市',
    county: '海珠区',
    address: '新港中路2号',
  },
  cargos: [{ cargo_name: '证件', cargo_quantity: 1 }],
};

async function mailedCase(agent: Agent): Promise<CaseRecord> {
  const record = await submitted(agent, { sxbm: NO_CRIME, sdxx: POST });
  for (const action of ['accept', 'review', 'approve']) await act(agent, record.bjbh, { action }).expect(200);
  return (await act(agent, record.bjbh, { action: 'deliver' }).expect(200)).body as CaseRecord;
}

const traceNames = (body: { traces: Array<{ opName: string }> }) => body.traces.map((trace) => trace.opName);

describe('EMS open platform: orders and traces', () => {
  it('when an order is signed right, then EMS allocates a 13-digit number and the item shows as 收寄', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const created = await gateway(agent, 'ORDERCREATE', ORDER).expect(200);
    const trace = await gateway(agent, 'TRACEQUERY', { waybill_no: created.body.waybill_no }).expect(200);

    // Assert
    expect(created.body).toMatchObject({ success: 'true', errorCode: '', logistics_order_no: 'ORDER-0001' });
    expect(created.body.waybill_no).toMatch(/^1100\d{9}$/);
    expect(trace.body.success).toBe('true');
    expect(trace.body.traces).toEqual([
      expect.objectContaining({
        traceNo: created.body.waybill_no,
        opCode: '203',
        opName: '收寄',
        opOrgProvName: '广东省',
        opOrgCity: '广州市',
        opOrgName: '广州越秀揽投部',
        opTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      }),
    ]);
  });

  it('when the same order is sent twice, then the second answers the same mail number', async () => {
    // Arrange
    const agent = newSandbox();
    const first = await gateway(agent, 'ORDERCREATE', ORDER).expect(200);

    // Act
    const again = await gateway(agent, 'ORDERCREATE', ORDER).expect(200);

    // Assert
    expect(again.body.waybill_no).toBe(first.body.waybill_no);
  });

  it('when the digest was made with another secret, then EMS answers S02 and posts nothing', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const forged = await gateway(agent, 'ORDERCREATE', ORDER, 'not-the-secret').expect(200);
    const list = await agent.get('/sandbox/ems/parcels').expect(200);

    // Assert
    expect(forged.body).toEqual({ success: 'false', errorCode: 'S02', errorMsg: '数字签名验证失败' });
    expect(list.body.items).toEqual([]);
  });

  it('when the receiver lacks an address or the message type is unknown, then EMS says what is wrong', async () => {
    // Arrange
    const agent = newSandbox();
    const { address: _address, ...noAddress } = ORDER.receiver;

    // Act
    const missing = await gateway(agent, 'ORDERCREATE', { ...ORDER, receiver: noAddress }).expect(200);
    const unknown = await gateway(agent, 'ORDERCANCEL', { waybill_no: '1100000000000' }).expect(200);
    const noSuch = await gateway(agent, 'TRACEQUERY', { waybill_no: '1100000000000' }).expect(200);

    // Assert
    expect(missing.body).toMatchObject({ success: 'false', errorCode: 'S04' });
    expect(missing.body.errorMsg).toContain('receiver.address');
    expect(unknown.body).toMatchObject({ success: 'false', errorCode: 'S03' });
    expect(noSuch.body).toMatchObject({ success: 'false', errorCode: 'B11', errorMsg: '查无此邮件' });
  });

  it('when a form body is not sent, then EMS answers S04', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const json = await agent.post('/ems/api/gateway').send({ logistics_interface: '{}' }).expect(200);

    // Assert
    expect(json.body).toMatchObject({ success: 'false', errorCode: 'S04' });
  });

  it('when the approval system delivers a case by post, then EMS holds the item under its kdh for the 送达 address', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const delivered = await mailedCase(agent);
    const parcel = await agent.get(`/sandbox/ems/parcels/${delivered.kdh ?? '?'}`).expect(200);
    const trace = await gateway(agent, 'TRACEQUERY', { waybill_no: delivered.kdh }).expect(200);

    // Assert
    expect(parcel.body).toMatchObject({
      mailNo: delivered.kdh,
      orderNo: delivered.bjbh,
      receiver: { name: '张*', phone: '138****8000', region: '广东省深圳市南山区' },
      delivered: false,
    });
    expect(traceNames(trace.body)).toEqual(['收寄']);
    expect(JSON.stringify(parcel.body)).not.toContain('13800138000');
  });

  it('when the sandbox clock moves on, then the item advances through the centres to 妥投 in time order', async () => {
    // Arrange
    const agent = newSandbox();
    const delivered = await mailedCase(agent);

    // Act
    await agent
      .post('/sandbox/clock')
      .send({ advanceMs: 6 * HOUR })
      .expect(200);
    const midway = await gateway(agent, 'TRACEQUERY', { waybill_no: delivered.kdh }).expect(200);
    await agent
      .post('/sandbox/clock')
      .send({ advanceMs: 24 * HOUR })
      .expect(200);
    const arrived = await gateway(agent, 'TRACEQUERY', { waybill_no: delivered.kdh }).expect(200);

    // Assert
    expect(traceNames(midway.body)).toEqual(['收寄', '处理中心到达', '处理中心封发']);
    expect(midway.body.traces[2].opDesc).toBe('离开【广州邮件处理中心】，下一站【深圳邮件处理中心】');
    expect(traceNames(arrived.body)).toEqual([
      '收寄',
      '处理中心到达',
      '处理中心封发',
      '投递机构接收',
      '安排投递',
      '投递结果反馈-妥投',
    ]);
    expect(arrived.body.traces[5]).toMatchObject({ opCode: '704', opOrgCity: '深圳市', opOrgName: '深圳南山揽投部' });
    const times = (arrived.body.traces as Array<{ opTime: string }>).map((trace) => trace.opTime);
    expect([...times].sort()).toEqual(times);
  });

  it('when the control API hands an item over, then its way ends with 妥投 now and a second hand-over is 409', async () => {
    // Arrange
    const agent = newSandbox();
    const delivered = await mailedCase(agent);

    // Act
    const handed = await agent.post(`/sandbox/ems/parcels/${delivered.kdh ?? '?'}/deliver`).expect(200);
    const again = await agent.post(`/sandbox/ems/parcels/${delivered.kdh ?? '?'}/deliver`);
    const trace = await gateway(agent, 'TRACEQUERY', { waybill_no: delivered.kdh }).expect(200);

    // Assert
    expect(handed.body.delivered).toBe(true);
    expect(traceNames(trace.body)).toHaveLength(6);
    expect(trace.body.traces.at(-1).opName).toBe('投递结果反馈-妥投');
    expect(again.status).toBe(409);
  });

  it('when the sandbox is reset, then EMS forgets its items', async () => {
    // Arrange
    const agent = newSandbox();
    const delivered = await mailedCase(agent);

    // Act
    await agent.post('/sandbox/reset').expect(200);
    const after = await agent.get(`/sandbox/ems/parcels/${delivered.kdh ?? '?'}`);

    // Assert
    expect(after.status).toBe(404);
  });
});
