import { maskName, maskPhone, type Address, type AddressSummary, type ResolvedDistrict } from '@suijing/shared';

/** What is sealed of an address. */
export interface AddressSecret {
  recipient: string;
  mobile: string;
  detail: string;
}

/** 天河路100号201房 -> 天河路****: the first few characters (street, rarely the number), the rest hidden. */
export function shortenDetail(detail: string): string {
  const chars = Array.from(detail.trim());
  const keep = Math.min(4, Math.floor(chars.length / 2));
  return `${chars.slice(0, keep).join('')}****`;
}

export function regionText({ province, city, district }: ResolvedDistrict): string {
  // 北京市北京市东城区 reads oddly: a municipality names itself once.
  return province.name === city.name ? `${city.name}${district.name}` : `${province.name}${city.name}${district.name}`;
}

export function toAddress(
  row: { _id: string; isDefault: boolean; updatedAt: Date },
  secret: AddressSecret,
  region: ResolvedDistrict,
): Address {
  const part = ({ code, name }: { code: string; name: string }) => ({ code, name });
  return {
    id: row._id,
    recipient: secret.recipient,
    // Never in full in an answer: the form shows it masked and takes a new one to change it.
    mobile: maskPhone(secret.mobile),
    province: part(region.province),
    city: part(region.city),
    district: part(region.district),
    detail: secret.detail,
    isDefault: row.isDefault,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toAddressSummary(
  row: { _id: string; isDefault: boolean; updatedAt: Date },
  secret: AddressSecret,
  region: ResolvedDistrict,
): AddressSummary {
  return {
    id: row._id,
    recipient: maskName(secret.recipient),
    mobile: maskPhone(secret.mobile),
    region: regionText(region),
    detail: shortenDetail(secret.detail),
    isDefault: row.isDefault,
    updatedAt: row.updatedAt.toISOString(),
  };
}
