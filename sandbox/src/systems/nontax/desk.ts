import type { SandboxClock } from '../../core/clock';
import type { SandboxEvents } from '../../core/events';
import { toCompactDateTime } from '../../legacy/dates';
import type { CallbackDispatcher } from './callback-dispatcher';
import type { NontaxLedger, Payment, Settlement } from './ledger';
import { yuan } from './money';

/**
 * What happens when money arrives (the cashier's button, or the control
 * route standing in for it): the ledger settles the order, the traffic
 * system hears of the first payment of a 决定书, and the app gets a signed
 * callback.
 */
export class NontaxDesk {
  constructor(
    readonly ledger: NontaxLedger,
    readonly dispatcher: CallbackDispatcher,
    private readonly events: SandboxEvents,
    readonly clock: SandboxClock,
  ) {}

  pay(ddh: string): Payment {
    const payment = this.ledger.pay(this.ledger.findOrder(ddh));
    if (payment.kind !== 'paid') return payment;
    const { order, settlement } = payment;
    const bill = this.ledger.findBill(order.jkm);
    const jdsbh = bill?.jdsbh ?? '';
    if (payment.first) this.events.emit('finePaid', { jdsbh, jfsj: toCompactDateTime(new Date(settlement.paidAt)) });
    this.dispatcher.send(order.ddh, order.notifyUrl, callbackFields(settlement, jdsbh));
    return payment;
  }
}

/** The business fields of a payment callback (the dispatcher adds appId, timestamp, nonce and sign). */
export function callbackFields(settlement: Settlement, jdsbh: string): Record<string, string> {
  return {
    tzlx: 'PAY',
    ddh: settlement.ddh,
    jkm: settlement.jkm,
    jdsbh,
    jyje: yuan(settlement.amountFen),
    jylsh: settlement.jylsh,
    zfsj: toCompactDateTime(new Date(settlement.paidAt)),
    pjh: settlement.pjh,
    zt: '1',
  };
}
