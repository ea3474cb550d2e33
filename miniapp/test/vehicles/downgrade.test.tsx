import { act, fireEvent, render, waitFor } from '@testing-library/react';
import DowngradePage from '@/packages/vehicles/pages/downgrade';
import { ApiError } from '@/services/api-error';
import { fetchItemGuide } from '@/services/catalog';
import { listLicences } from '@/services/licences';
import { fetchDrivingLicence, submitDowngrade } from '@/services/traffic';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { FRESH, itemGuide } from '../fixtures/catalog';
import { drivingLicence, LIVE } from '../fixtures/traffic';
import { byId } from '../support/dom';
import { taroStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/traffic', () => ({ fetchDrivingLicence: jest.fn(), submitDowngrade: jest.fn() }));
jest.mock('@/services/catalog', () => ({ fetchItemGuide: jest.fn() }));
jest.mock('@/services/licences', () => ({ listLicences: jest.fn() }));
const licenceMock = jest.mocked(fetchDrivingLicence);
const submitMock = jest.mocked(submitDowngrade);
const guideMock = jest.mocked(fetchItemGuide);
const licencesMock = jest.mocked(listLicences);

const ITEM_CODE = '440100000000DOWN0001';
const GUIDE = itemGuide({
  code: ITEM_CODE,
  name: '机动车驾驶证自愿降低准驾车型换证',
  materials: [
    {
      name: '居民身份证',
      necessity: 'required',
      source: '申请人自备',
      paperCopies: 0,
      spec: '原件',
      eLicence: { reusable: true, name: '居民身份证电子证照' },
      sampleAvailable: false,
      blankFormAvailable: false,
    },
  ],
});
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

function typeInto(key: string, value: string): void {
  const host = byId(`field-${key}-input`);
  const input = (host.matches('input') ? host : host.querySelector('input')) as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  fireEvent.input(input, { target: { value } });
}

async function renderForm(): Promise<void> {
  render(<DowngradePage />);
  await waitFor(() => expect(document.getElementById('downgrade-fields')).not.toBeNull());
}

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  licenceMock.mockResolvedValue({ licence: drivingLicence(), freshness: LIVE });
  guideMock.mockResolvedValue({ item: GUIDE, catalog: FRESH });
  licencesMock.mockResolvedValue({
    items: [
      {
        licenceId: 'lic-1',
        typeCode: 'SFZ',
        name: '居民身份证电子证照',
        numberMasked: '440***********0012',
        issuer: '广州市公安局',
        issuedOn: '2016-01-01',
        validUntil: '2036-01-01',
        usable: true,
      },
    ],
  });
});

describe('自愿降级 form', () => {
  it('when submitted empty, then each field and the material say what is missing and nothing is sent', async () => {
    // Arrange
    await renderForm();

    // Act
    await act(async () => fireEvent.click(byId('downgrade-submit')));

    // Assert
    expect(guideMock).toHaveBeenCalledWith(ITEM_CODE);
    expect(text('field-targetClass-error')).toBe('请选择降级后的准驾车型');
    expect(document.getElementById('field-phone-error')).toBeNull();
    expect(text('field-address-error')).toBe('请填写详细通讯地址');
    expect(text('apply-material-0-error')).toBe('请上传该材料');
    expect(submitMock).not.toHaveBeenCalled();
  });

  it('when filled in with the e-licence as material, then it is sent once and the receipt opens', async () => {
    // Arrange
    submitMock.mockResolvedValue({ caseNo: '2026112844010000000009' } as Awaited<ReturnType<typeof submitDowngrade>>);
    await renderForm();

    // Act
    fireEvent.click(byId('field-targetClass-option-B2-C1'));
    typeInto('address', '广州市天河区体育西路 1 号');
    fireEvent.click(byId('field-delivery-option-post'));
    fireEvent.click(byId('apply-material-0-licence'));
    await act(async () => fireEvent.click(byId('downgrade-submit')));

    // Assert
    expect(text('downgrade-summary')).toContain('B2 降为 C1');
    expect(submitMock).toHaveBeenCalledTimes(1);
    // No phone: the account's own, which the BFF fills in.
    expect(submitMock.mock.calls[0]?.[0]).toEqual({
      targetClass: 'B2-C1',
      address: '广州市天河区体育西路 1 号',
      delivery: 'post',
      materials: [{ name: '居民身份证', source: 'elicence', licenceId: 'lic-1' }],
    });
    expect(taroStub.redirectTo).toHaveBeenCalledWith({
      url: '/packages/apply/pages/receipt/index?caseNo=2026112844010000000009',
    });
  });

  it('when the BFF refuses (DOWNGRADE_NOT_ALLOWED), then its message shows under the button', async () => {
    // Arrange
    submitMock.mockRejectedValue(
      new ApiError({ status: 409, code: 'DOWNGRADE_NOT_ALLOWED', message: '当前驾驶证不符合自愿降级条件' }),
    );
    await renderForm();
    fireEvent.click(byId('field-targetClass-option-B2-C2'));
    typeInto('address', '广州市天河区体育西路 1 号');
    fireEvent.click(byId('apply-material-0-licence'));

    // Act
    await act(async () => fireEvent.click(byId('downgrade-submit')));

    // Assert
    await waitFor(() => expect(text('downgrade-error')).toBe('当前驾驶证不符合自愿降级条件'));
    expect(taroStub.redirectTo).not.toHaveBeenCalled();
  });

  it('when the form opens, then the phone is the account’s, shown masked; 改用其他手机号 sends the typed one', async () => {
    // Arrange
    submitMock.mockResolvedValue({ caseNo: '2026112844010000000010' } as Awaited<ReturnType<typeof submitDowngrade>>);
    await renderForm();
    const shown = text('field-phone-locked');
    fireEvent.click(byId('field-targetClass-option-B2-C1'));
    typeInto('address', '广州市天河区体育西路 1 号');
    fireEvent.click(byId('apply-material-0-licence'));

    // Act
    fireEvent.click(byId('phone-switch'));
    typeInto('phone', '13900139000');
    await act(async () => fireEvent.click(byId('downgrade-submit')));

    // Assert
    expect(shown).toContain(TEST_USER.phoneMasked ?? '');
    expect(text('phone-switch')).toContain('改回登录手机号');
    expect(submitMock.mock.calls[0]?.[0]).toMatchObject({ phone: '13900139000' });
  });

  it('when the BFF finds the account has no phone after all, then the field opens for typing one', async () => {
    // Arrange
    submitMock.mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '请填写联系电话',
        fields: [{ path: 'phone', message: '请填写联系电话' }],
      }),
    );
    await renderForm();
    fireEvent.click(byId('field-targetClass-option-B2-C1'));
    typeInto('address', '广州市天河区体育西路 1 号');
    fireEvent.click(byId('apply-material-0-licence'));

    // Act
    await act(async () => fireEvent.click(byId('downgrade-submit')));

    // Assert
    await waitFor(() => expect(text('field-phone-error')).toBe('请填写联系电话'));
    expect(document.getElementById('field-phone-input')).not.toBeNull();
  });

  it('when the licence offers no downgrade, then it says so instead of a form', async () => {
    // Arrange
    licenceMock.mockResolvedValue({
      licence: drivingLicence({ classes: 'C1', downgrade: undefined }),
      freshness: LIVE,
    });

    // Act
    render(<DowngradePage />);

    // Assert
    await waitFor(() => expect(document.getElementById('downgrade-not-allowed')).not.toBeNull());
    expect(guideMock).not.toHaveBeenCalled();
  });
});
