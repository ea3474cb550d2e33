import type { ApplicationDetail } from '@suijing/shared';
import { formatDay } from '@/utils/case-format';

/**
 * 承诺办结 as the approval system counts it: the date, and why it is not the
 * one promised at filing (补正 time does not count: 补正时间不计入办理时限).
 */
export function promisedText(detail: ApplicationDetail): string {
  const day = `${formatDay(detail.promisedDate)}前`;
  if (detail.clockPausedSince) return `${day}（补正期间暂停计时，补正后顺延）`;
  if (detail.extendedWorkingDays) return `${day}（因补正顺延 ${detail.extendedWorkingDays} 个工作日）`;
  return day;
}

/** "邮寄 · 广东省广州市天河区****", "电子证明", "窗口领取". */
export function deliveryText(delivery: NonNullable<ApplicationDetail['delivery']>): string {
  return delivery.address ? `${delivery.modeText} · ${delivery.address}` : delivery.modeText;
}
