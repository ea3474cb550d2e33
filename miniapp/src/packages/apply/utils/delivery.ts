import type { ApplicationForm, DeliveryChoice, DeliveryMode, FormField } from '@suijing/shared';
import { validateForm, type FormData, type FormIssue } from '@suijing/shared/forms';

/** An address chosen from the book instead of typing one: its id and how the book shows it (masked). */
export interface SavedAddress {
  id: string;
  label: string;
}

/**
 * The choice as it is being made on the form: a mode ('' before one is picked), the address typed so far,
 * or one chosen from the address book (which then replaces the typed one).
 */
export interface DeliveryState {
  mode: DeliveryMode | '';
  address: { province: string; city: string; district: string; detail: string };
  saved?: SavedAddress | undefined;
}

export const DELIVERY_LABEL: Record<DeliveryMode, string> = {
  electronic: '电子证明',
  post: '邮寄（EMS）',
  window: '窗口领取',
};

export const DELIVERY_NOTE: Record<DeliveryMode, string> = {
  electronic: '办结后在「我的办件」中查看，与纸质证明具有同等效力',
  post: '办结后寄往下方地址，收件人为申请人本人',
  window: '办结后凭本人身份证到办理窗口领取',
};

/** Field keys of the step: its own, never an item form's (those are the catalog's codes). */
export const DELIVERY_KEYS = {
  mode: 'deliveryMode',
  province: 'deliveryProvince',
  city: 'deliveryCity',
  district: 'deliveryDistrict',
  detail: 'deliveryDetail',
} as const;

/** The mode the guide lists first (its usual one), picked to begin with. */
export function initialDelivery(modes: readonly DeliveryMode[]): DeliveryState {
  return { mode: modes[0] ?? '', address: { province: '', city: '', district: '', detail: '' } };
}

/**
 * The step as form fields, so it looks, reads aloud and checks like the rest
 * of the form: the modes the item offers, and for 邮寄 the address in the
 * parts EMS needs, with the contract's lengths.
 */
export function deliveryForm(
  modes: readonly DeliveryMode[],
  mode: DeliveryState['mode'],
  saved?: SavedAddress,
): ApplicationForm {
  const fields: FormField[] = [
    {
      key: DELIVERY_KEYS.mode,
      label: '领取方式',
      type: 'radio',
      required: true,
      options: modes.map((value) => ({ value, label: DELIVERY_LABEL[value] })),
      ...(mode ? { help: mode === 'post' && saved ? '办结后寄往从地址簿选择的地址' : DELIVERY_NOTE[mode] } : {}),
    },
  ];
  if (mode === 'post' && !saved) {
    const part = (key: string, label: string, placeholder: string): FormField => ({
      key,
      label,
      type: 'text',
      required: true,
      minLength: 2,
      maxLength: 20,
      placeholder,
    });
    fields.push(
      part(DELIVERY_KEYS.province, '省份', '如：广东省'),
      part(DELIVERY_KEYS.city, '城市', '如：广州市'),
      part(DELIVERY_KEYS.district, '区县', '如：天河区'),
      {
        key: DELIVERY_KEYS.detail,
        label: '详细地址',
        type: 'text',
        required: true,
        minLength: 5,
        maxLength: 100,
        placeholder: '街道、门牌号、楼栋房号',
      },
    );
  }
  return { version: 'delivery', sections: [{ title: '办理结果领取方式', fields }] };
}

export function deliveryData(state: DeliveryState): FormData {
  return {
    [DELIVERY_KEYS.mode]: state.mode,
    [DELIVERY_KEYS.province]: state.address.province,
    [DELIVERY_KEYS.city]: state.address.city,
    [DELIVERY_KEYS.district]: state.address.district,
    [DELIVERY_KEYS.detail]: state.address.detail,
  };
}

/** What still needs filling or fixing, by field key (none for an item without a choice). */
export function deliveryIssues(modes: readonly DeliveryMode[], state: DeliveryState): FormIssue[] {
  if (modes.length === 0) return [];
  const form = deliveryForm(modes, state.mode, state.saved);
  const data = deliveryData(state);
  const asked = new Set(form.sections.flatMap((section) => section.fields.map((field) => field.key)));
  return validateForm(form, Object.fromEntries(Object.entries(data).filter(([key]) => asked.has(key))));
}

/** The choice as the BFF takes it; undefined for an item without one. Only 邮寄 carries an address. */
export function deliveryRequest(modes: readonly DeliveryMode[], state: DeliveryState): DeliveryChoice | undefined {
  if (modes.length === 0 || state.mode === '') return undefined;
  if (state.mode !== 'post') return { mode: state.mode };
  if (state.saved) return { mode: 'post', addressId: state.saved.id };
  const trim = (text: string): string => text.trim();
  const { province, city, district, detail } = state.address;
  return {
    mode: 'post',
    address: { province: trim(province), city: trim(city), district: trim(district), detail: trim(detail) },
  };
}

/** "邮寄（EMS） · 广东省广州市天河区天河路100号" for the review page; `savedLabel` for an address of the book. */
export function deliverySummary(choice: DeliveryChoice, savedLabel?: string): string {
  if (choice.mode === 'post' && choice.addressId) return `${DELIVERY_LABEL.post} · ${savedLabel ?? '地址簿中的地址'}`;
  if (choice.mode !== 'post' || !choice.address) return DELIVERY_LABEL[choice.mode];
  const { province, city, district, detail } = choice.address;
  return `${DELIVERY_LABEL.post} · ${province}${city}${district}${detail}`;
}
