import { render, waitFor } from '@testing-library/react';
import type { ApplicationDetail } from '@suijing/shared';
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

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  routerStub.params = { caseNo: CASE_NO };
});

async function show(overrides: Partial<ApplicationDetail>): Promise<void> {
  applicationMock.mockResolvedValue(applicationDetail(overrides));
  render(<CaseDetailPage />);
  await waitFor(() => expect(document.getElementById('case-head')).not.toBeNull());
}

describe('办件详情: the promised date, the way of delivery, the 电子证明', () => {
  it('when a 补正 is pending, then the promised date says its clock is stopped until I answer', async () => {
    // Arrange + Act
    await show({
      status: 'supplement',
      statusText: '待补正',
      canSupplement: true,
      clockPausedSince: '2026-11-24T02:00:00.000Z',
    });

    // Assert
    expect(text('case-promised')).toBe('2026年12月5日前（补正期间暂停计时，补正后顺延）');
  });

  it('when the 补正 was answered after days of waiting, then the later date says why it moved', async () => {
    // Arrange + Act
    await show({ status: 'reviewing', statusText: '审核中', promisedDate: '2026-12-09', extendedWorkingDays: 2 });

    // Assert
    expect(text('case-promised')).toBe('2026年12月9日前（因补正顺延 2 个工作日）');
  });

  it('when the result goes by post, then the way and the masked address show, and no certificate', async () => {
    // Arrange + Act
    await show({
      delivery: {
        mode: 'post',
        modeText: '邮寄',
        recipient: '张*',
        phone: '138****1234',
        address: '广东省广州市天河区****',
      },
    });

    // Assert
    expect(text('case-delivery')).toBe('邮寄 · 广东省广州市天河区****');
    expect(document.getElementById('case-certificate')).toBeNull();
  });

  it('when the 电子证明 was issued, then it shows with its number and 核验码, and no EMS number', async () => {
    // Arrange + Act
    await show({
      status: 'delivered',
      statusText: '已送达',
      delivery: { mode: 'electronic', modeText: '电子证明' },
      certificate: {
        name: '无犯罪记录证明',
        number: 'GZ202612050123456789',
        verificationCode: 'K7M2Q9XD',
        issuedAt: '2026-12-05T02:00:00.000Z',
      },
    });

    // Assert
    expect(text('case-delivery')).toBe('电子证明');
    expect(text('case-certificate-name')).toBe('无犯罪记录证明');
    expect(text('case-certificate-number')).toBe('GZ202612050123456789');
    expect(text('case-certificate-code')).toBe('K7M2Q9XD');
    expect(document.getElementById('case-tracking')).toBeNull();
  });
});
