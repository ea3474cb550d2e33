import type { DeliveryChoice, ItemGuide } from '@suijing/shared';
import { AppError } from '../../libraries/errors';

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
