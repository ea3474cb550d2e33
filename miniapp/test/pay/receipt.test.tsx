import { fireEvent, render, waitFor } from '@testing-library/react';
import ReceiptPage from '@/packages/pay/pages/receipt';
import { fetchOrder } from '@/packages/pay/services/payments-api';
import { openReceiptPdf, receiptObjectUrl, releaseReceiptPdf, saveReceiptPdf } from '@/packages/pay/services/receipt';
import { receiptCard } from '@/packages/pay/services/receipt-view';
import { networkError } from '@/services/api-error';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';
import { routerStub } from '../stubs/taro';
import { DECISION_NO, ORDER_ID, paidOrder, paymentOrder } from '../fixtures/payments';

jest.mock('@/packages/pay/services/payments-api', () => ({
  fetchOrder: jest.fn(),
  orderPath: (id: string) => `/api/v1/payments/orders/${id}`,
}));
jest.mock('@/packages/pay/services/receipt', () => ({
  receiptObjectUrl: jest.fn(),
  saveReceiptPdf: jest.fn(),
  openReceiptPdf: jest.fn(),
  releaseReceiptPdf: jest.fn(),
  receiptFileName: (receiptNo: string | undefined, orderId: string) => `电子票据-${receiptNo ?? orderId}.pdf`,
}));
const orderMock = jest.mocked(fetchOrder);
const pdfMock = jest.mocked(receiptObjectUrl);
const saveMock = jest.mocked(saveReceiptPdf);
const openMock = jest.mocked(openReceiptPdf);
const releaseMock = jest.mocked(releaseReceiptPdf);

const PDF_URL = 'blob:http://localhost/receipt';
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());

/** A late fine paid at the 非税 platform. */
const paidFine = () =>
  paidOrder({
    thing: { kind: 'fine', title: '机动车违反禁止标线指示的', reference: DECISION_NO },
    platform: 'nontax',
    lines: [
      { label: '罚款', amountFen: 20_000 },
      { label: '加处罚款', amountFen: 3_050 },
    ],
    amountFen: 23_050,
  });

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated({ ...TEST_USER, realNameStatus: 'verified', assurance: { level: 'L2', inPersonAt: null } });
  routerStub.params = { id: ORDER_ID };
  process.env.TARO_ENV = 'h5';
  pdfMock.mockResolvedValue(PDF_URL);
});

afterAll(() => {
  process.env.TARO_ENV = 'h5';
});

describe('电子票据', () => {
  it('when a paid fine is opened, then the card shows the receipt number, the lines and the total in figures and capitals', async () => {
    // Arrange
    orderMock.mockResolvedValue(paidFine());

    // Act
    render(<ReceiptPage />);

    // Assert
    await shown('receipt-card');
    expect(orderMock).toHaveBeenCalledWith(ORDER_ID);
    expect(text('receipt-no')).toBe('PJ2026120600000001');
    expect(text('receipt-title')).toBe('机动车违反禁止标线指示的');
    expect(text('receipt-card')).toContain('决定书编号');
    expect(text('receipt-reference')).toBe(DECISION_NO);
    expect(text('receipt-line-0')).toBe('¥200.00');
    expect(text('receipt-line-1')).toBe('¥30.50');
    expect(text('receipt-amount')).toBe('¥230.50');
    expect(text('receipt-capitals')).toBe('人民币贰佰叁拾元伍角');
    expect(text('receipt-platform')).toBe('广东省非税收入平台');
    expect(text('receipt-trade-no')).toBe('4200****5678');
    expect(document.getElementById('receipt-open-pdf')).not.toBeNull();
    expect(document.getElementById('receipt-frame')).toBeNull();
  });

  it('when 保存电子票据 is tapped, then the fetched PDF is saved under the receipt number', async () => {
    // Arrange
    orderMock.mockResolvedValue(paidOrder());
    saveMock.mockResolvedValue();
    render(<ReceiptPage />);
    await shown('receipt-save');

    // Act
    fireEvent.click(byId('receipt-save'));

    // Assert
    await waitFor(() =>
      expect(saveMock).toHaveBeenCalledWith({
        orderId: ORDER_ID,
        pdfUrl: PDF_URL,
        fileName: '电子票据-PJ2026120600000001.pdf',
      }),
    );
  });

  it('when 打开PDF is tapped, then the fetched PDF opens', async () => {
    // Arrange
    orderMock.mockResolvedValue(paidOrder());
    render(<ReceiptPage />);
    await shown('receipt-open-pdf');

    // Act
    fireEvent.click(byId('receipt-open-pdf'));

    // Assert
    expect(openMock).toHaveBeenCalledWith(PDF_URL);
  });

  it('when the page goes, then the fetched PDF is let go', async () => {
    // Arrange
    orderMock.mockResolvedValue(paidOrder());
    const { unmount } = render(<ReceiptPage />);
    await shown('receipt-open-pdf');

    // Act
    unmount();

    // Assert
    expect(releaseMock).toHaveBeenCalledWith(PDF_URL);
  });

  it('when saving fails, then the page says why and the button can be tapped again', async () => {
    // Arrange
    orderMock.mockResolvedValue(paidOrder());
    saveMock.mockRejectedValue(networkError());
    render(<ReceiptPage />);
    await shown('receipt-save');

    // Act
    fireEvent.click(byId('receipt-save'));

    // Assert
    await shown('receipt-save-error');
    expect(text('receipt-save-error')).toContain('网络');
  });

  it('when the page runs inside WeChat, then there is no PDF to fetch and only 保存 (WeChat’s viewer) is offered', async () => {
    // Arrange
    process.env.TARO_ENV = 'weapp';
    orderMock.mockResolvedValue(paidOrder());

    // Act
    render(<ReceiptPage />);

    // Assert
    await shown('receipt-card');
    expect(pdfMock).not.toHaveBeenCalled();
    expect(document.getElementById('receipt-save')).not.toBeNull();
    expect(document.getElementById('receipt-open-pdf')).toBeNull();
  });

  it('when the order is not paid yet, then it says the receipt is not issued and fetches no PDF', async () => {
    // Arrange
    orderMock.mockResolvedValue(paymentOrder());

    // Act
    render(<ReceiptPage />);

    // Assert
    await shown('receipt-not-ready');
    expect(pdfMock).not.toHaveBeenCalled();
    expect(document.getElementById('receipt-card')).toBeNull();
  });

  it('when the order cannot be read, then the error state offers 重试', async () => {
    // Arrange
    orderMock.mockRejectedValueOnce(networkError());
    orderMock.mockResolvedValue(paidOrder());
    render(<ReceiptPage />);
    await shown('receipt-error-retry');

    // Act
    fireEvent.click(byId('receipt-error-retry'));

    // Assert
    await shown('receipt-card');
  });
});

describe('receiptCard', () => {
  it('when a fee was refunded, then the receipt notes the refund and its state', () => {
    // Arrange
    const order = paidOrder({
      refunds: [
        { amountFen: 12_000, reason: '撤回申请退款', state: 'refunded', requestedAt: '2026-12-06T07:00:00.000Z' },
      ],
    });

    // Act
    const card = receiptCard(order);

    // Assert
    expect(card.referenceLabel).toBe('办件编号');
    expect(card.totalCapitals).toBe('人民币壹佰贰拾元整');
    expect(card.platformText).toBe('微信支付');
    expect(card.refunds).toEqual([{ label: '撤回申请退款（已退款）', value: '¥120.00' }]);
  });
});
