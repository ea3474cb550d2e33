import type { DeliveryChoice, DeliveryMode } from '@suijing/shared';
import type { DeliveryInfo } from './approval.dialect';

/** 送达方式 codes of the approval system. */
const MODE_OF: Record<DeliveryInfo['sdfs'], DeliveryMode> = { '1': 'window', '2': 'post', '3': 'electronic' };
const CODE_OF: Record<DeliveryMode, DeliveryInfo['sdfs']> = { window: '1', post: '2', electronic: '3' };

/** How a case's result reaches the citizen, in our words (unmasked: the view masks it). */
export interface CaseDelivery {
  mode: DeliveryMode;
  recipient?: string;
  phone?: string;
  /** Province, city and district run together, when given. */
  region?: string;
  detail?: string;
}

/** 送达信息 as the approval system takes it: by post to the verified applicant at the account's phone. */
export function toDeliveryInfo(choice: DeliveryChoice, recipient: { name: string; phone: string }): DeliveryInfo {
  const sdfs = CODE_OF[choice.mode];
  if (choice.mode !== 'post' || !choice.address) return { sdfs };
  const { province, city, district, detail } = choice.address;
  return { sdfs, sjr: recipient.name, lxdh: recipient.phone, sf: province, cs: city, qx: district, xxdz: detail };
}

/** A case's 送达信息 in our words. */
export function fromDeliveryInfo(info: DeliveryInfo): CaseDelivery {
  const region = `${info.sf ?? ''}${info.cs ?? ''}${info.qx ?? ''}`;
  return {
    mode: MODE_OF[info.sdfs],
    ...(info.sjr ? { recipient: info.sjr } : {}),
    ...(info.lxdh ? { phone: info.lxdh } : {}),
    ...(region ? { region } : {}),
    ...(info.xxdz ? { detail: info.xxdz } : {}),
  };
}
