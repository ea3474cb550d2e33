import { fireEvent, render, waitFor } from '@testing-library/react';
import PayPage from '@/packages/pay/pages/pay';
import PayResultPage from '@/packages/pay/pages/result';
import OrdersPage from '@/packages/pay/pages/orders';
import OrderPage from '@/packages/pay/pages/order';
import { fetchOrder, listOrders } from '@/packages/pay/services/payments-api';
import { loadPayable, type Payable } from '@/packages/pay/services/payable';
import { settleOrder } from '@/packages/pay/services/settle-order';
import { startPayment } from '@/packages/pay/services/start-payment';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';
import { routerStub, taroStub } from '../stubs/taro';
import { CASE_NO, DECISION_NO, ORDER_ID, paidOrder, paymentOrder } from '../fixtures/payments';

jest.mock('@/packages/pay/services/payable', () => ({ loadPayable: jest.fn() }));
jest.mock('@/packages/pay/services/settle-order', () => ({ settleOrder: jest.fn() }));
jest.mock('@/packages/pay/services/start-payment', () => ({ startPayment: jest.fn() }));
jest.mock('@/packages/pay/services/payments-api', () => ({
  fetchOrder: jest.fn(),
  listOrders: jest.fn(),
  orderPath: (id: string) => `/api/v1/payments/orders/${id}`,
}));
const payableMock = jest.mocked(loadPayable);
const settleMock = jest.mocked(settleOrder);
const startMock = jest.mocked(startPayment);
const orderMock = jest.mocked(fetchOrder);
const ordersMock = jest.mocked(listOrders);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());

const FINE: Payable = {
  thing: { kind: 'fine', decisionNo: DECISION_NO },
  title: '机动车违反禁止标线指示的',
  referenceLabel: '决定书编号',
  reference: DECISION_NO,
  paymentCode: '44010000000000000001',
  lines: [
    { label: '罚款', amountFen: 20_000 },
    { label: '加处罚款', amountFen: 3_000 },
  ],
  totalFen: 23_000,
  due: { date: '2026-12-01', daysLate: 5, capped: false },
  platformText: '广东省非税收入平台',
  state: 'due',
};

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated({ ...TEST_USER, realNameStatus: 'verified', assurance: { level: 'L2', inPersonAt: null } });
});

describe('缴款', () => {
  it('when a late fine is opened, then 罚款 and 加处罚款 with the due date and days late add up to the total', async () => {
    // Arrange
    routerStub.params = { kind: 'fine', decisionNo: DECISION_NO };
    payableMock.mockResolvedValue({ found: true, payable: FINE });

    // Act
    render(<PayPage />);

    // Assert
    await shown('pay-lines');
    expect(payableMock).toHaveBeenCalledWith({ kind: 'fine', decisionNo: DECISION_NO });
    expect(text('pay-amount')).toBe('¥230.00');
    expect(text('pay-lines-line-0')).toContain('¥200.00');
    expect(text('pay-lines-line-1')).toContain('¥30.00');
    expect(text('pay-lines-late')).toContain('2026年12月1日');
    expect(text('pay-lines-late')).toContain('已逾期 5 天');
    expect(text('pay-lines-total')).toBe('¥230.00');
    expect(text('pay-submit')).toContain('确认支付 ¥230.00');
  });

  it('when 确认支付 is tapped and WeChat reports paid, then the result page opens for the order', async () => {
    // Arrange
    routerStub.params = { kind: 'fee', caseId: CASE_NO };
    payableMock.mockResolvedValue({
      found: true,
      payable: { ...FINE, thing: { kind: 'fee', caseId: CASE_NO }, due: undefined, paymentCode: undefined },
    });
    startMock.mockResolvedValue({ kind: 'paid', orderId: ORDER_ID });
    render(<PayPage />);
    await shown('pay-submit');

    // Act
    fireEvent.click(byId('pay-submit'));

    // Assert
    await waitFor(() =>
      expect(taroStub.redirectTo).toHaveBeenCalledWith({
        url: `/packages/pay/pages/result/index?orderId=${ORDER_ID}`,
      }),
    );
    expect(startMock).toHaveBeenCalledWith({ kind: 'fee', caseId: CASE_NO });
  });

  it('when the fine is already paid, then there is no pay button but the way to its record', async () => {
    // Arrange
    routerStub.params = { kind: 'fine', decisionNo: DECISION_NO };
    payableMock.mockResolvedValue({ found: true, payable: { ...FINE, state: 'paid', paidOrderId: ORDER_ID } });

    // Act
    render(<PayPage />);

    // Assert
    await shown('pay-done');
    expect(document.getElementById('pay-submit')).toBeNull();
    fireEvent.click(byId('pay-done-order'));
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: `/packages/pay/pages/order/index?id=${ORDER_ID}` });
  });

  it('when the link is broken, then it says nothing is due and loads nothing', () => {
    // Arrange
    routerStub.params = { kind: 'fine', decisionNo: '../x' };

    // Act
    render(<PayPage />);

    // Assert
    expect(document.getElementById('pay-not-found')).not.toBeNull();
    expect(payableMock).not.toHaveBeenCalled();
  });
});

describe('支付结果', () => {
  it('when the order is paid, then 支付成功 shows the amount, the receipt and the way back to the case', async () => {
    // Arrange
    routerStub.params = { orderId: ORDER_ID };
    settleMock.mockResolvedValue(paidOrder());

    // Act
    render(<PayResultPage />);

    // Assert
    await shown('result-paid');
    expect(settleMock).toHaveBeenCalledWith(ORDER_ID);
    expect(text('result-paid')).toContain('支付成功');
    expect(text('result-amount')).toBe('¥120.00');
    fireEvent.click(byId('result-back'));
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: `/packages/cases/pages/detail/index?caseNo=${CASE_NO}` });
  });

  it('when the order stays pending, then it says the result is being confirmed and 重新查询 asks again', async () => {
    // Arrange
    routerStub.params = { orderId: ORDER_ID };
    settleMock.mockResolvedValue(paymentOrder());
    render(<PayResultPage />);
    await shown('result-pending');

    // Act
    fireEvent.click(byId('result-retry'));

    // Assert
    await waitFor(() => expect(settleMock).toHaveBeenCalledTimes(2));
    await shown('result-pending');
    expect(text('result-pending')).toContain('正在确认支付结果');
  });

  it('when the order was closed, then 重新支付 opens the pay page for the same thing', async () => {
    // Arrange
    routerStub.params = { orderId: ORDER_ID };
    settleMock.mockResolvedValue(
      paymentOrder({
        state: 'closed',
        stateText: '已关闭',
        platform: 'nontax',
        thing: { kind: 'fine', title: '违法停车', reference: DECISION_NO },
      }),
    );
    render(<PayResultPage />);
    await shown('result-closed');

    // Act
    fireEvent.click(byId('result-pay-again'));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: `/packages/pay/pages/pay/index?kind=fine&decisionNo=${DECISION_NO}`,
    });
  });
});

describe('我的缴费', () => {
  it('when orders load, then each shows its state tag and amount, and a tap opens it', async () => {
    // Arrange
    ordersMock.mockResolvedValue({ items: [paidOrder()] });

    // Act
    render(<OrdersPage />);

    // Assert
    await shown('orders-list');
    expect(text(`order-${ORDER_ID}-state`)).toBe('已支付');
    expect(text(`order-${ORDER_ID}-amount`)).toBe('¥120.00');
    fireEvent.click(byId(`order-${ORDER_ID}`));
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: `/packages/pay/pages/order/index?id=${ORDER_ID}` });
  });

  it('when an order with a refund is opened, then its masked trade number and the refund show', async () => {
    // Arrange
    routerStub.params = { id: ORDER_ID };
    orderMock.mockResolvedValue(
      paidOrder({
        state: 'refunded',
        stateText: '已退款',
        refunds: [
          {
            amountFen: 12_000,
            reason: '撤回申请退款',
            state: 'refunded',
            requestedAt: '2026-12-06T07:00:00.000Z',
            refundedAt: '2026-12-06T07:01:00.000Z',
          },
        ],
      }),
    );

    // Act
    render(<OrderPage />);

    // Assert
    await shown('order-refunds');
    expect(text('order-trade-no')).toBe('4200****5678');
    expect(text('order-refund-0')).toContain('撤回申请退款');
    expect(text('order-state')).toBe('已退款');
  });
});
