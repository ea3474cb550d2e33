import { isValidPhone } from '@suijing/shared';
import { isRecord } from '../../core/input';
import type { ApprovalItem } from './items';
import { DELIVERY_MODE_NAMES, DELIVERY_MODES, type CaseRecord, type DeliveryInfo, type DeliveryMode } from './records';

/** How the result of a case reaches the applicant, as the 送达 step needs it. */
export interface ResolvedDelivery {
  mode: DeliveryMode;
  /** 省市区 of a postal address ("" when the address is one free-text line of the form). */
  region: string;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

function text(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.trim().length >= min && value.length <= max;
}

const isMode = (value: unknown): value is DeliveryMode =>
  typeof value === 'string' && (DELIVERY_MODES as readonly string[]).includes(value);

/**
 * 送达信息 of a submission. 邮寄 (2) needs the recipient, a mobile number
 * and the address as 省 市 区 and 详细地址; the other modes carry no address
 * (anything sent with them is dropped, not stored).
 */
export function parseDelivery(value: unknown): Parsed<DeliveryInfo | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  if (!isRecord(value)) return { ok: false, problem: 'sdxx 必须是对象' };
  const { sdfs, sjr, lxdh, sf, cs, qx, xxdz } = value;
  if (!isMode(sdfs)) return { ok: false, problem: 'sdxx.sdfs 必须是1（窗口领取）、2（邮政寄递）或3（电子证明）' };
  if (sdfs !== '2') return { ok: true, value: { sdfs } };
  if (!text(sjr, 1, 30)) return { ok: false, problem: '邮寄须填写 sdxx.sjr（收件人），至多30个字符' };
  if (typeof lxdh !== 'string' || !isValidPhone(lxdh)) return { ok: false, problem: 'sdxx.lxdh 不是有效的手机号码' };
  for (const [key, part] of [
    ['sf', sf],
    ['cs', cs],
    ['qx', qx],
  ] as const) {
    if (!text(part, 2, 20)) return { ok: false, problem: `邮寄须填写 sdxx.${key}（省、市、区县），2至20个字符` };
  }
  if (!text(xxdz, 5, 100)) return { ok: false, problem: '邮寄须填写 sdxx.xxdz（详细地址），5至100个字符' };
  return { ok: true, value: { sdfs, sjr, lxdh, sf: String(sf), cs: String(cs), qx: String(qx), xxdz } };
}

/** Whether the item lets the applicant choose this mode; the problem when it does not. */
export function deliveryProblem(item: ApprovalItem, delivery: DeliveryInfo): string | undefined {
  if (item.deliveryModes.length === 0) return `事项 ${item.sxbm} 不在申请时选择送达方式，请勿提交 sdxx`;
  if (!item.deliveryModes.includes(delivery.sdfs)) {
    const offered = item.deliveryModes.map((mode) => `${mode}（${DELIVERY_MODE_NAMES[mode]}）`).join('、');
    return `事项 ${item.sxbm} 不提供${DELIVERY_MODE_NAMES[delivery.sdfs]}，可选 ${offered}`;
  }
  return undefined;
}

/**
 * How this case's result is delivered: as chosen when applying (sdxx);
 * for items whose form asks 领取方式 itself, 邮政速递 (lqfs 2) with the
 * form's 邮寄地址; otherwise it is collected at the hall. Never a post
 * without an address.
 */
export function resolveDelivery(
  record: CaseRecord,
  formData: Readonly<Record<string, string | string[]>>,
): ResolvedDelivery {
  if (record.sdxx) {
    const { sdfs, sf, cs, qx } = record.sdxx;
    return { mode: sdfs, region: sdfs === '2' ? `${sf ?? ''}${cs ?? ''}${qx ?? ''}` : '' };
  }
  const address = formData.yjdz;
  if (formData.lqfs === '2' && typeof address === 'string' && address.trim() !== '') return { mode: '2', region: '' };
  return { mode: '1', region: '' };
}
