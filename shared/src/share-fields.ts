/**
 * 出示 (scoped showing): what a holder may let a verifier see of each kind of
 * certificate in the 证照夹, as keys with the labels both screens print. Never
 * a full ID number: the verifier learns facts ("持有有效居住证: 是"), not
 * identifiers, except the plate, which a verifier must match on the vehicle.
 * Dependency-free, so the BFF and the mini-program read the same list.
 */

/** The kinds of certificate the 证照夹 holds. */
export const WALLET_ITEM_KINDS = [
  'identity',
  'driving-licence',
  'vehicle-licence',
  'residence-permit',
  'e-licence',
] as const;
export type WalletItemKind = (typeof WALLET_ITEM_KINDS)[number];

export interface ShareFieldDefinition {
  key: string;
  label: string;
}

export const SHARE_FIELDS: Readonly<Record<WalletItemKind, readonly ShareFieldDefinition[]>> = {
  identity: [
    { key: 'name', label: '姓名' },
    { key: 'verified', label: '已通过实人认证' },
    { key: 'adult', label: '已满18周岁' },
  ],
  'driving-licence': [
    { key: 'name', label: '姓名' },
    { key: 'licenceValid', label: '驾驶证有效' },
    { key: 'classes', label: '准驾车型' },
    { key: 'validUntil', label: '有效期至' },
  ],
  'vehicle-licence': [
    { key: 'ownerName', label: '机动车所有人' },
    { key: 'plate', label: '号牌号码' },
    { key: 'vehicleType', label: '车辆类型' },
    { key: 'inspectionValid', label: '检验有效' },
  ],
  'residence-permit': [
    { key: 'name', label: '姓名' },
    { key: 'permitValid', label: '持有有效居住证' },
    { key: 'validUntil', label: '有效期至' },
    { key: 'district', label: '居住地区县' },
    { key: 'numberMasked', label: '居住证号码（部分隐藏）' },
  ],
  'e-licence': [
    { key: 'name', label: '姓名' },
    { key: 'licenceValid', label: '证照有效' },
    { key: 'issuer', label: '发证机关' },
    { key: 'validUntil', label: '有效期至' },
  ],
};

/** Every key any kind offers (what a request may name at all; the kind's own list decides). */
export const SHARE_FIELD_KEYS: readonly string[] = [
  ...new Set(Object.values(SHARE_FIELDS).flatMap((fields) => fields.map((field) => field.key))),
];

/** How long a 出示 link may live, in minutes: 5 minutes, half an hour, two hours, a day. */
export const SHARE_DURATIONS_MINUTES = [5, 30, 120, 1440] as const;
export type ShareDurationMinutes = (typeof SHARE_DURATIONS_MINUTES)[number];

/** The kind's fields among `keys`, in the kind's order; unknown keys are left out. */
export function shareFieldsOf(kind: WalletItemKind, keys?: readonly string[]): ShareFieldDefinition[] {
  const all = SHARE_FIELDS[kind];
  return keys === undefined ? [...all] : all.filter((field) => keys.includes(field.key));
}
