import { act, fireEvent, render, waitFor } from '@testing-library/react';
import ComplaintNewPage from '@/packages/feedback/pages/complaint-new';
import { validateComplaint, type ComplaintInput } from '@/packages/feedback/utils/validate';
import { ApiError } from '@/services/api-error';
import { submitComplaint } from '@/services/feedback';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { complaintDetail } from '../fixtures/feedback';
import { byId } from '../support/dom';
import { taroStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/feedback', () => ({ submitComplaint: jest.fn() }));
const submitMock = jest.mocked(submitComplaint);

const VERIFIED = { ...TEST_USER, realNameStatus: 'verified' as const };
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

function typeInto(key: string, value: string): void {
  const host = byId(`field-${key}-input`);
  const field = (host.matches('input, textarea') ? host : host.querySelector('input, textarea')) as HTMLInputElement;
  fireEvent.change(field, { target: { value } });
  fireEvent.input(field, { target: { value } });
}

function fillValid(): void {
  fireEvent.click(byId('field-kind-option-suggestion'));
  fireEvent.click(byId('field-category-option-traffic'));
  typeInto('title', '路口信号灯配时不合理');
  typeInto('content', '天河路与体育西路口早高峰左转绿灯太短，车辆排队很长。');
}

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(VERIFIED);
});

describe('我要投诉/建议 form', () => {
  it('when submitted empty, then each required field says what is missing and nothing is sent', async () => {
    // Arrange
    render(<ComplaintNewPage />);

    // Act
    await act(async () => fireEvent.click(byId('complaint-new-submit')));

    // Assert
    expect(text('field-category-error')).toBe('请选择诉求类别');
    expect(text('field-title-error')).toBe('标题至少 4 个字');
    expect(text('field-content-error')).toBe('请具体描述，至少 10 个字');
    // The phone is the account's own (nothing to type): never missing.
    expect(text('field-phone-locked')).toContain(TEST_USER.phoneMasked ?? '');
    expect(document.getElementById('field-phone-error')).toBeNull();
    expect(document.getElementById('field-kind-error')).toBeNull();
    expect(document.getElementById('field-caseNo-error')).toBeNull();
    expect(submitMock).not.toHaveBeenCalled();
  });

  it('when a wrong case number is typed, then it is flagged; an empty one is fine', async () => {
    // Arrange
    render(<ComplaintNewPage />);
    fillValid();
    typeInto('caseNo', '12345');

    // Act
    await act(async () => fireEvent.click(byId('complaint-new-submit')));

    // Assert
    expect(text('field-caseNo-error')).toContain('22 位数字');
    expect(submitMock).not.toHaveBeenCalled();
  });

  it('when filled in, then it is sent once with an Idempotency-Key and the detail page opens', async () => {
    // Arrange
    submitMock.mockResolvedValue(complaintDetail({ id: 'TS20261128000002' }));
    render(<ComplaintNewPage />);
    fillValid();
    typeInto('caseNo', '2026112844010000000009');

    // Act
    await act(async () => fireEvent.click(byId('complaint-new-submit')));

    // Assert
    expect(submitMock).toHaveBeenCalledTimes(1);
    expect(submitMock.mock.calls[0]?.[0]).toEqual({
      kind: 'suggestion',
      category: 'traffic',
      title: '路口信号灯配时不合理',
      content: '天河路与体育西路口早高峰左转绿灯太短，车辆排队很长。',
      photos: [],
      caseNo: '2026112844010000000009',
    });
    expect(submitMock.mock.calls[0]?.[1]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(taroStub.redirectTo).toHaveBeenCalledWith({
      url: '/packages/feedback/pages/complaint/index?id=TS20261128000002',
    });
  });

  it('when another phone is asked for, then it is typed, checked and sent instead of the account’s', async () => {
    // Arrange
    submitMock.mockResolvedValue(complaintDetail({ id: 'TS20261128000003' }));
    render(<ComplaintNewPage />);
    fillValid();

    // Act
    fireEvent.click(byId('phone-switch'));
    typeInto('phone', '1380013');
    await act(async () => fireEvent.click(byId('complaint-new-submit')));
    const shortNumber = text('field-phone-error');
    typeInto('phone', '13900139000');
    await act(async () => fireEvent.click(byId('complaint-new-submit')));

    // Assert
    expect(shortNumber).toBe('请输入 11 位手机号码');
    expect(submitMock).toHaveBeenCalledTimes(1);
    expect(submitMock.mock.calls[0]?.[0]).toMatchObject({ phone: '13900139000' });
  });

  it('when the BFF rejects a field, then its message shows at the field and under the button', async () => {
    // Arrange
    submitMock.mockRejectedValue(
      new ApiError({
        status: 422,
        code: 'VALIDATION_FAILED',
        message: '提交的信息有误',
        fields: [{ path: 'title', message: '标题不超过 40 字' }],
      }),
    );
    render(<ComplaintNewPage />);
    fillValid();

    // Act
    await act(async () => fireEvent.click(byId('complaint-new-submit')));

    // Assert
    await waitFor(() => expect(text('field-title-error')).toBe('标题不超过 40 字'));
    expect(text('complaint-new-error')).toBe('有信息需要修改，请查看标红的项目');
  });

  it('when not yet verified, then it asks for 实名认证 before the form', () => {
    // Arrange
    setAuthenticated(TEST_USER);

    // Act
    render(<ComplaintNewPage />);

    // Assert
    expect(document.getElementById('complaint-new-unverified')).not.toBeNull();
    expect(document.getElementById('complaint-form')).toBeNull();
  });
});

describe('complaint rules', () => {
  const VALID: ComplaintInput = {
    kind: 'complaint',
    category: 'other',
    title: '标题四字',
    content: '一二三四五六七八九十',
    phone: '13800138000',
    caseNo: '',
  };

  it('when at the edges of the schema, then the same limits apply', () => {
    // Arrange + Act + Assert
    expect(validateComplaint(VALID)).toEqual({});
    expect(validateComplaint({ ...VALID, title: '  三个字  ' }).title).toBe('标题至少 4 个字');
    expect(validateComplaint({ ...VALID, title: '长'.repeat(41) }).title).toBe('标题不超过 40 字');
    expect(validateComplaint({ ...VALID, content: '长'.repeat(1001) }).content).toBe('内容不超过 1000 字');
    expect(validateComplaint({ ...VALID, phone: '12800138000' }).phone).toBe('请输入 11 位手机号码');
    expect(validateComplaint(VALID, 7).photos).toBe('最多 6 张照片');
  });
});
