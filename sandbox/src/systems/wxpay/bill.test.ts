import { createHash } from 'node:crypto';
import { newSandbox } from '../../testing/fixtures';
import { jsapiBody, outTradeNo, platformSigned, signedGet, signedPost } from '../../testing/wxpay';

const DAY = '2026-12-01';

describe('wxpay trade bill', () => {
  it('when a day had a payment and a refund, then its bill lists both with backtick fields and the right hash', async () => {
    // Arrange
    const agent = newSandbox();
    await agent
      .post('/sandbox/clock')
      .send({ set: `${DAY}T10:00:00+08:00` })
      .expect(200);
    const no = outTradeNo();
    await signedPost(agent, '/v3/pay/transactions/jsapi', jsapiBody({ outTradeNo: no, total: 20000 })).expect(200);
    await agent.post(`/sandbox/wxpay/orders/${no}/pay`).expect(200);
    await signedPost(agent, '/v3/refund/domestic/refunds', {
      out_trade_no: no,
      out_refund_no: `R${no}`,
      amount: { refund: 5000, total: 20000, currency: 'CNY' },
    }).expect(200);
    await agent.post('/sandbox/clock').send({ set: '2026-12-02T10:00:00+08:00' }).expect(200);

    // Act
    const applied = await signedGet(agent, `/v3/bill/tradebill?bill_date=${DAY}&bill_type=ALL`);
    const url = new URL(applied.body.download_url as string);
    const file = await signedGet(agent, `${url.pathname}${url.search}`);

    // Assert
    expect(applied.status).toBe(200);
    expect(platformSigned(applied.headers, applied.text)).toBe(true);
    expect(applied.body.hash_type).toBe('SHA1');
    expect(file.status).toBe(200);
    expect(createHash('sha1').update(file.text).digest('hex')).toBe(applied.body.hash_value);
    const lines = file.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^交易时间,公众账号ID,商户号/);
    expect(lines[1]).toContain(`\`${no},`);
    expect(lines[1]).toContain('`SUCCESS,');
    expect(lines[1]).toContain('`200.00,');
    expect(lines[2]).toContain('`REFUND,');
    expect(lines[2]).toContain(`\`R${no},\`50.00,`);
    expect(lines[3]).toMatch(/^总交易单数/);
    expect(lines[4]).toMatch(/^`2,`200.00,`50.00,/);
  });

  it('when a day had no trades, then it answers 400 NO_STATEMENT_EXIST', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await signedGet(agent, `/v3/bill/tradebill?bill_date=${DAY}&bill_type=ALL`);

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('NO_STATEMENT_EXIST');
  });

  it("when today's bill is asked for, then it answers 400 STATEMENT_CREATING", async () => {
    // Arrange
    const agent = newSandbox();
    await agent
      .post('/sandbox/clock')
      .send({ set: `${DAY}T23:00:00+08:00` })
      .expect(200);

    // Act
    const res = await signedGet(agent, `/v3/bill/tradebill?bill_date=${DAY}&bill_type=ALL`);

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('STATEMENT_CREATING');
  });
});
