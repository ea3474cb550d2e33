import { randomBytes, randomUUID } from 'node:crypto';
import { toCompactDate } from '@suijing/shared';
import type {
  ApplicationDetail,
  FineDue,
  HandlingDecision,
  ViolationList,
  PaymentOrder,
  PaymentOrderList,
} from '@suijing/shared';
import { Types } from 'mongoose';
import { bearer, loginByWechat, passInPerson, verifiedStranger, verifyIdentity } from '../support/auth-helpers';
import { eventually } from '../support/eventually';
import { acceptedPassportCase } from '../support/fees';
import { checkStructure, shownTexts } from '../support/pdf';
import { startTestStack, type TestStack } from '../support/stack';

const MINUTE = 60_000;
const beijingDay = (at: Date): string => toCompactDate(at).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
const DAY = 86_400_000;

interface OrderDoc {
  outTradeNo: string;
  state: string;
  settledBy?: string;
  transactionId?: string;
  paidAt?: Date;
  duplicate?: boolean;
  feeConfirmedAt?: Date;
  feeRefundRecordedAt?: Date;
  purgeAt?: Date;
  refund?: { reason: string; state: string };
}

/**
 * 缴款 against the sandbox's WeChat Pay, 非税 and approval systems over real
 * HTTP: the BFF listens on a port from the start, so the platforms' signed
 * notices arrive as they would in production.
 */
describe('payments: fees by WeChat Pay, fines by the 非税 platform, notices, refunds, receipts', () => {
  let stack: TestStack;
  let person: { name: string; idNumber: string; phone: string; openid: string };
  let token: string;
  let refreshToken: string;

  beforeAll(async () => {
    stack = await startTestStack();
    const url = await stack.listen();
    await stack.sandbox.setApprovalWebhook(`${url}/api/v1/hooks/approval`);
    person = await stack.sandbox.citizen('primary');
    ({ accessToken: token, refreshToken } = await loginByWechat(stack, person.openid));
    await verifyIdentity(stack, token, person);
  });
  afterAll(() => stack.close());
  afterEach(async () => {
    await stack.sandbox.clearFaults();
    await stack.sandbox.holdWxpayNotices(false);
    await stack.sandbox.holdNontaxCallbacks(false);
  });

  /** Fresh tokens for the same session (its 实人 check stays) after time has moved past the access token. */
  async function signIn(): Promise<string> {
    const res = await stack.api().post('/api/v1/auth/refresh').send({ refreshToken }).expect(200);
    ({ accessToken: token, refreshToken } = res.body as { accessToken: string; refreshToken: string });
    return token;
  }

  const orders = () => stack.connection.collection<OrderDoc>('payment_orders');
  const docOf = async (id: string): Promise<OrderDoc> => {
    const doc = await orders().findOne({ _id: new Types.ObjectId(id) } as object);
    if (!doc) throw new Error(`no order ${id}`);
    return doc;
  };

  const createOrder = (body: object, accessToken = token, key: string = randomUUID()) =>
    stack.api().post('/api/v1/payments/orders').set(bearer(accessToken)).set('Idempotency-Key', key).send(body);

  async function feeOrder(caseId: string, channel: 'jsapi' | 'h5' = 'jsapi'): Promise<PaymentOrder> {
    const res = await createOrder({ thing: { kind: 'fee', caseId }, channel });
    if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as PaymentOrder;
  }

  const getOrder = (id: string, accessToken = token) =>
    stack.api().get(`/api/v1/payments/orders/${id}`).set(bearer(accessToken));

  const caseView = async (caseNo: string): Promise<ApplicationDetail> =>
    (await stack.api().get(`/api/v1/applications/${caseNo}`).set(bearer(token)).expect(200)).body as ApplicationDetail;

  const settled = (id: string, state = 'paid') =>
    eventually(
      () => docOf(id),
      (doc) => doc.state === state,
    );

  describe('fees (WeChat Pay)', () => {
    it('when I pay a passport fee with jsapi, then the notice settles it, the case shows 已缴费 and the receipt is a PDF', async () => {
      // Arrange
      const caseNo = await acceptedPassportCase(stack, token, person);
      expect((await caseView(caseNo)).fee).toMatchObject({ amountFen: 12000, state: 'due', stateText: '待缴费' });

      // Act
      const order = await feeOrder(caseNo);
      await stack.sandbox.wxpayPay((await docOf(order.id)).outTradeNo);
      const doc = await settled(order.id);

      // Assert
      expect(order).toMatchObject({
        thing: { kind: 'fee', reference: caseNo, caseId: caseNo },
        platform: 'wxpay',
        lines: [{ label: '普通护照工本费', amountFen: 12000 }],
        amountFen: 12000,
        state: 'pending',
        pay: { kind: 'jsapi', params: { signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) } },
      });
      expect(doc).toMatchObject({ state: 'paid', settledBy: 'notice' });
      const fee = await eventually(
        async () => (await caseView(caseNo)).fee,
        (value) => value?.state === 'paid',
      );
      expect(fee).toMatchObject({ state: 'paid', stateText: '已缴费' });
      const view = (await getOrder(order.id).expect(200)).body as PaymentOrder;
      expect(view).toMatchObject({ state: 'paid', stateText: '已支付', receiptAvailable: true });
      expect(view.pay).toBeUndefined();
      expect(view.tradeNoMasked).toMatch(/^\d{4}\*+\d{4}$/);
      const receipt = await stack
        .api()
        .get(`/api/v1/payments/orders/${order.id}/receipt`)
        .set(bearer(token))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(receipt.headers['content-type']).toBe('application/pdf');
      const pdf = receipt.body as Buffer;
      expect(checkStructure(pdf).objects).toBe(8);
      const texts = shownTexts(pdf);
      expect(texts).toEqual(expect.arrayContaining(['￥120.00', '人民币壹佰贰拾元整', caseNo, '微信支付']));
      expect(texts.join('\n')).not.toContain(person.name);
      expect(texts.join('\n')).not.toContain(doc.transactionId ?? 'none');
    });

    it('when the thing is paid already, then a new order is 409 ALREADY_PAID', async () => {
      // Arrange
      const caseNo = await acceptedPassportCase(stack, token, person);
      const order = await feeOrder(caseNo);
      await stack.sandbox.wxpayPay((await docOf(order.id)).outTradeNo);
      await settled(order.id);

      // Act
      const again = await createOrder({ thing: { kind: 'fee', caseId: caseNo }, channel: 'jsapi' });

      // Assert
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ALREADY_PAID');
    });

    it('when a pending order of the same thing is live, then it is resumed with a fresh pay action, not doubled; the same key answers the same', async () => {
      // Arrange
      const caseNo = await acceptedPassportCase(stack, token, person);
      const key = randomUUID();
      const first = (await createOrder({ thing: { kind: 'fee', caseId: caseNo }, channel: 'jsapi' }, token, key))
        .body as PaymentOrder;

      // Act
      const repeat = await createOrder({ thing: { kind: 'fee', caseId: caseNo }, channel: 'jsapi' }, token, key);
      const resumed = await feeOrder(caseNo);

      // Assert
      expect(repeat.status).toBe(201);
      expect((repeat.body as PaymentOrder).id).toBe(first.id);
      expect(resumed.id).toBe(first.id);
      expect(resumed.pay?.kind).toBe('jsapi');
      expect(await orders().countDocuments({ thingKey: `fee:${caseNo}` })).toBe(1);
    });

    it('when a notice is replayed, forged or stale, then nothing changes (replay acknowledged, forged 401, stale 400)', async () => {
      // Arrange
      const caseNo = await acceptedPassportCase(stack, token, person);
      const order = await feeOrder(caseNo);
      const { outTradeNo } = await docOf(order.id);
      await stack.sandbox.wxpayPay(outTradeNo);
      const before = await settled(order.id);
      // The order is paid once the BFF has stored the notice; WeChat Pay counts it acknowledged once the answer arrives.
      const delivered = await eventually(
        () => stack.sandbox.wxpayOrder(outTradeNo),
        (seen) => seen.notifications.some((n) => n.acknowledged),
      );
      const notice = delivered.notifications.find((n) => n.acknowledged);
      if (!notice) throw new Error('no delivered notice');

      // Act
      const replayed = await stack.sandbox.replayWxpayNotice(notice.id);
      const forged = await stack
        .api()
        .post('/api/v1/hooks/wxpay')
        .set({
          'Wechatpay-Timestamp': String(Math.floor(stack.clock.now().getTime() / 1000)),
          'Wechatpay-Nonce': randomBytes(16).toString('hex'),
          'Wechatpay-Signature': randomBytes(256).toString('base64'),
          'Wechatpay-Serial': stack.config.wxpay.platformPublicKeyId,
        })
        .send({
          id: randomUUID(),
          create_time: new Date().toISOString(),
          resource_type: 'encrypt-resource',
          event_type: 'TRANSACTION.SUCCESS',
          summary: '支付成功',
          resource: {
            algorithm: 'AEAD_AES_256_GCM',
            ciphertext: 'AAAA',
            associated_data: 'transaction',
            nonce: 'abcdefabcdef',
          },
        });
      await stack.advanceTime(6 * MINUTE);
      const stale = await stack.sandbox.replayWxpayNotice(notice.id);
      const after = await docOf(order.id);

      // Assert
      expect(replayed.status).toBe(204);
      expect(forged.status).toBe(401);
      expect(forged.body).toMatchObject({ code: 'FAIL' });
      expect(stale.status).toBe(400);
      expect(after).toMatchObject({ state: 'paid', transactionId: before.transactionId, paidAt: before.paidAt });
      expect((await stack.sandbox.wxpayStats()).payments[outTradeNo]).toBe(1);
      await signIn();
    });

    it('when the notice has not come yet, then reading the order asks WeChat Pay and settles it; the late notice changes nothing', async () => {
      // Arrange
      await stack.sandbox.holdWxpayNotices(true);
      const caseNo = await acceptedPassportCase(stack, token, person);
      const order = await feeOrder(caseNo);
      const { outTradeNo } = await docOf(order.id);
      await stack.sandbox.wxpayPay(outTradeNo);

      // Act
      const read = (await getOrder(order.id).expect(200)).body as PaymentOrder;
      await stack.sandbox.holdWxpayNotices(false);
      await stack.advanceTime(20_000);
      const delivered = await eventually(
        () => stack.sandbox.wxpayOrder(outTradeNo),
        (state) => state.notifications.some((n) => n.acknowledged),
      );

      // Assert
      expect(read.state).toBe('paid');
      const doc = await docOf(order.id);
      expect(doc).toMatchObject({ state: 'paid', settledBy: 'query' });
      expect(doc.feeConfirmedAt).toBeDefined();
      expect(delivered.notifications.some((n) => n.acknowledged)).toBe(true);
      expect((await docOf(order.id)).paidAt).toEqual(doc.paidAt);
    });

    it('when the BFF was unreachable for the notice, then WeChat Pay retries and the retry settles it', async () => {
      // Arrange
      await stack.sandbox.holdWxpayNotices(true);
      const caseNo = await acceptedPassportCase(stack, token, person);
      const order = await feeOrder(caseNo);
      await stack.sandbox.wxpayPay((await docOf(order.id)).outTradeNo);
      expect((await docOf(order.id)).state).toBe('pending');

      // Act
      await stack.sandbox.holdWxpayNotices(false);
      await stack.advanceTime(20_000);
      const doc = await settled(order.id);

      // Assert
      expect(doc).toMatchObject({ state: 'paid', settledBy: 'notice' });
    });

    it('when a thing is paid twice (the first order was paid although we had it closed), then one charge is kept and the later one refunded in full', async () => {
      // Arrange: the first order's close never reached WeChat Pay, so both orders can be paid.
      const caseNo = await acceptedPassportCase(stack, token, person);
      const first = await feeOrder(caseNo);
      await orders().updateOne({ _id: new Types.ObjectId(first.id) } as object, { $set: { state: 'closed' } });
      const second = await feeOrder(caseNo, 'h5');
      const [a, b] = [(await docOf(first.id)).outTradeNo, (await docOf(second.id)).outTradeNo];

      // Act
      await stack.sandbox.wxpayPay(a);
      await settled(first.id);
      await stack.sandbox.wxpayPay(b);
      const refunded = await eventually(
        () => docOf(second.id),
        (doc) => doc.state === 'refunded',
      );

      // Assert
      expect(second.pay?.kind).toBe('redirect');
      expect(await docOf(first.id)).toMatchObject({ state: 'paid' });
      expect(refunded).toMatchObject({
        state: 'refunded',
        duplicate: true,
        refund: { reason: '重复支付自动退款', state: 'refunded' },
      });
      const stats = await stack.sandbox.wxpayStats();
      expect(stats.refunds[b]).toBe(12000);
      expect(stats.refunds[a]).toBeUndefined();
      expect((await caseView(caseNo)).fee?.state).toBe('paid');
      const view = (await getOrder(second.id).expect(200)).body as PaymentOrder;
      expect(view.refunds).toEqual([
        expect.objectContaining({ amountFen: 12000, reason: '重复支付自动退款', state: 'refunded' }),
      ]);
    });

    it('when the payments of one thing are learned out of order (the later one first, by query), then still one charge is kept and one refunded, and the fee is confirmed once', async () => {
      // Arrange: two orders of one case both paid while WeChat Pay cannot reach us.
      await stack.sandbox.holdWxpayNotices(true);
      const caseNo = await acceptedPassportCase(stack, token, person);
      const first = await feeOrder(caseNo);
      await orders().updateOne({ _id: new Types.ObjectId(first.id) } as object, { $set: { state: 'closed' } });
      const second = await feeOrder(caseNo, 'h5');
      const [a, b] = [(await docOf(first.id)).outTradeNo, (await docOf(second.id)).outTradeNo];
      await stack.sandbox.wxpayPay(a);
      await stack.sandbox.wxpayPay(b);

      // Act: the later payment is settled first (the citizen's app asks), then the earlier one's notice arrives.
      const later = (await getOrder(second.id).expect(200)).body as PaymentOrder;
      await stack.sandbox.holdWxpayNotices(false);
      await stack.advanceTime(20_000);
      const earlier = await eventually(
        () => docOf(first.id),
        (doc) => doc.state === 'refunded',
      );

      // Assert
      expect(later.state).toBe('paid');
      expect(await docOf(second.id)).toMatchObject({ state: 'paid', settledBy: 'query' });
      expect(earlier).toMatchObject({ duplicate: true, refund: { reason: '重复支付自动退款', state: 'refunded' } });
      const stats = await stack.sandbox.wxpayStats();
      expect(stats.payments[a]).toBe(1);
      expect(stats.payments[b]).toBe(1);
      expect(stats.refunds[a]).toBe(12000);
      expect(stats.refunds[b]).toBeUndefined();
      expect((await caseView(caseNo)).fee?.state).toBe('paid');
    });

    it('when I withdraw a case whose fee is paid, then the fee is refunded and the approval system records the refund', async () => {
      // Arrange
      const caseNo = await acceptedPassportCase(stack, token, person);
      const order = await feeOrder(caseNo);
      await stack.sandbox.wxpayPay((await docOf(order.id)).outTradeNo);
      await eventually(
        () => docOf(order.id),
        (doc) => doc.feeConfirmedAt !== undefined,
      );

      // Act
      await stack
        .api()
        .post(`/api/v1/applications/${caseNo}/withdraw`)
        .set(bearer(token))
        .send({ reason: '行程取消，不再办理' })
        .expect(200);
      const doc = await eventually(
        () => docOf(order.id),
        (value) => value.feeRefundRecordedAt !== undefined,
      );

      // Assert
      expect(doc).toMatchObject({ state: 'refunded', refund: { reason: '撤回申请退款', state: 'refunded' } });
      expect((await caseView(caseNo)).fee).toMatchObject({ state: 'refunded', stateText: '已退费' });
    });

    it('when the case is refused (06) while its fee is paid, then the webhook leads to a refund', async () => {
      // Arrange
      const caseNo = await acceptedPassportCase(stack, token, person);
      const order = await feeOrder(caseNo);
      await stack.sandbox.wxpayPay((await docOf(order.id)).outTradeNo);
      await eventually(
        () => docOf(order.id),
        (doc) => doc.feeConfirmedAt !== undefined,
      );

      // Act
      await stack.sandbox.approvalAction(caseNo, 'reject', { yj: '申请人不符合办理条件' });
      const doc = await eventually(
        () => docOf(order.id),
        (value) => value.feeRefundRecordedAt !== undefined,
      );

      // Assert
      expect(doc).toMatchObject({ state: 'refunded', refund: { reason: '不予许可退款', state: 'refunded' } });
      expect((await caseView(caseNo)).fee?.state).toBe('refunded');
    });

    it("when another person asks for my order or pays my case's fee, then 404", async () => {
      // Arrange
      const caseNo = await acceptedPassportCase(stack, token, person);
      const order = await feeOrder(caseNo);
      const stranger = (await verifiedStranger(stack)).accessToken;

      // Act
      const read = await getOrder(order.id, stranger);
      const receipt = await stack.api().get(`/api/v1/payments/orders/${order.id}/receipt`).set(bearer(stranger));
      const pay = await createOrder({ thing: { kind: 'fee', caseId: caseNo }, channel: 'h5' }, stranger);
      const list = (await stack.api().get('/api/v1/payments/orders').set(bearer(stranger)).expect(200))
        .body as PaymentOrderList;

      // Assert
      expect(read.status).toBe(404);
      expect(read.body.error.code).toBe('PAYMENT_ORDER_NOT_FOUND');
      expect(receipt.status).toBe(404);
      expect(pay.status).toBe(404);
      expect(pay.body.error.code).toBe('CASE_NOT_FOUND');
      expect(list.items).toEqual([]);
    });

    it('when the client sends an amount, then 400: amounts only ever come from the creditor', async () => {
      // Arrange
      const caseNo = await acceptedPassportCase(stack, token, person);

      // Act
      const top = await createOrder({ thing: { kind: 'fee', caseId: caseNo }, channel: 'jsapi', amountFen: 1 });
      const inner = await createOrder({ thing: { kind: 'fee', caseId: caseNo, amountFen: 1 }, channel: 'jsapi' });

      // Assert
      expect(top.status).toBe(400);
      expect(inner.status).toBe(400);
      expect(await orders().countDocuments({ thingKey: `fee:${caseNo}` })).toBe(0);
    });

    it('when an order stays unpaid 30 minutes, then reading it or the sweep closes it at WeChat Pay; a new attempt may follow', async () => {
      // Arrange
      const onRead = await feeOrder(await acceptedPassportCase(stack, token, person));
      const caseNo = await acceptedPassportCase(stack, token, person);
      const bySweep = await feeOrder(caseNo);

      // Act
      await stack.advanceTime(31 * MINUTE);
      await signIn();
      const read = (await getOrder(onRead.id).expect(200)).body as PaymentOrder;
      const swept = await stack.app.payments.sweep();
      const next = await feeOrder(caseNo);

      // Assert
      expect(read.state).toBe('closed');
      expect(swept.closed).toBeGreaterThanOrEqual(1);
      const closed = await docOf(bySweep.id);
      expect(closed.state).toBe('closed');
      expect(closed.purgeAt?.getTime()).toBeGreaterThan(stack.clock.now().getTime() + 179 * DAY);
      expect((await stack.sandbox.wxpayOrder(closed.outTradeNo)).state).toBe('CLOSED');
      expect(next.id).not.toBe(bySweep.id);
      expect(next.state).toBe('pending');
    });

    it('when I list 我的缴费, then my orders come newest first with their state', async () => {
      // Act
      const list = (await stack.api().get('/api/v1/payments/orders').set(bearer(token)).expect(200))
        .body as PaymentOrderList;

      // Assert
      expect(list.items.length).toBeGreaterThan(5);
      const times = list.items.map((item) => item.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect([...new Set(list.items.map((item) => item.state))]).toEqual(
        expect.arrayContaining(['paid', 'closed', 'pending', 'refunded']),
      );
      expect(list.items.every((item) => !('pay' in item))).toBe(true);
    });

    it('when a notice was lost for good, then the next day’s reconciliation settles the payment and reports no difference', async () => {
      // Arrange: one payment whose notice came, one whose notice never will.
      const normal = await feeOrder(await acceptedPassportCase(stack, token, person));
      await stack.sandbox.wxpayPay((await docOf(normal.id)).outTradeNo);
      await settled(normal.id);
      await stack.sandbox.holdWxpayNotices(true);
      const caseNo = await acceptedPassportCase(stack, token, person);
      const order = await feeOrder(caseNo);
      await stack.sandbox.wxpayPay((await docOf(order.id)).outTradeNo);
      const day = beijingDay(stack.clock.now());

      // Act
      await stack.advanceTime(DAY);
      const report = await stack.app.payments.reconcile(day);
      // Every other day with payments of this suite (the run may straddle Beijing midnight) agrees in full.
      const paidDays = new Set(
        (
          await orders()
            .find({ paidAt: { $exists: true } })
            .toArray()
        ).map((doc) => beijingDay(doc.paidAt ?? new Date())),
      );
      const others = [];
      for (const other of [...paidDays].filter((d) => d !== day))
        others.push(await stack.app.payments.reconcile(other));

      // Assert
      expect(report.fixed).toEqual([{ orderId: order.id, what: 'missed-payment-notice' }]);
      expect([report, ...others].flatMap((r) => r.differences)).toEqual([]);
      expect([report, ...others].reduce((sum, r) => sum + r.matched, 0)).toBeGreaterThanOrEqual(1);
      expect(await docOf(order.id)).toMatchObject({ state: 'paid', settledBy: 'reconciliation' });
      await signIn();
    });
  });

  describe('evidence that does not match', () => {
    it("when a notice's payer differs from the order's, then it is not counted as paid, the log line names no one and the reconciliation reports it", async () => {
      // Arrange: the order was opened for another payer (as if the prepay had been taken by someone else).
      await signIn();
      const order = await feeOrder(await acceptedPassportCase(stack, token, person));
      await orders().updateOne({ _id: new Types.ObjectId(order.id) } as object, { $set: { payerTag: 'someone-else' } });
      const { outTradeNo } = await docOf(order.id);

      // Act
      await stack.sandbox.wxpayPay(outTradeNo);
      await eventually(
        () => stack.sandbox.wxpayOrder(outTradeNo),
        (state) => state.notifications.some((n) => n.acknowledged),
      );
      const read = (await getOrder(order.id).expect(200)).body as PaymentOrder;
      const day = beijingDay(stack.clock.now());
      await stack.advanceTime(DAY);
      const report = await stack.app.payments.reconcile(day);

      // Assert
      expect(read.state).toBe('pending');
      expect((await docOf(order.id)).state).toBe('pending');
      const lines = stack.logs.filter((line) => line.includes('does not match the order'));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.every((line) => line.includes('"problem":"payer"') && !line.includes(person.openid))).toBe(true);
      expect(report.differences).toEqual([
        expect.objectContaining({ kind: 'evidence-mismatch', orderId: order.id, platform: 'wxpay' }),
      ]);
      await signIn();
    });
  });

  describe('fines (非税 platform)', () => {
    /** Two 决定书 of mine, issued by handling two camera records online (100 元, no points each). */
    const decisions: HandlingDecision[] = [];

    /** A new login of the same WeChat user with a fresh 实人 check, once the old session has lapsed. */
    async function newSession(): Promise<void> {
      ({ accessToken: token, refreshToken } = await loginByWechat(stack, person.openid));
      await passInPerson(stack, token);
    }

    const fineDue = async (decisionNo: string): Promise<FineDue> =>
      (await stack.api().get(`/api/v1/payments/fines/${decisionNo}`).set(bearer(token)).expect(200)).body as FineDue;

    beforeAll(async () => {
      await signIn();
      for (let i = 0; i < 2; i += 1) await stack.sandbox.addViolation(person.idNumber, { lx: 'fxc', wfxw: '1208' });
      const list = (
        await stack.api().get('/api/v1/violations').query({ kind: 'camera' }).set(bearer(token)).expect(200)
      ).body as ViolationList;
      for (const violation of list.items.filter((v) => v.code === '1208' && !v.handled)) {
        if (decisions.length === 2) break;
        const res = await stack
          .api()
          .post(`/api/v1/violations/${violation.id}/handling`)
          .set(bearer(token))
          .set('Idempotency-Key', randomUUID());
        if (res.status === 201) decisions.push(res.body as HandlingDecision);
      }
      if (decisions.length < 2) throw new Error('could not handle two violations online');
    });

    it("when I pay a fine at the 非税 cashier, then its callback settles it with the platform's 票据号; replays change nothing; paying again is 409", async () => {
      // Arrange
      const decision = decisions[0] as HandlingDecision;
      const due = await fineDue(decision.decisionNo);

      // Act
      const created = await createOrder({ thing: { kind: 'fine', decisionNo: decision.decisionNo }, channel: 'h5' });
      const order = created.body as PaymentOrder;
      const { outTradeNo } = await docOf(order.id);
      const paid = await stack.sandbox.nontaxPay(outTradeNo);
      const doc = await settled(order.id);
      await stack.sandbox.replayNontaxCallback(outTradeNo, true);
      await stack.sandbox.replayNontaxCallback(outTradeNo, false);
      const again = await createOrder({ thing: { kind: 'fine', decisionNo: decision.decisionNo }, channel: 'h5' });
      const after = await fineDue(decision.decisionNo);

      // Assert
      expect(due).toMatchObject({
        decisionNo: decision.decisionNo,
        lines: [{ label: '罚款', amountFen: 10000 }],
        totalFen: 10000,
        daysLate: 0,
        lateFeeCapped: false,
        state: 'unpaid',
        dueDate: decision.dueDate,
      });
      expect(due.paymentCode).toMatch(/^\d{20}$/);
      expect(created.status).toBe(201);
      expect(order).toMatchObject({
        platform: 'nontax',
        amountFen: 10000,
        thing: { kind: 'fine', reference: decision.decisionNo },
      });
      expect(order.pay).toMatchObject({ kind: 'redirect', url: expect.stringContaining(stack.sandbox.url) });
      expect(doc).toMatchObject({ state: 'paid', settledBy: 'notice', transactionId: paid.jylsh });
      const view = (await getOrder(order.id).expect(200)).body as PaymentOrder;
      expect(view).toMatchObject({
        state: 'paid',
        receiptNo: `${paid.pjh.slice(0, 8)}-${paid.pjh.slice(8)}`,
        receiptAvailable: true,
      });
      expect((await stack.sandbox.nontaxStats()).settlementsByOrder[outTradeNo]).toBe(1);
      expect((await docOf(order.id)).paidAt).toEqual(doc.paidAt);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ALREADY_PAID');
      expect(after).toMatchObject({ state: 'paid', paidOrderId: order.id });
    });

    it('when the fine is read on day 15, 16 and long after, then the bill adds no 加处罚款, then 3 % a day, capped at the fine', async () => {
      // Arrange
      const decision = decisions[1] as HandlingDecision;
      const days = Math.round(
        (Date.parse(`${decision.dueDate}T00:00:00Z`) - Date.parse(`${beijingDay(stack.clock.now())}T00:00:00Z`)) / DAY,
      );

      // Act
      await stack.advanceTime(days * DAY);
      await signIn();
      const lastFreeDay = await fineDue(decision.decisionNo);
      await stack.advanceTime(DAY);
      await signIn();
      const firstLateDay = await fineDue(decision.decisionNo);
      await stack.advanceTime(100 * DAY);
      await newSession();
      const farBeyond = await fineDue(decision.decisionNo);
      const order = (await createOrder({ thing: { kind: 'fine', decisionNo: decision.decisionNo }, channel: 'jsapi' }))
        .body as PaymentOrder;

      // Assert
      expect(lastFreeDay).toMatchObject({ lines: [{ label: '罚款', amountFen: 10000 }], totalFen: 10000, daysLate: 0 });
      expect(firstLateDay).toMatchObject({
        lines: [
          { label: '罚款', amountFen: 10000 },
          { label: '加处罚款', amountFen: 300 },
        ],
        totalFen: 10300,
        daysLate: 1,
        lateFeeCapped: false,
      });
      expect(farBeyond).toMatchObject({ totalFen: 20000, daysLate: 101, lateFeeCapped: true });
      expect(order).toMatchObject({ amountFen: 20000, platform: 'nontax', pay: { kind: 'redirect' } });
    });
  });

  it('when the suite has run, then no openid, full trade number or transaction id reached the logs', async () => {
    // Arrange
    const docs = await orders().find({}).toArray();
    const secrets = [
      person.openid,
      ...docs.map((doc) => doc.outTradeNo),
      ...docs.flatMap((doc) => (doc.transactionId ? [doc.transactionId] : [])),
    ];

    // Act
    const leaked = secrets.filter((secret) => stack.logs.some((line) => line.includes(secret)));

    // Assert
    expect(docs.length).toBeGreaterThan(10);
    expect(leaked).toEqual([]);
  });
});
