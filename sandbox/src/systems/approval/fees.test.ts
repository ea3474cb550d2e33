import { TEST_GOV_APP_KEY, newSandbox, type Agent } from '../../testing/fixtures';
import { APPLICANT, act, submitted } from '../../testing/approval';
import { approvalItems } from './items';
import type { CaseRecord } from './records';

/** 普通护照首次申领: 收费 (普通护照120元/本) and payable online. */
const PASSPORT_ITEM = '11440100007502484E0100205000001';
/** 无犯罪记录证明 is issued free of charge. */
const FREE_ITEM_NAME = '无犯罪记录证明';

function pay(agent: Agent, bjbh: string, body: object) {
  return agent.post(`/approval/v1/cases/${bjbh}/jf`).set('X-App-Key', TEST_GOV_APP_KEY).send(body);
}

function refund(agent: Agent, bjbh: string, body: object) {
  return agent.post(`/approval/v1/cases/${bjbh}/tf`).set('X-App-Key', TEST_GOV_APP_KEY).send(body);
}

function read(agent: Agent, bjbh: string) {
  return agent
    .get(`/approval/v1/cases/${bjbh}`)
    .set('X-App-Key', TEST_GOV_APP_KEY)
    .query({ sfzmhm: APPLICANT.idNumber });
}

async function acceptedPassportCase(agent: Agent): Promise<CaseRecord> {
  const record = await submitted(agent, { sxbm: PASSPORT_ITEM });
  await act(agent, record.bjbh, { action: 'accept' }).expect(200);
  return record;
}

const PAYMENT = { jyh: '4200001234202603021234567890', jfje: '120.00', jfsj: '20260302103000' };

describe('approval fees (缴费信息)', () => {
  it('when a passport case is accepted, then it carries a fee of 120.00 due; before acceptance it has none', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await submitted(agent, { sxbm: PASSPORT_ITEM });

    // Act
    const before = await read(agent, record.bjbh);
    await act(agent, record.bjbh, { action: 'accept' }).expect(200);
    const after = await read(agent, record.bjbh);

    // Assert
    expect(before.body.data.jfxx).toBeUndefined();
    expect(after.body.data.jfxx).toEqual({ sfxm: '普通护照工本费', sfje: '120.00', jfzt: '0' });
  });

  it('when an item without an online fee is accepted, then the case carries no fee', async () => {
    // Arrange
    const agent = newSandbox();
    const free = [...approvalItems().values()].find((item) => item.sxmc.includes(FREE_ITEM_NAME) && !item.fee);
    if (!free) throw new Error('no free item in the catalog');
    const record = await submitted(agent, { sxbm: free.sxbm });

    // Act
    await act(agent, record.bjbh, { action: 'accept' }).expect(200);
    const res = await read(agent, record.bjbh);

    // Assert
    expect(res.body.data.zt).toBe('02');
    expect(res.body.data.jfxx).toBeUndefined();
  });

  it('when the fee is paid with its amount, then it is 已缴费 with the trade, and the same report again changes nothing', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await acceptedPassportCase(agent);

    // Act
    const first = await pay(agent, record.bjbh, PAYMENT);
    const again = await pay(agent, record.bjbh, { ...PAYMENT, jfsj: '20260302110000' });

    // Assert
    expect(first.body.code).toBe('0000');
    expect(first.body.data.jfxx).toEqual({
      sfxm: '普通护照工本费',
      sfje: '120.00',
      jfzt: '1',
      jyh: PAYMENT.jyh,
      jfsj: PAYMENT.jfsj,
    });
    expect(again.body.code).toBe('0000');
    expect(again.body.data.jfxx.jfsj).toBe(PAYMENT.jfsj);
  });

  it('when the amount differs or another trade pays a paid fee, then it is refused (4013, 4012) and the fee unchanged', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await acceptedPassportCase(agent);

    // Act
    const wrongAmount = await pay(agent, record.bjbh, { ...PAYMENT, jfje: '12.00' });
    await pay(agent, record.bjbh, PAYMENT);
    const otherTrade = await pay(agent, record.bjbh, { ...PAYMENT, jyh: '4200009999202603029999999999' });

    // Assert
    expect(wrongAmount.body.code).toBe('4013');
    expect(otherTrade.body.code).toBe('4012');
    const res = await read(agent, record.bjbh);
    expect(res.body.data.jfxx).toMatchObject({ jfzt: '1', jyh: PAYMENT.jyh });
  });

  it('when a case is already 准予许可 (05) or has no fee, then a payment is refused (4014, 4011)', async () => {
    // Arrange
    const agent = newSandbox();
    const decided = await acceptedPassportCase(agent);
    await act(agent, decided.bjbh, { action: 'review' }).expect(200);
    await act(agent, decided.bjbh, { action: 'approve' }).expect(200);
    const notAccepted = await submitted(agent, { sxbm: PASSPORT_ITEM });

    // Act
    const late = await pay(agent, decided.bjbh, PAYMENT);
    const early = await pay(agent, notAccepted.bjbh, PAYMENT);

    // Assert
    expect(late.body.code).toBe('4014');
    expect(early.body.code).toBe('4011');
  });

  it('when the paid fee is refunded, then it is 已退费 with the time; a repeat changes nothing; another trade is refused', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await acceptedPassportCase(agent);
    await pay(agent, record.bjbh, PAYMENT);
    const body = { jyh: PAYMENT.jyh, tkje: '120.00', tksj: '20260303090000' };

    // Act
    const first = await refund(agent, record.bjbh, body);
    const again = await refund(agent, record.bjbh, { ...body, tksj: '20260304090000' });
    const other = await refund(agent, record.bjbh, { ...body, jyh: '4200009999202603029999999999' });
    const partial = await refund(agent, record.bjbh, { ...body, tkje: '60.00' });

    // Assert
    expect(first.body.data.jfxx).toMatchObject({ jfzt: '2', jyh: PAYMENT.jyh, tfsj: '20260303090000' });
    expect(again.body.code).toBe('0000');
    expect(again.body.data.jfxx.tfsj).toBe('20260303090000');
    expect(other.body.code).toBe('4016');
    expect(partial.body.code).toBe('4013');
  });

  it('when a fee was never paid, then a refund is refused (4015)', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await acceptedPassportCase(agent);

    // Act
    const res = await refund(agent, record.bjbh, { jyh: PAYMENT.jyh, tkje: '120.00', tksj: '20260303090000' });

    // Assert
    expect(res.body.code).toBe('4015');
  });

  it('when a fee is due, then the case still moves on to 准予许可 (the fee blocks nothing else)', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await acceptedPassportCase(agent);

    // Act
    await act(agent, record.bjbh, { action: 'review' }).expect(200);
    const approved = await act(agent, record.bjbh, { action: 'approve' }).expect(200);

    // Assert
    expect(approved.body.zt).toBe('05');
    expect(approved.body.jfxx).toMatchObject({ jfzt: '0' });
  });

  it('when the body is malformed or the case unknown, then 1002 or 4004', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await acceptedPassportCase(agent);

    // Act
    const badAmount = await pay(agent, record.bjbh, { ...PAYMENT, jfje: '120元' });
    const badTime = await pay(agent, record.bjbh, { ...PAYMENT, jfsj: '2026-03-02' });
    const unknown = await pay(agent, '20260302440100000000', PAYMENT);
    const noKey = await agent.post(`/approval/v1/cases/${record.bjbh}/jf`).send(PAYMENT);

    // Assert
    expect(badAmount.body.code).toBe('1002');
    expect(badTime.body.code).toBe('1002');
    expect(unknown.body.code).toBe('4004');
    expect(noKey.status).toBe(401);
  });
});
