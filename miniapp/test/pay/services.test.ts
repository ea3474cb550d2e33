import { resetApiClientForTests } from '@/services/api-client';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { startPayment } from '@/packages/pay/services/start-payment';
import { settleOrder } from '@/packages/pay/services/settle-order';
import { pendingOrder } from '@/packages/pay/services/pending-order';
import { loadPayable } from '@/packages/pay/services/payable';
import { saveReceiptPdf } from '@/packages/pay/services/receipt';
import { fenText } from '@/utils/money';
import { taroStub, type RequestOptionLike } from '../stubs/taro';
import { CASE_NO, DECISION_NO, fineDue, ORDER_ID, paidOrder, paymentOrder } from '../fixtures/payments';

const ok = (data: unknown, statusCode = 200) => ({ statusCode, data, header: {} });
const calls = (): RequestOptionLike[] => taroStub.request.mock.calls.map(([options]) => options);
const requestPayment = jest.fn<Promise<{ errMsg: string }>, [Record<string, string>]>();

beforeAll(() => {
  Object.assign(taroStub, { requestPayment });
});

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
  process.env.TARO_ENV = 'h5';
});

afterAll(() => {
  process.env.TARO_ENV = 'h5';
});

describe('fenText', () => {
  it('when fen are formatted, then they read as yuan with two decimals', () => {
    // Act
    const shown = [12_000, 5, 0, 123_456].map(fenText);

    // Assert
    expect(shown).toEqual(['¥120.00', '¥0.05', '¥0.00', '¥1234.56']);
  });
});

describe('startPayment', () => {
  it('when 确认支付 in the browser build, then it opens an h5 order returning to the result page and goes to the cashier', async () => {
    // Arrange
    const cashier = 'https://pay.example.test/h5/cashier?prepay=1';
    taroStub.request.mockResolvedValue(ok(paymentOrder({ pay: { kind: 'redirect', url: cashier } }), 201));
    const opened: string[] = [];

    // Act
    const outcome = await startPayment({ kind: 'fee', caseId: CASE_NO }, { openCashier: (url) => opened.push(url) });

    // Assert
    const [post] = calls();
    expect(post?.method).toBe('POST');
    expect(post?.url).toBe('/api/v1/payments/orders');
    expect(post?.data).toEqual({
      thing: { kind: 'fee', caseId: CASE_NO },
      channel: 'h5',
      returnPath: '/packages/pay/pages/result/index',
    });
    expect(post?.header?.['Idempotency-Key']).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(opened).toEqual([cashier]);
    expect(outcome).toEqual({ kind: 'cashier', orderId: ORDER_ID });
    expect(pendingOrder()).toBe(ORDER_ID);
  });

  it('when the first try fails on the network, then the retry sends the same Idempotency-Key', async () => {
    // Arrange
    taroStub.request
      .mockRejectedValueOnce(new Error('request:fail'))
      .mockResolvedValueOnce(ok(paymentOrder({ pay: { kind: 'redirect', url: 'https://pay.example.test/c' } }), 201));

    // Act
    await startPayment({ kind: 'fine', decisionNo: DECISION_NO }, { retryDelayMs: 0, openCashier: () => undefined });

    // Assert
    const keys = calls().map((c) => c.header?.['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('when paying inside WeChat, then it opens a jsapi order and hands its parameters to wx.requestPayment', async () => {
    // Arrange
    process.env.TARO_ENV = 'weapp';
    const params = {
      timeStamp: '1765000000',
      nonceStr: 'n0nce',
      package: 'prepay_id=wx1',
      signType: 'RSA' as const,
      paySign: 'c2ln',
    };
    taroStub.request.mockResolvedValue(ok(paymentOrder({ pay: { kind: 'jsapi', params } }), 201));
    requestPayment.mockResolvedValue({ errMsg: 'requestPayment:ok' });

    // Act
    const outcome = await startPayment({ kind: 'fee', caseId: CASE_NO });

    // Assert
    expect(calls()[0]?.data).toEqual({ thing: { kind: 'fee', caseId: CASE_NO }, channel: 'jsapi' });
    expect(requestPayment).toHaveBeenCalledWith(params);
    expect(outcome).toEqual({ kind: 'paid', orderId: ORDER_ID });
  });

  it('when the WeChat payment sheet is closed, then the outcome is cancelled', async () => {
    // Arrange
    process.env.TARO_ENV = 'weapp';
    const params = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx2', signType: 'RSA' as const, paySign: 's' };
    taroStub.request.mockResolvedValue(ok(paymentOrder({ pay: { kind: 'jsapi', params } }), 201));
    requestPayment.mockRejectedValue({ errMsg: 'requestPayment:fail cancel' });

    // Act
    const outcome = await startPayment({ kind: 'fee', caseId: CASE_NO });

    // Assert
    expect(outcome).toEqual({ kind: 'cancelled', orderId: ORDER_ID });
  });
});

describe('settleOrder', () => {
  it('when the order is pending at first, then it asks again until the platform says paid', async () => {
    // Arrange
    taroStub.request
      .mockResolvedValueOnce(ok(paymentOrder()))
      .mockResolvedValueOnce(ok(paymentOrder()))
      .mockResolvedValueOnce(ok(paidOrder()));

    // Act
    const order = await settleOrder(ORDER_ID, [0, 0, 0, 0]);

    // Assert
    expect(order.state).toBe('paid');
    expect(calls().map((c) => c.url)).toEqual(Array(3).fill(`/api/v1/payments/orders/${ORDER_ID}`));
  });

  it('when it stays pending through every ask, then the pending order comes back after the last', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(ok(paymentOrder()));

    // Act
    const order = await settleOrder(ORDER_ID, [0, 0]);

    // Assert
    expect(order.state).toBe('pending');
    expect(calls()).toHaveLength(3);
  });
});

describe('loadPayable', () => {
  it('when a fine is loaded, then its lines, due date and lateness come from the BFF', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(ok(fineDue()));

    // Act
    const lookup = await loadPayable({ kind: 'fine', decisionNo: DECISION_NO });

    // Assert
    expect(calls()[0]?.url).toBe(`/api/v1/payments/fines/${DECISION_NO}`);
    expect(lookup).toMatchObject({
      found: true,
      payable: { totalFen: 23_000, state: 'due', due: { date: '2026-12-01', daysLate: 5, capped: false } },
    });
  });

  it('when the case carries no fee, then there is nothing to pay', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(ok({ caseNo: CASE_NO, itemName: '普通护照首次申领' }));

    // Act
    const lookup = await loadPayable({ kind: 'fee', caseId: CASE_NO });

    // Assert
    expect(calls()[0]?.url).toBe(`/api/v1/applications/${CASE_NO}`);
    expect(lookup).toEqual({ found: false });
  });

  it('when the BFF knows no such decision, then it is not found rather than an error', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(
      ok({ error: { code: 'FINE_NOT_FOUND', message: '未查询到该处罚决定书的缴款信息', requestId: 'r1' } }, 404),
    );

    // Act
    const lookup = await loadPayable({ kind: 'fine', decisionNo: DECISION_NO });

    // Assert
    expect(lookup).toEqual({ found: false });
  });
});

describe('saveReceiptPdf', () => {
  it('when 保存 in the browser build, then the fetched PDF is handed to the browser as a download under its name', async () => {
    // Arrange
    const clicked: Array<{ href: string; download: string }> = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download });
    });

    // Act
    await saveReceiptPdf({ orderId: ORDER_ID, pdfUrl: 'blob:http://localhost/r', fileName: '电子票据-PJ1.pdf' });

    // Assert
    expect(clicked).toEqual([{ href: 'blob:http://localhost/r', download: '电子票据-PJ1.pdf' }]);
    expect(taroStub.request).not.toHaveBeenCalled();
    click.mockRestore();
  });
});
