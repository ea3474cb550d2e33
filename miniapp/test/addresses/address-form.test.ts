import type { Address } from '@suijing/shared';
import {
  addressFields,
  changed,
  createRequest,
  draftIssues,
  draftOf,
  EMPTY_DRAFT,
  updateRequest,
} from '@/packages/addresses/utils/address-form';

const SAVED: Address = {
  id: 'aGFxHFj77LG6fDWw',
  recipient: '王小明',
  mobile: '139****5678',
  province: { code: '440000', name: '广东省' },
  city: { code: '440100', name: '广州市' },
  district: { code: '440106', name: '天河区' },
  detail: '天河路385号太古汇一座1201',
  isDefault: true,
  updatedAt: '2026-12-06T02:00:00.000Z',
};

describe('收件地址 form', () => {
  it('when a province is chosen, then its cities are offered; a new province clears the city and district', () => {
    // Arrange
    const inGuangzhou = { ...EMPTY_DRAFT, provinceCode: '440000', cityCode: '440100', districtCode: '440106' };

    // Act
    const cities = addressFields(inGuangzhou, null).cityCode.options ?? [];
    const districts = addressFields(inGuangzhou, null).districtCode.options ?? [];
    const moved = changed(inGuangzhou, 'provinceCode', '110000');

    // Assert
    expect(cities.map((option) => option.label)).toContain('深圳市');
    expect(cities).toHaveLength(21);
    expect(districts.map((option) => option.label)).toContain('天河区');
    expect(moved).toMatchObject({ provinceCode: '110000', cityCode: '', districtCode: '' });
    expect(addressFields(moved, null).cityCode.options).toEqual([{ value: '110100', label: '北京市' }]);
  });

  it('when a new address lacks its mobile and district, then both are named; an edited one may keep its mobile', () => {
    // Arrange
    const typed = { ...EMPTY_DRAFT, recipient: '王小明', provinceCode: '440000', detail: '天河路385号' };

    // Act
    const newIssues = draftIssues(typed, null);
    const editIssues = draftIssues(draftOf(SAVED), { mobileMasked: SAVED.mobile });

    // Assert
    expect(Object.keys(newIssues).sort()).toEqual(['cityCode', 'districtCode', 'mobile']);
    expect(editIssues).toEqual({});
  });

  it('when an edited address is sent without a new mobile, then the change carries none; a new one carries it', () => {
    // Arrange
    const draft = { ...draftOf(SAVED), detail: ' 天河路1号 ' };

    // Act
    const update = updateRequest(draft);
    const create = createRequest({ ...draft, mobile: '13912345678' });

    // Assert
    expect(update).toEqual({ recipient: '王小明', districtCode: '440106', detail: '天河路1号', isDefault: true });
    expect(create).toEqual({
      recipient: '王小明',
      mobile: '13912345678',
      districtCode: '440106',
      detail: '天河路1号',
      isDefault: true,
    });
  });
});
