import { fireEvent, render, waitFor } from '@testing-library/react';
import type { ApplicationStatus } from '@suijing/shared';
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

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  routerStub.params = { caseNo: CASE_NO };
});

async function renderWith(status: ApplicationStatus): Promise<void> {
  applicationMock.mockResolvedValue(applicationDetail({ status, statusText: status }));
  render(<CaseDetailPage />);
  await waitFor(() => expect(document.getElementById('case-head')).not.toBeNull());
}

describe('办件详情: the 评价 entry', () => {
  it.each<ApplicationStatus>(['approved', 'rejected', 'delivered'])(
    'when the case is %s, then 评价 opens the rate page',
    async (status) => {
      // Arrange
      await renderWith(status);

      // Act
      fireEvent.click(byId('case-rate'));

      // Assert
      expect(byId('case-rate').textContent).toBe('评价');
      expect(taroStub.navigateTo).toHaveBeenCalledWith({
        url: `/packages/feedback/pages/rate/index?caseNo=${CASE_NO}`,
      });
    },
  );

  it.each<ApplicationStatus>(['submitted', 'accepted', 'reviewing', 'supplement', 'withdrawn'])(
    'when the case is %s, then there is no 评价',
    async (status) => {
      // Arrange + Act
      await renderWith(status);

      // Assert
      expect(document.getElementById('case-rate')).toBeNull();
    },
  );
});
