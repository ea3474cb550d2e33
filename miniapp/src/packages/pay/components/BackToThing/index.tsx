import { Button } from '@nutui/nutui-react-taro';
import type { PaymentOrder } from '@suijing/shared';
import { caseUrl, goTo, ROUTES } from '@/utils/navigation';

/** The way back to what was paid: the case, or the violations (a fine's 决定书 names no one violation page). */
export function BackToThing({ order, id }: { order: Pick<PaymentOrder, 'thing'>; id: string }): JSX.Element {
  const fine = order.thing.kind === 'fine';
  const url = fine ? ROUTES.violations : caseUrl(order.thing.caseId ?? order.thing.reference);
  return (
    <Button block className="sj-block-button" type="primary" fill="outline" id={id} onClick={() => goTo(url)}>
      {fine ? '返回违法记录' : '返回办件详情'}
    </Button>
  );
}
