import { fromCompactDateTime, toCompactDate, type Ticket, type TicketRequest } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import type { HallClient } from '../../upstreams/hall/hall.client';
import type { TicketRecord } from '../../upstreams/hall/hall.dialect';
import { contactPhone, type AccountPhones } from '../appointments/contact-phone';
import { greenChannel } from '../appointments/green-channel';
import { hallRefusal } from '../halls/hall-refusals';
import type { HallsService } from '../halls/halls.service';
import type { IdentityService } from '../identity/identity.service';

const STATUS: Record<string, readonly [Ticket['status'], string]> = {
  '1': ['waiting', '排队中'],
  '2': ['called', '请到窗口办理'],
  '3': ['missed', '已过号'],
  '4': ['done', '已办结'],
};

export interface TicketsDeps {
  hall: HallClient;
  halls: HallsService;
  identity: IdentityService;
  /** The account's own phone, for the SMS reminder when none is typed. */
  users: AccountPhones;
  idempotency: IdempotencyStore;
  clock: Clock;
}

/** The ticket's id for the API: its number and hall (the number alone repeats across halls and days). */
const ticketId = (hallId: string, number: string) => `${number}-${hallId}`;

function parseTicketId(id: string): { number: string; hallId: string } {
  const at = id.indexOf('-');
  if (at <= 0) throw new AppError({ code: 'TICKET_NOT_FOUND' });
  return { number: id.slice(0, at), hallId: id.slice(at + 1) };
}

/**
 * 远程取号: a queue ticket taken from the phone near opening hours, then its
 * place in the queue as the hall calls. One ticket per Idempotency-Key; the
 * hall keeps one waiting ticket per person and business.
 */
export class TicketsService {
  constructor(private readonly deps: TicketsDeps) {}

  async take(
    userId: string,
    idempotencyKey: string,
    hallId: string,
    request: TicketRequest,
  ): Promise<StoredResponse<Ticket>> {
    const me = await this.deps.identity.require(userId);
    const { hall } = await this.deps.halls.hall(hallId);
    const business = await this.deps.halls.businessNamed(request.business);
    if (!hall.yw.some((y) => y.ywdm === request.business)) {
      throw new AppError({ code: 'VALIDATION_FAILED', fields: [{ path: 'business', message: '该大厅不办理此业务' }] });
    }
    const phone = await contactPhone(this.deps.users, userId, request.phone);
    const hash = requestHash({ hallId, ...request });
    return this.deps.idempotency.run(`tickets:${userId}`, idempotencyKey, hash, async (wbbh) => {
      const green = greenChannel(me.idNumber, toCompactDate(this.deps.clock.now()));
      const outcome = await this.deps.hall.takeTicket(hallId, {
        wbbh,
        ywdm: request.business,
        sfzmhm: me.idNumber,
        sjhm: phone,
        lstd: green ? '1' : '0',
      });
      if (!outcome.ok) throw hallRefusal(outcome);
      return {
        status: 201,
        body: this.view(outcome.ticket, { id: hallId, name: hall.dtmc }, business, green),
      };
    });
  }

  async get(userId: string, id: string): Promise<Ticket> {
    const me = await this.deps.identity.require(userId);
    const { number, hallId } = parseTicketId(id);
    const { hall, businesses } = await this.deps.halls.hall(hallId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'HALL_NOT_FOUND')
        throw new AppError({ code: 'TICKET_NOT_FOUND' });
      throw error;
    });
    const record = await this.deps.hall.ticket(hallId, number, me.idNumber);
    if (!record) throw new AppError({ code: 'TICKET_NOT_FOUND' });
    const business = (record.ywdm ? businesses.get(record.ywdm) : undefined) ?? {
      code: record.ywdm ?? '',
      name: '',
      policeType: '',
    };
    return this.view(record, { id: hallId, name: hall.dtmc }, business, record.lstd === '1');
  }

  private view(
    record: TicketRecord,
    hall: { id: string; name: string },
    business: Ticket['business'],
    green: boolean,
  ): Ticket {
    const [status, statusText] = STATUS[record.zt] ?? (['waiting', '排队中'] as const);
    const taken = record.qhsj ? fromCompactDateTime(record.qhsj) : undefined;
    return {
      id: ticketId(hall.id, record.phbh),
      number: record.phbh,
      hall,
      business,
      status,
      statusText,
      ahead: record.qmrs,
      estimatedWaitMinutes: record.yjdd,
      ...(record.ck ? { window: record.ck } : {}),
      greenChannel: green,
      takenAt: (taken ?? this.deps.clock.now()).toISOString(),
    };
  }
}
