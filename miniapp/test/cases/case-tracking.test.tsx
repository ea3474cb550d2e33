import { render, waitFor } from '@testing-library/react';
import type { ApplicationDetail, CaseTracking } from '@suijing/shared';
import CaseDetailPage from '@/packages/cases/pages/detail';
import { fetchApplication } from '@/services/applications';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { applicationDetail, CASE_NO } from '../fixtures/feedback';
import { routerStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/applications', () => ({ fetchApplication: jest.fn(), withdrawApplication: jest.fn() }));
const applicationMock = jest.mocked(fetchApplication);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

const ON_ITS_WAY: CaseTracking = {
  carrier: 'EMS',
  trackingNo: '1100123456789',
  available: true,
  delivered: false,
  events: [
    { time: '2026-12-06T02:00:00.000Z', place: '广州天河揽投部', text: '已收寄', kind: 'posted' },
    { time: '2026-12-06T05:10:00.000Z', place: '广州邮件处理中心', text: '到达处理中心', kind: 'sorting' },
  ],
};

async function show(overrides: Partial<ApplicationDetail>): Promise<void> {
  applicationMock.mockResolvedValue(applicationDetail({ status: 'delivered', statusText: '已送达', ...overrides }));
  render(<CaseDetailPage />);
  await waitFor(() => expect(document.getElementById('case-head')).not.toBeNull());
}

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  routerStub.params = { caseNo: CASE_NO };
});

describe('办件详情: the result sent by post', () => {
  it('when EMS has the item on its way, then the number, 运输中 and its last step show', async () => {
    // Arrange + Act
    await show({ trackingNo: ON_ITS_WAY.trackingNo, tracking: ON_ITS_WAY });

    // Assert
    expect(text('case-parcel-no')).toBe('1100123456789');
    expect(text('case-parcel-state')).toBe('运输中');
    expect(text('case-parcel-last')).toContain('广州邮件处理中心 到达处理中心');
    expect(document.getElementById('case-parcel-unavailable')).toBeNull();
  });

  it('when it was signed for, then the card says 已签收', async () => {
    // Arrange + Act
    const signed: CaseTracking = {
      ...ON_ITS_WAY,
      delivered: true,
      events: [
        ...ON_ITS_WAY.events,
        { time: '2026-12-07T02:00:00.000Z', place: '深圳南山揽投部', text: '已签收', kind: 'delivered' },
      ],
    };
    await show({ trackingNo: signed.trackingNo, tracking: signed });

    // Assert
    expect(text('case-parcel-state')).toBe('已签收');
    expect(text('case-parcel-last')).toContain('深圳南山揽投部 已签收');
  });

  it('when EMS could not be asked, then the number still shows and the card says why the steps are missing', async () => {
    // Arrange + Act
    await show({
      trackingNo: ON_ITS_WAY.trackingNo,
      tracking: { ...ON_ITS_WAY, available: false, events: [] },
    });

    // Assert
    expect(text('case-parcel-no')).toBe('1100123456789');
    expect(text('case-parcel-state')).toBe('暂时查不到');
    expect(text('case-parcel-unavailable')).toContain('11183');
  });
});
