import type { Address, AddressInput, AddressUpdate, FormField } from '@suijing/shared';
import { checkField, type FormValue } from '@suijing/shared/forms';
import { REGIONS, type Region } from '@suijing/shared/regions';

/** The address as it is being typed: codes for the region, text for the rest. */
export interface AddressDraft {
  recipient: string;
  /** Empty while editing means "keep the one on file" (it is never sent back to the form in full). */
  mobile: string;
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  detail: string;
  isDefault: boolean;
}

export type DraftKey = Exclude<keyof AddressDraft, 'isDefault'>;

export const EMPTY_DRAFT: AddressDraft = {
  recipient: '',
  mobile: '',
  provinceCode: '',
  cityCode: '',
  districtCode: '',
  detail: '',
  isDefault: false,
};

/** An address from the book, ready to edit (the mobile left empty: it stays unless retyped). */
export function draftOf(address: Address): AddressDraft {
  return {
    recipient: address.recipient,
    mobile: '',
    provinceCode: address.province.code,
    cityCode: address.city.code,
    districtCode: address.district.code,
    detail: address.detail,
    isDefault: address.isDefault,
  };
}

const options = (regions: readonly Region[] | undefined) =>
  (regions ?? []).map((region) => ({ value: region.code, label: region.name }));

const citiesOf = (provinceCode: string) => REGIONS.find((p) => p.code === provinceCode)?.children;
const districtsOf = (provinceCode: string, cityCode: string) =>
  citiesOf(provinceCode)?.find((c) => c.code === cityCode)?.children;

/**
 * The form's fields, as the rest of the app's forms are made: 收件人, 手机号码
 * (optional when editing: the one on file stays), 省/市/区 as three linked
 * choices from the region table, 详细地址.
 */
export function addressFields(
  draft: AddressDraft,
  editing: { mobileMasked: string } | null,
): Record<DraftKey, FormField> {
  return {
    recipient: { key: 'recipient', label: '收件人', type: 'text', required: true, minLength: 2, maxLength: 30 },
    mobile: {
      key: 'mobile',
      label: '手机号码',
      type: 'phone',
      required: editing === null,
      ...(editing ? { placeholder: `${editing.mobileMasked}（不修改请留空）` } : {}),
    },
    provinceCode: { key: 'provinceCode', label: '省份', type: 'select', required: true, options: options(REGIONS) },
    cityCode: {
      key: 'cityCode',
      label: '城市',
      type: 'select',
      required: true,
      options: options(citiesOf(draft.provinceCode)),
    },
    districtCode: {
      key: 'districtCode',
      label: '区县',
      type: 'select',
      required: true,
      options: options(districtsOf(draft.provinceCode, draft.cityCode)),
    },
    detail: {
      key: 'detail',
      label: '详细地址',
      type: 'text',
      required: true,
      minLength: 5,
      maxLength: 100,
      placeholder: '街道、门牌号、楼栋房号',
    },
  };
}

export const FIELD_ORDER: readonly DraftKey[] = [
  'recipient',
  'mobile',
  'provinceCode',
  'cityCode',
  'districtCode',
  'detail',
];

/** The draft after one field changed: a new province clears the city and district, a new city the district. */
export function changed(draft: AddressDraft, key: DraftKey, value: FormValue): AddressDraft {
  const text = typeof value === 'string' ? value : '';
  if (key === 'provinceCode') return { ...draft, provinceCode: text, cityCode: '', districtCode: '' };
  if (key === 'cityCode') return { ...draft, cityCode: text, districtCode: '' };
  return { ...draft, [key]: text };
}

/** Messages by field key; empty when the draft can be saved. */
export function draftIssues(draft: AddressDraft, editing: { mobileMasked: string } | null): Record<string, string> {
  const fields = addressFields(draft, editing);
  const issues: Record<string, string> = {};
  for (const key of FIELD_ORDER) {
    const problem = checkField(fields[key], draft[key]);
    if (problem) issues[key] = problem;
  }
  return issues;
}

export function createRequest(draft: AddressDraft): AddressInput {
  return {
    recipient: draft.recipient.trim(),
    mobile: draft.mobile.trim(),
    districtCode: draft.districtCode,
    detail: draft.detail.trim(),
    isDefault: draft.isDefault,
  };
}

/** A change: the mobile only when one was typed. */
export function updateRequest(draft: AddressDraft): AddressUpdate {
  const mobile = draft.mobile.trim();
  return {
    recipient: draft.recipient.trim(),
    ...(mobile ? { mobile } : {}),
    districtCode: draft.districtCode,
    detail: draft.detail.trim(),
    isDefault: draft.isDefault,
  };
}
