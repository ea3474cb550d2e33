import { fireEvent, render, waitFor } from '@testing-library/react';
import type { CaseFee } from '@suijing/shared';
import CaseDetailPage from '@/packages/cases/pages/detail';
import { fetchApplication } from '@/services/applications';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { applicationDetail, CASE_NO } from '../fixtures/feedback';
import { byId } from '../support/dom';
import { routerStub, taroStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/applications', () => ({ fetchApplication: jest.fn(), withdrawApplication: jest.fn() }));
const applicationMock = jest.mocked(fetchApplication);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  routerStub.params = { caseNo: CASE_NO };
});

/** The case view as the BFF sends it once the item charges: with its `fee`. */
async function show(fee?: CaseFee): Promise<void> {
  applicationMock.mockResolvedValue(applicationDetail({ status: 'accepted', fee }));
  render(<CaseDetailPage />);
  await waitFor(() => expect(document.getElementById('case-head')).not.toBeNull());
}

describe('办件详情: the fee', () => {
  it('when the fee is due, then 待缴费 ¥120.00 shows and 去缴费 opens the pay page for the case', async () => {
    // Arrange
    await show({ title: '护照工本费', amountFen: 12_000, state: 'due', stateText: '待缴费' });

    // Act
    fireEvent.click(byId('case-fee-pay'));

    // Assert
    expect(text('case-fee-amount')).toBe('待缴费 ¥120.00');
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: `/packages/pay/pages/pay/index?kind=fee&caseId=${CASE_NO}`,
    });
  });

  it('when the fee is paid, then it reads 已缴费 with the way to the order and no 去缴费', async () => {
    // Arrange + Act
    await show({ title: '护照工本费', amountFen: 12_000, state: 'paid', stateText: '已缴费', orderId: 'abc' });

    // Assert
    expect(text('case-fee-amount')).toBe('已缴费 ¥120.00');
    expect(document.getElementById('case-fee-pay')).toBeNull();
    expect(document.getElementById('case-fee-order')).not.toBeNull();
  });

  it('when the item charges nothing, then there is no fee row', async () => {
    // Arrange + Act
    await show(undefined);

    // Assert
    expect(document.getElementById('case-fee')).toBeNull();
  });
});
