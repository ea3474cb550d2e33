import { fireEvent, render } from '@testing-library/react';
import type { PackageApplication } from '@suijing/shared';
import { PackageResult } from '@/packages/apply/pages/package-form';
import { caseUrl } from '@/utils/navigation';
import { taroStub } from '../stubs/taro';
import { byId } from '../support/dom';

const CASE_NO = '2026112844010000000001';
const RESULT: PackageApplication = {
  packageCaseNo: 'YJS20261128ABCDEF0123',
  packageCode: 'birth',
  name: '出生一件事',
  submittedAt: '2026-11-28T00:00:00Z',
  complete: false,
  members: [
    { itemCode: 'A', itemName: '出生登记', department: '市公安局', status: 'submitted', caseNo: CASE_NO },
    { itemCode: 'B', itemName: '居住证', department: '市公安局', status: 'failed', error: '系统繁忙' },
  ],
};

describe('一件事 result', () => {
  it('when some members failed, then each shows its status and 重试 calls back', () => {
    // Arrange
    const onRetry = jest.fn();
    render(<PackageResult result={RESULT} retrying={false} onRetry={onRetry} />);

    // Act
    fireEvent.click(byId('package-retry'));

    // Assert
    expect(byId('package-result-member-0-case-no').textContent).toContain(CASE_NO);
    expect(byId('package-result-member-1-error').textContent).toContain('系统繁忙');
    expect(byId('package-result-member-0').textContent).toContain('市公安局');
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('when a filed member is tapped, then its case opens', () => {
    // Arrange
    render(<PackageResult result={{ ...RESULT, complete: true }} retrying={false} onRetry={jest.fn()} />);

    // Act
    fireEvent.click(byId('package-result-member-0'));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: caseUrl(CASE_NO) });
    expect(document.getElementById('package-retry')).toBeNull();
  });
});
