import type { CatalogFreshness, ItemGuide, ItemSummary, Material, MaterialExemption } from '@suijing/shared';
import { formatDateTime } from './format';

/** How the catalog's numbers and flags read to a citizen. */

/** 0 working days means the case is settled on the spot (即办). */
export function promisedText(days: number): string {
  return days <= 0 ? '即办' : `承诺 ${days} 个工作日`;
}

export function visitsText(visits: number): string {
  return visits <= 0 ? '零跑动' : `到现场 ${visits} 次`;
}

export function feeText(charged: boolean): string {
  return charged ? '收费' : '免费';
}

/** The badges every item card and guide header shows, in reading order. */
export function itemBadges(item: ItemSummary): Array<{ text: string; tone: 'primary' | 'success' | 'warning' }> {
  return [
    { text: promisedText(item.promisedDays), tone: item.promisedDays <= 0 ? 'success' : 'primary' },
    { text: visitsText(item.visits), tone: item.visits <= 0 ? 'success' : 'primary' },
    { text: feeText(item.charged), tone: item.charged ? 'warning' : 'success' },
    { text: item.onlineDepth, tone: 'primary' },
  ];
}

const CROSS_REGION_LABEL: Record<ItemGuide['crossRegion']['scope'], string> = {
  none: '',
  province: '全省通办',
  national: '全国通办',
  'bay-area': '湾区通办',
};

/** "跨域通办 · 全国通办", or null when the item is handled locally only. */
export function crossRegionText(crossRegion: ItemGuide['crossRegion']): string | null {
  const label = CROSS_REGION_LABEL[crossRegion.scope];
  return label ? `跨域通办 · ${label}` : null;
}

/** What the guide says of a material filing online needs no upload of. */
export const EXEMPTION_TEXT: Record<MaterialExemption, string> = {
  form: '网上办理时在线填写即为该材料，无需上传',
  shared: '网上办理时由出具单位或部门线上提供，无需上传',
};

export const NECESSITY_LABEL: Record<Material['necessity'], string> = {
  required: '必要',
  waivable: '容缺',
  conditional: '情形',
};

export function paperCopiesText(copies: number): string {
  return copies > 0 ? `纸质 ${copies} 份` : '无需纸质材料';
}

/** "2 分钟前", "3 小时前"; a day or more shows the date itself. */
export function ageText(ageSeconds: number, syncedAt: string): string {
  if (ageSeconds < 60) return '不到 1 分钟前';
  if (ageSeconds < 3600) return `${Math.floor(ageSeconds / 60)} 分钟前`;
  if (ageSeconds < 86_400) return `${Math.floor(ageSeconds / 3600)} 小时前`;
  return formatDateTime(syncedAt);
}

/**
 * The discreet notice for an answer served from the BFF's last good copy
 * while the catalog system is down; null when the answer is current.
 */
export function staleNoticeText(catalog: CatalogFreshness | null | undefined): string | null {
  if (!catalog?.stale) return null;
  return `办事系统暂时无法连接，以下信息更新于 ${ageText(catalog.ageSeconds, catalog.syncedAt)}`;
}
