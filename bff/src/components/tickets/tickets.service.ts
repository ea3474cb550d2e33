import { toCompactDate, type Ticket, type TicketRequest } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import type { HallClient } from '../../upstreams/hall/hall.client';
import type { QueueTicket } from '../../upstreams/hall/hall.types';
import { contactPhone, type AccountPhones } from '../appointments/contact-phone';
import { greenChannel } from '../appointments/green-channel';
import { hallRefusal } from '../halls/hall-refusals';
import type { HallsService } from '../halls/halls.service';
import type { IdentityService } from '../identity/identity.service';

const STATUS_TEXT: Record<Ticket['status'], string> = {
  waiting: '排队中',
  called: '请到窗口办理',
  missed: '已过号',
  done: '已办结',
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
    if (!hall.businesses.includes(request.business)) {
      throw new AppError({ code: 'VALIDATION_FAILED', fields: [{ path: 'business', message: '该大厅不办理此业务' }] });
    }
    const phone = await contactPhone(this.deps.users, userId, request.phone);
    const hash = requestHash({ hallId, ...request });
    return this.deps.idempotency.run(`tickets:${userId}`, idempotencyKey, hash, async (requestNo) => {
      const green = greenChannel(me.idNumber, toCompactDate(this.deps.clock.now()));
      const outcome = await this.deps.hall.takeTicket(hallId, {
        requestNo,
        business: request.business,
        idNumber: me.idNumber,
        phone,
        greenChannel: green,
      });
      if (!outcome.ok) throw hallRefusal(outcome);
      return {
        status: 201,
        body: this.view(outcome.ticket, { id: hallId, name: hall.name }, business, green),
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
    const ticket = await this.deps.hall.ticket(hallId, number, me.idNumber);
    if (!ticket) throw new AppError({ code: 'TICKET_NOT_FOUND' });
    const business = (ticket.business ? businesses.get(ticket.business) : undefined) ?? {
      code: ticket.business ?? '',
      name: '',
      policeType: '',
    };
    return this.view(ticket, { id: hallId, name: hall.name }, business, ticket.greenChannel);
  }

  private view(
    ticket: QueueTicket,
    hall: { id: string; name: string },
    business: Ticket['business'],
    green: boolean,
  ): Ticket {
    return {
      id: ticketId(hall.id, ticket.number),
      number: ticket.number,
      hall,
      business,
      status: ticket.status,
      statusText: STATUS_TEXT[ticket.status],
      ahead: ticket.ahead,
      estimatedWaitMinutes: ticket.estimatedWaitMinutes,
      ...(ticket.window ? { window: ticket.window } : {}),
      greenChannel: green,
      takenAt: (ticket.takenAt ?? this.deps.clock.now()).toISOString(),
    };
  }
}
