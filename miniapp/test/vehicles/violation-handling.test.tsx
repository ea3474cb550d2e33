import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { HandlingPreview, ViolationDetail } from '@suijing/shared';
import ViolationPage from '@/packages/vehicles/pages/violation';
import ViolationHandlePage from '@/packages/vehicles/pages/violation-handle';
import { fetchHandlingPreview, fetchViolation, fetchViolationPhoto, handleViolation } from '@/services/violations';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { violation } from '../fixtures/traffic';
import { byId } from '../support/dom';
import { routerStub, taroStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/violations', () => ({
  fetchViolation: jest.fn(),
  fetchHandlingPreview: jest.fn(),
  handleViolation: jest.fn(),
  fetchViolationPhoto: jest.fn(),
}));
const detailMock = jest.mocked(fetchViolation);
const previewMock = jest.mocked(fetchHandlingPreview);
const handleMock = jest.mocked(handleViolation);
const photoMock = jest.mocked(fetchViolationPhoto);

const ID = 'vio_opaque0000000001';
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());

function detail(patch: Partial<ViolationDetail> = {}): ViolationDetail {
  return {
    ...violation({ id: ID, code: '1352', points: 3 }),
    fineFen: 20_000,
    state: 'unhandled',
    stateText: '未处理',
    photos: [1, 2, 3].map((n) => ({ url: `/api/v1/violations/${ID}/photos/${n}`, caption: `照片${n}` })),
    ...patch,
  };
}

const ALLOWED: HandlingPreview = {
  allowed: true,
  consequences: {
    points: 3,
    pointsNow: 2,
    pointsAfter: 5,
    pointsMax: 12,
    licenceStatusAfter: [{ code: 'A', text: '正常', severity: 'ok' }],
    fineFen: 20_000,
    payWithinDays: 15,
    notes: ['确认处理后将生成处罚决定书'],
  },
};

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  routerStub.params = { id: ID };
  photoMock.mockResolvedValue('data:image/svg+xml;base64,PHN2Zy8+');
});

describe('违法详情', () => {
  it('when an unhandled camera violation loads, then fine, points, its three photos and 处理违法 show, and 处理违法 opens the handling page', async () => {
    // Arrange
    detailMock.mockResolvedValue({ violation: detail() });

    // Act
    render(<ViolationPage />);
    await shown('violation-photo-3');
    await waitFor(() => expect(byId('violation-photo-3').getAttribute('data-state')).toBe('ready'));
    await act(async () => fireEvent.click(byId('violation-handle')));

    // Assert
    expect(text('violation-state')).toBe('未处理');
    expect(text('violation-fine')).toBe('¥200.00');
    expect(text('violation-points')).toContain('3');
    expect(photoMock.mock.calls.map(([url]) => url)).toEqual(detail().photos.map((p) => p.url));
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: `/packages/vehicles/pages/violation-handle/index?id=${ID}`,
    });
  });

  it('when a handled, unpaid violation loads, then its 决定书编号 and 去缴款 show, leading to the fine’s payment', async () => {
    // Arrange
    detailMock.mockResolvedValue({
      violation: detail({
        handled: true,
        state: 'unpaid',
        stateText: '已处理，待缴款',
        decisionNo: '44011234567890123456',
      }),
    });

    // Act
    render(<ViolationPage />);
    await shown('violation-pay');
    await act(async () => fireEvent.click(byId('violation-pay')));

    // Assert
    expect(text('violation-decision-no')).toContain('44011234567890123456');
    expect(document.getElementById('violation-handle')).toBeNull();
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: '/packages/pay/pages/pay/index?kind=fine&decisionNo=44011234567890123456',
    });
  });
});

describe('违法处理', () => {
  it('when handling is allowed, then the consequences show, nothing is sent until the dialog is confirmed, and the 决定书 then shows with 去缴款', async () => {
    // Arrange
    previewMock.mockResolvedValue(ALLOWED);
    handleMock.mockResolvedValue({
      decisionNo: '44011234567890123456',
      fineFen: 20_000,
      points: 3,
      pointsAfter: 5,
      handledAt: '2026-12-06T04:00:00.000Z',
      dueDate: '2026-12-21',
    });
    render(<ViolationHandlePage />);
    await shown('handle-consequences');
    const pointsShown = text('handle-points-after');

    // Act
    await act(async () => fireEvent.click(byId('handle-submit')));
    const sentBeforeConfirm = handleMock.mock.calls.length;
    await act(async () => fireEvent.click(byId('handle-confirm-confirm')));
    await shown('handle-result');
    await act(async () => fireEvent.click(byId('handle-pay')));

    // Assert
    expect(pointsShown).toContain('2 → 5');
    expect(sentBeforeConfirm).toBe(0);
    expect(handleMock).toHaveBeenCalledTimes(1);
    expect(handleMock.mock.calls[0]?.[0]).toBe(ID);
    expect(handleMock.mock.calls[0]?.[1]).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(text('handle-decision-no')).toContain('44011234567890123456');
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: '/packages/pay/pages/pay/index?kind=fine&decisionNo=44011234567890123456',
    });
  });

  it('when handling is refused, then the reason and the window to go to show, with no way to confirm', async () => {
    // Arrange
    previewMock.mockResolvedValue({
      allowed: false,
      reason: 'window-only',
      reasonText: '该违法行为须到窗口处理：该违法行为一次记12分',
      whatToDo: '请携带驾驶证、行驶证到车管所违法处理窗口办理',
      window: { kind: 'vehicle-office', name: '车管所违法处理窗口' },
    });

    // Act
    render(<ViolationHandlePage />);
    await shown('handle-refusal');

    // Assert
    expect(text('handle-refusal-reason')).toContain('一次记12分');
    expect(text('handle-refusal-window')).toContain('车管所违法处理窗口');
    expect(document.getElementById('handle-submit')).toBeNull();
    expect(handleMock).not.toHaveBeenCalled();
  });
});
