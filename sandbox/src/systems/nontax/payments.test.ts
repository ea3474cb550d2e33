import {
  DECISION,
  createOrder,
  dayAfterDecision,
  nontaxCall,
  nontaxSandbox,
  openDecision,
  type NontaxHarness,
} from '../../testing/nontax';

let harness: NontaxHarness;
let jkm: string;

beforeEach(async () => {
  harness = nontaxSandbox();
  harness.clock.set(dayAfterDecision(0));
  ({ jkm } = await openDecision(harness));
});

afterEach(() => harness.close());

const RETURN_URL = 'http://127.0.0.1:1/h5/pay/result?order=ORDER-0001';

describe('payment orders', () => {
  it('when the amount is not today’s amount, then the order is refused (2003)', async () => {
    // Arrange
    harness.clock.set(dayAfterDecision(16));

    // Act
    const created = await createOrder(harness, jkm, 'ORDER-0001', { amount: '200.00' });

    // Assert
    expect(created).toEqual({ code: '2003' });
  });

  it('when the same order is registered again, then the same cashier answers; with other content, 2006', async () => {
    // Arrange
    const first = await createOrder(harness, jkm, 'ORDER-0001');

    // Act
    const again = await createOrder(harness, jkm, 'ORDER-0001');
    const other = await createOrder(harness, jkm, 'ORDER-0001', { returnUrl: 'http://127.0.0.1:1/elsewhere' });

    // Assert
    expect(first.code).toBe('0000');
    expect(again.cashierPath).toBe(first.cashierPath);
    expect(other).toEqual({ code: '2006' });
  });

  it('when the citizen opens the cashier, then it shows the decision, the amounts and a 确认缴款 button', async () => {
    // Arrange
    harness.clock.set(dayAfterDecision(17));
    const { cashierPath } = await createOrder(harness, jkm, 'ORDER-0001');

    // Act
    const page = await harness.agent.get(cashierPath ?? '').expect(200);

    // Assert
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain(DECISION.jdsbh);
    expect(page.text).toContain('¥200.00');
    expect(page.text).toContain('¥12.00');
    expect(page.text).toContain('¥212.00');
    expect(page.text).toContain('确认缴款');
    expect(page.text).not.toContain(DECISION.xm);
    expect(page.text).not.toMatch(/<script|<link|src=/);
  });

  it('when the button is pressed, then the order is paid with a receipt and the browser goes to the return URL', async () => {
    // Arrange
    const { cashierPath } = await createOrder(harness, jkm, 'ORDER-0001', { returnUrl: RETURN_URL });

    // Act
    const pressed = await harness.agent
      .post(cashierPath ?? '')
      .type('form')
      .send('')
      .expect(303);
    const order = await nontaxCall(harness, '/payment/query', { ddh: 'ORDER-0001' });
    const bill = await nontaxCall(harness, '/bill/query', { jkm });
    const pageAfter = await harness.agent.get(cashierPath ?? '').expect(200);

    // Assert
    expect(pressed.headers.location).toBe(RETURN_URL);
    expect(order.data).toMatchObject({ ddh: 'ORDER-0001', jkm, jyje: '200.00', zt: '1' });
    expect(order.data?.pjh).toMatch(/^44010026\d{10}$/);
    expect(order.data?.jylsh).toMatch(/^FS\d{20}$/);
    expect(bill.data).toMatchObject({ zt: '1', pjh: order.data?.pjh, jylsh: order.data?.jylsh, yjje: '200.00' });
    expect(pageAfter.text).toContain('缴款成功');
  });

  it('when the bill is paid, then a new order is refused (2004) but a tab opened before still pays', async () => {
    // Arrange
    await createOrder(harness, jkm, 'ORDER-TAB-1');
    const second = await createOrder(harness, jkm, 'ORDER-TAB-2');
    await harness.agent.post('/sandbox/nontax/orders/ORDER-TAB-1/pay').expect(200);

    // Act
    const third = await createOrder(harness, jkm, 'ORDER-TAB-3');
    const freshLook = await harness.agent.get(second.cashierPath ?? '').expect(409);
    const stalePress = await harness.agent
      .post(second.cashierPath ?? '')
      .type('form')
      .send('')
      .expect(303);
    const stats = await harness.agent.get('/sandbox/nontax/stats').expect(200);

    // Assert
    expect(third).toEqual({ code: '2004' });
    expect(freshLook.text).toContain('已缴款');
    expect(stalePress.headers.location).toBeDefined();
    expect(stats.body).toMatchObject({
      settlements: 2,
      settlementsByPaymentCode: { [jkm]: 2 },
      settlementsByOrder: { 'ORDER-TAB-1': 1, 'ORDER-TAB-2': 1 },
    });
  });

  it('when an order is paid through the control route twice, then the second is refused (409)', async () => {
    // Arrange
    await createOrder(harness, jkm, 'ORDER-0001');

    // Act
    const first = await harness.agent.post('/sandbox/nontax/orders/ORDER-0001/pay').expect(200);
    const second = await harness.agent.post('/sandbox/nontax/orders/ORDER-0001/pay');

    // Assert
    expect(first.body).toMatchObject({ ddh: 'ORDER-0001', first: true });
    expect(second.status).toBe(409);
  });

  it('when an unpaid order is closed, then it cannot be paid; closing a paid order answers 2007', async () => {
    // Arrange
    const { cashierPath } = await createOrder(harness, jkm, 'ORDER-OPEN');
    await createOrder(harness, jkm, 'ORDER-PAID');
    await harness.agent.post('/sandbox/nontax/orders/ORDER-PAID/pay').expect(200);

    // Act
    const closed = await nontaxCall(harness, '/payment/close', { ddh: 'ORDER-OPEN' });
    const closedAgain = await nontaxCall(harness, '/payment/close', { ddh: 'ORDER-OPEN' });
    const paid = await nontaxCall(harness, '/payment/close', { ddh: 'ORDER-PAID' });
    const unknown = await nontaxCall(harness, '/payment/close', { ddh: 'ORDER-NONE' });
    const press = await harness.agent.post('/sandbox/nontax/orders/ORDER-OPEN/pay');
    const page = await harness.agent.get(cashierPath ?? '');

    // Assert
    expect(closed).toMatchObject({ code: '0000', data: { ddh: 'ORDER-OPEN', zt: '2' } });
    expect(closedAgain.code).toBe('0000');
    expect(paid.code).toBe('2007');
    expect(unknown.code).toBe('2002');
    expect(press.status).toBe(410);
    expect(page.status).toBe(410);
  });

  it('when an order expires unpaid, then it answers 已关闭 and its cashier refuses', async () => {
    // Arrange
    const { cashierPath } = await createOrder(harness, jkm, 'ORDER-0001');
    harness.clock.advance(31 * 60_000);

    // Act
    const order = await nontaxCall(harness, '/payment/query', { ddh: 'ORDER-0001' });
    const press = await harness.agent
      .post(cashierPath ?? '')
      .type('form')
      .send('');

    // Assert
    expect(order.data).toMatchObject({ zt: '2' });
    expect(press.status).toBe(410);
  });
});

describe('refunds and the 对账单', () => {
  it('when a settlement is refunded in full, then the order is 已退款 and the same refund number answers the same', async () => {
    // Arrange
    await createOrder(harness, jkm, 'ORDER-0001');
    await harness.agent.post('/sandbox/nontax/orders/ORDER-0001/pay').expect(200);
    const refund = { ddh: 'ORDER-0001', tkdh: 'REFUND-0001', tkje: '200.00', tkyy: '重复缴款' };

    // Act
    const partial = await nontaxCall(harness, '/payment/refund', { ...refund, tkje: '100.00' });
    const full = await nontaxCall(harness, '/payment/refund', refund);
    const again = await nontaxCall(harness, '/payment/refund', refund);
    const otherNumber = await nontaxCall(harness, '/payment/refund', { ...refund, tkdh: 'REFUND-0002' });
    const order = await nontaxCall(harness, '/payment/query', { ddh: 'ORDER-0001' });

    // Assert
    expect(partial.code).toBe('2008');
    expect(full).toMatchObject({ code: '0000', data: { ddh: 'ORDER-0001', tkdh: 'REFUND-0001', tkje: '200.00' } });
    expect(full.data?.tklsh).toMatch(/^TK\d{20}$/);
    expect(again.data).toEqual(full.data);
    expect(otherNumber.code).toBe('2012');
    expect(order.data).toMatchObject({ zt: '3', tkdh: 'REFUND-0001' });
  });

  it('when an unpaid order is refunded, then 2009', async () => {
    // Arrange
    await createOrder(harness, jkm, 'ORDER-0001');

    // Act
    const answer = await nontaxCall(harness, '/payment/refund', {
      ddh: 'ORDER-0001',
      tkdh: 'REFUND-0001',
      tkje: '200.00',
      tkyy: '测试',
    });

    // Assert
    expect(answer.code).toBe('2009');
  });

  it('when the day is over, then its 对账单 lists its payments and refunds, a refund on its own day', async () => {
    // Arrange
    await createOrder(harness, jkm, 'ORDER-TAB-1');
    await createOrder(harness, jkm, 'ORDER-TAB-2');
    await harness.agent.post('/sandbox/nontax/orders/ORDER-TAB-1/pay').expect(200);
    await harness.agent.post('/sandbox/nontax/orders/ORDER-TAB-2/pay').expect(200);
    harness.clock.set(dayAfterDecision(1));
    await nontaxCall(harness, '/payment/refund', {
      ddh: 'ORDER-TAB-2',
      tkdh: 'REFUND-0001',
      tkje: '200.00',
      tkyy: '重复缴款',
    });

    // Act
    const dayOne = await nontaxCall(harness, '/statement/query', { dzrq: '20261201' });
    const dayTwo = await nontaxCall(harness, '/statement/query', { dzrq: '20261202' });

    // Assert
    expect(dayOne.data).toMatchObject({
      dzrq: '20261201',
      bs: '2',
      mx: [
        { lx: '1', ddh: 'ORDER-TAB-1', jkm, jdsbh: DECISION.jdsbh, jyje: '200.00' },
        { lx: '1', ddh: 'ORDER-TAB-2', jkm, jyje: '200.00' },
      ],
    });
    expect(dayTwo.data).toMatchObject({
      bs: '1',
      mx: [
        {
          lx: '2',
          ddh: 'ORDER-TAB-2',
          tkdh: 'REFUND-0001',
          tkje: '200.00',
          zfsj: expect.stringMatching(/^20261201/) as unknown,
        },
      ],
    });
  });

  it('when the platform is faulted, then it answers 500 in its own envelope; the control API still works', async () => {
    // Arrange
    await harness.agent.put('/sandbox/faults/nontax').send({ errorRate: 1 }).expect(200);

    // Act
    const res = await harness.agent.post('/nontax/api/v1/bill/query').send({});
    const control = await harness.agent.get(`/sandbox/nontax/bills/${jkm}`);

    // Assert
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: '9999', sign: '' });
    expect(control.status).toBe(200);
  });

  it('when the sandbox is reset, then bills and orders are gone', async () => {
    // Arrange
    await createOrder(harness, jkm, 'ORDER-0001');

    // Act
    await harness.agent.post('/sandbox/reset').expect(200);
    const bill = await nontaxCall(harness, '/bill/query', { jkm });

    // Assert
    expect(bill.code).toBe('2001');
  });
});
