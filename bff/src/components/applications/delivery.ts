import type { DeliveryChoice, ItemGuide } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import type { DeliveryInfo } from '../../upstreams/approval/approval.dialect';
import { DELIVERY_CODE_OF } from './case-view';

/**
 * The delivery choice checked against the item's guide: an item that offers
 * ways of getting the result needs one of them; one that offers none takes
 * no choice (its form asks, or the hall hands the result over).
 */
export function demandDeliveryChoice(item: Pick<ItemGuide, 'deliveryModes'>, choice: DeliveryChoice | undefined): void {
  if (item.deliveryModes.length === 0) {
    if (!choice) return;
    throw new AppError({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'delivery', message: '该事项的办理结果按办事指南领取，无需选择领取方式' }],
    });
  }
  if (!choice) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'delivery.mode', message: '请选择办理结果的领取方式' }],
    });
  }
  if (!item.deliveryModes.includes(choice.mode)) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'delivery.mode', message: '该事项不提供这种领取方式，请重新选择' }],
    });
  }
}

/** 送达信息 as the approval system takes it: by post to the verified applicant at the account's phone. */
export function toDeliveryInfo(choice: DeliveryChoice, recipient: { name: string; phone: string }): DeliveryInfo {
  const sdfs = DELIVERY_CODE_OF[choice.mode];
  if (choice.mode !== 'post' || !choice.address) return { sdfs };
  const { province, city, district, detail } = choice.address;
  return { sdfs, sjr: recipient.name, lxdh: recipient.phone, sf: province, cs: city, qx: district, xxdz: detail };
}
