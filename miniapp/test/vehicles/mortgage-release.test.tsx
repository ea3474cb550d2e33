import { act, fireEvent, render, waitFor } from '@testing-library/react';
import MortgageReleasePage from '@/packages/vehicles/pages/mortgage-release';
import type { Material } from '@suijing/shared';
import {
  applicantMaterials,
  LENDER_SUPPLIED_NOTE,
  releaseNote,
} from '@/packages/vehicles/pages/mortgage-release/ReleaseForm';
import { ApiError } from '@/services/api-error';
import { fetchItemGuide } from '@/services/catalog';
import { listLicences } from '@/services/licences';
import { fetchVehicle, submitMortgageRelease } from '@/services/traffic';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { FRESH, itemGuide } from '../fixtures/catalog';
import { LIVE, vehicleDetail } from '../fixtures/traffic';
import { byId } from '../support/dom';
import { routerStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/traffic', () => ({ fetchVehicle: jest.fn(), submitMortgageRelease: jest.fn() }));
jest.mock('@/services/catalog', () => ({ fetchItemGuide: jest.fn() }));
jest.mock('@/services/licences', () => ({ listLicences: jest.fn() }));
const vehicleMock = jest.mocked(fetchVehicle);
const submitMock = jest.mocked(submitMortgageRelease);
const guideMock = jest.mocked(fetchItemGuide);

const VEHICLE_ID = 'veh_0123456789abcdef';
const MORTGAGED = vehicleDetail({
  mortgaged: true,
  mortgageRelease: {
    possible: true,
    lender: '某银行广州分行',
    itemCode: '440100000000MORT0001',
    suppliedMaterials: ['抵押权人出具的解除抵押书面材料'],
  },
});
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

function typeInto(key: string, value: string): void {
  const host = byId(`field-${key}-input`);
  const input = (host.matches('input') ? host : host.querySelector('input')) as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  fireEvent.input(input, { target: { value } });
}

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  routerStub.params = { id: VEHICLE_ID };
  vehicleMock.mockResolvedValue({ vehicle: MORTGAGED, freshness: LIVE });
  guideMock.mockResolvedValue({
    item: itemGuide({ code: '440100000000MORT0001', name: '机动车解除抵押登记', materials: [] }),
    catalog: FRESH,
  });
  jest.mocked(listLicences).mockResolvedValue({ items: [] });
});

describe('解除抵押 form', () => {
  it('when it opens, then the vehicle, the lender and the note that the lender supplies its record show', async () => {
    // Act
    render(<MortgageReleasePage />);

    // Assert
    await waitFor(() => expect(document.getElementById('release-fields')).not.toBeNull());
    expect(vehicleMock).toHaveBeenCalledWith(VEHICLE_ID);
    expect(text('release-plate')).toBe('粤A·***45');
    expect(text('release-lender')).toContain('某银行广州分行');
    expect(text('apply-materials-note')).toBe(LENDER_SUPPLIED_NOTE);
  });

  it('when the lender has not filed yet (MORTGAGE_RELEASE_NOT_READY), then its message shows', async () => {
    // Arrange
    submitMock.mockRejectedValue(
      new ApiError({ status: 409, code: 'MORTGAGE_RELEASE_NOT_READY', message: '抵押权人尚未提交解除抵押信息' }),
    );
    render(<MortgageReleasePage />);
    await waitFor(() => expect(document.getElementById('release-fields')).not.toBeNull());
    typeInto('address', '广州市天河区体育西路 1 号');

    // Act
    await act(async () => fireEvent.click(byId('release-submit')));

    // Assert
    await waitFor(() => expect(text('release-error')).toBe('抵押权人尚未提交解除抵押信息'));
    expect(submitMock.mock.calls[0]?.[0]).toBe(VEHICLE_ID);
    // The account's phone, shown masked, is left to the BFF to fill in.
    expect(text('field-phone-locked')).toContain(TEST_USER.phoneMasked ?? '');
    expect(submitMock.mock.calls[0]?.[1]).not.toHaveProperty('phone');
  });

  it('when the release is not possible yet, then the reason shows instead of a form', async () => {
    // Arrange
    vehicleMock.mockResolvedValue({
      vehicle: vehicleDetail({
        mortgaged: true,
        mortgageRelease: {
          possible: false,
          reason: '贷款尚未结清',
          itemCode: '440100000000MORT0001',
          suppliedMaterials: ['抵押权人出具的解除抵押书面材料'],
        },
      }),
      freshness: LIVE,
    });

    // Act
    render(<MortgageReleasePage />);

    // Assert
    await waitFor(() => expect(document.getElementById('release-not-ready')).not.toBeNull());
    expect(text('release-not-ready')).toContain('贷款尚未结清');
    expect(guideMock).not.toHaveBeenCalled();
  });
});

describe('解除抵押 materials', () => {
  const material = (name: string): Material => ({
    name,
    necessity: 'required',
    source: '申请人自备',
    paperCopies: 1,
    spec: '原件',
    eLicence: { reusable: false },
    sampleAvailable: false,
    blankFormAvailable: false,
  });

  it('when the system supplies the lender’s record, then it is listed as needing no upload and the rest as asked', () => {
    // Arrange
    const guide = [
      material('抵押权人出具的解除抵押书面材料'),
      material('抵押权人身份证明'),
      material('机动车登记证书'),
    ];

    // Act
    const asked = applicantMaterials(guide, ['抵押权人出具的解除抵押书面材料']);

    // Assert
    expect(asked.map((m) => [m.name, m.onlineExemption])).toEqual([
      ['抵押权人出具的解除抵押书面材料', 'shared'],
      ['抵押权人身份证明', undefined],
      ['机动车登记证书', undefined],
    ]);
    expect(releaseNote(asked)).toContain('提供 2 项必要材料');
  });

  it('when the guide exempts every material but the ID card, then the head says one and 提交 flags only the ID card', async () => {
    // Arrange: the guide as the catalog publishes 机动车解除抵押登记 (only the ID card is provided online).
    const guide = [
      { ...material('居民身份证'), eLicence: { reusable: true, name: '居民身份证' } },
      { ...material('《机动车登记业务申请表》'), onlineExemption: 'form' as const },
      { ...material('机动车登记证书'), onlineExemption: 'shared' as const },
      { ...material('抵押权人出具的解除抵押书面材料'), onlineExemption: 'shared' as const },
    ];
    guideMock.mockResolvedValue({
      item: itemGuide({ code: '440100000000MORT0001', name: '机动车解除抵押登记', materials: guide }),
      catalog: FRESH,
    });
    render(<MortgageReleasePage />);
    await waitFor(() => expect(document.getElementById('release-fields')).not.toBeNull());
    typeInto('address', '广州市天河区体育西路 1 号');

    // Act
    await act(async () => fireEvent.click(byId('release-submit')));

    // Assert
    expect(text('release-note')).toContain('提供 1 项必要材料');
    expect(text('apply-materials-exempt')).toBe('其中 3 项网上办理无需上传。');
    expect(document.querySelectorAll('[id$="-exempt"][id^="apply-material-"]')).toHaveLength(3);
    expect(text('apply-material-0-error')).toBe('请上传该材料');
    expect(document.getElementById('apply-material-1-error')).toBeNull();
    expect(submitMock).not.toHaveBeenCalled();
  });

  it('when nothing is left to provide, then the head says the contact details are all', () => {
    expect(releaseNote([{ ...material('抵押权人出具的解除抵押书面材料'), onlineExemption: 'shared' }])).toBe(
      '抵押权人已提交解除抵押信息，填写联系方式即可在线申请，办结后抵押登记即解除。',
    );
  });
});
