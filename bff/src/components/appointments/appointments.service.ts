import {
  compactFromIsoDay,
  type Appointment,
  type AppointmentList,
  type AppointmentRequest,
  type RescheduleRequest,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { Sealer } from '../../libraries/crypto';
import type { RateLimiter } from '../../libraries/rate-limiter';
import { AppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import type { HallClient } from '../../upstreams/hall/hall.client';
import { signInClaim } from '../../upstreams/hall/hall.mapping';
import type { Booking } from '../../upstreams/hall/hall.types';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import { hallRefusal, NO_SHOW_LIMIT, NO_SHOW_WINDOW_DAYS } from '../halls/hall-refusals';
import type { AuthState } from '../../libraries/context';
import type { FamilyAuthority } from '../family/family-authority';
import type { FamilyService } from '../family/family.service';
import type { HallsService } from '../halls/halls.service';
import type { SlotChange } from '../halls/slot-cache';
import type { IdentityService, VerifiedIdentity } from '../identity/identity.service';
import { toAppointment } from './appointment-view';
import { contactPhone, type AccountPhones } from './contact-phone';
import { greenChannel } from './green-channel';
import { bookingNotice, type SubscribeNotice, type SubscribeNotifier } from '../messages/subscribe-notices';

/**
 * Booking for someone else checks their name and ID number with the
 * population register; a day's budget keeps that from being a way to probe it.
 */
const FOR_OTHERS_PER_DAY = { points: 10, windowMs: 86_400_000, alignOffsetMs: 8 * 3_600_000 };

const QR_PREFIX = 'SJYY1.';

export interface AppointmentsDeps {
  hall: HallClient;
  halls: HallsService;
  identity: IdentityService;
  identityRecords: IdentityClient;
  /** The account's own phone, for the SMS notices when none is typed. */
  users: AccountPhones;
  idempotency: IdempotencyStore;
  limiter: RateLimiter;
  /** Seals the sign-in QR payload, so a hall scanner knows it is ours and unchanged. */
  sealer: Sealer;
  /** 预约成功 / 预约取消 subscribe messages for WeChat users who accepted them. */
  notifier: SubscribeNotifier;
  /** Whether I may book for a family member (read on every call: a removal holds at once); acts go to their usage record. */
  family: FamilyAuthority & Pick<FamilyService, 'recordActing'>;
  /** Drops the cached slots of a changed day here and on every other instance. */
  slotChanges: { announce(changes: readonly SlotChange[]): Promise<void> };
  clock: Clock;
}

/**
 * 预约: a place at a hall for a business on a day, for myself or, with their
 * consent, for someone else (verified against the population register). The
 * queuing system keeps the places, so a slot is never oversold however many
 * people race for it; a booking is made once per Idempotency-Key.
 */
export class AppointmentsService {
  constructor(private readonly deps: AppointmentsDeps) {}

  async book(
    auth: AuthState,
    idempotencyKey: string,
    request: AppointmentRequest,
  ): Promise<StoredResponse<Appointment>> {
    const { userId } = auth;
    const me = await this.deps.identity.require(userId);
    const { hall } = await this.deps.halls.hall(request.hallId);
    await this.deps.halls.businessNamed(request.business);
    if (!hall.businesses.includes(request.business)) {
      throw new AppError({ code: 'VALIDATION_FAILED', fields: [{ path: 'business', message: '该大厅不办理此业务' }] });
    }
    const subject = await this.subjectOf(userId, me, request);
    // The green channel is for who is 60 on the day of the visit.
    const visitDay = compactFromIsoDay(request.date);
    return this.deps.idempotency.run(
      `appointments:${userId}`,
      idempotencyKey,
      requestHash(request),
      async (requestNo) => {
        const outcome = await this.deps.hall.book({
          requestNo,
          hallId: request.hallId,
          business: request.business,
          date: request.date,
          slotId: request.slotId,
          person: subject,
          ...(subject.idNumber === me.idNumber ? {} : { agent: { name: me.name, idNumber: me.idNumber } }),
          greenChannel: greenChannel(subject.idNumber, visitDay),
        });
        // Taken, or already full where a cache showed a place: either way the cached day is wrong now.
        if (outcome.ok || outcome.reason === 'full') {
          this.slotsChanged([{ hallId: request.hallId, business: request.business, date: request.date }]);
        }
        if (!outcome.ok) throw hallRefusal(outcome);
        const booked = await this.view(me, outcome.booking);
        if (request.memberId) {
          const what = `代为预约：${booked.hall.name} ${booked.business.name} ${booked.date} ${booked.from}`;
          await this.deps.family.recordActing(auth, request.memberId, what);
        }
        this.notify(userId, bookingNotice('confirmed', booked));
        return { status: 201, body: booked };
      },
    );
  }

  /** My bookings: made for myself and those I made for others. */
  async list(userId: string): Promise<AppointmentList> {
    const me = await this.deps.identity.require(userId);
    const { list, noShows, blockedUntil } = await this.deps.hall.bookings(me.idNumber);
    return {
      items: await Promise.all(list.map((booking) => this.view(me, booking))),
      noShows,
      noShowLimit: NO_SHOW_LIMIT,
      noShowWindowDays: NO_SHOW_WINDOW_DAYS,
      ...(blockedUntil ? { blockedUntil } : {}),
    };
  }

  async get(userId: string, id: string): Promise<Appointment> {
    const me = await this.deps.identity.require(userId);
    return this.view(me, await this.own(me, id));
  }

  async cancel(userId: string, id: string): Promise<Appointment> {
    const me = await this.deps.identity.require(userId);
    const booking = await this.own(me, id);
    const outcome = await this.deps.hall.cancel(id, me.idNumber);
    if (!outcome.ok) throw hallRefusal(outcome);
    this.slotsChanged([booking]);
    const cancelled = await this.view(me, outcome.booking);
    this.notify(userId, bookingNotice('cancelled', cancelled));
    return cancelled;
  }

  async reschedule(userId: string, id: string, request: RescheduleRequest): Promise<Appointment> {
    const me = await this.deps.identity.require(userId);
    const booking = await this.own(me, id);
    const outcome = await this.deps.hall.reschedule(id, me.idNumber, request.date, request.slotId);
    if (outcome.ok || outcome.reason === 'full') {
      this.slotsChanged([booking, { hallId: booking.hallId, business: booking.business, date: request.date }]);
    }
    if (!outcome.ok) throw hallRefusal(outcome);
    const moved = await this.view(me, outcome.booking);
    this.notify(userId, bookingNotice('confirmed', moved));
    return moved;
  }

  /** Told beside the answer: the change is made at the hall system whether or not the record is written. */
  private slotsChanged(changes: readonly SlotChange[]): void {
    void this.deps.slotChanges.announce(changes.map(({ hallId, business, date }) => ({ hallId, business, date })));
  }

  /** The WeChat message goes out beside the answer: the booking is made whether or not WeChat takes it. */
  private notify(userId: string, notice: SubscribeNotice): void {
    void this.deps.notifier.notify(userId, notice);
  }

  /** One of my bookings (as applicant or as the one who booked); anyone else's is 404 like an unknown one. */
  private async own(me: VerifiedIdentity, id: string): Promise<Booking> {
    const { list } = await this.deps.hall.bookings(me.idNumber);
    const booking = list.find((b) => b.id === id);
    if (!booking) throw new AppError({ code: 'APPOINTMENT_NOT_FOUND' });
    return booking;
  }

  /**
   * Who the place is for: me, a family member I may book for (their register
   * identity, the notices to my phone), or the person I book for once the
   * register confirms name and number.
   */
  private async subjectOf(
    userId: string,
    me: VerifiedIdentity,
    request: AppointmentRequest,
  ): Promise<{ name: string; idNumber: string; phone: string }> {
    if (request.memberId) {
      const member = await this.deps.family.memberFor(userId, request.memberId, 'book');
      return {
        name: member.name,
        idNumber: member.idNumber,
        phone: await contactPhone(this.deps.users, userId, request.phone),
      };
    }
    const other = request.for;
    if (!other || other.idNumber.toUpperCase() === me.idNumber.toUpperCase()) {
      return {
        name: me.name,
        idNumber: me.idNumber,
        phone: await contactPhone(this.deps.users, userId, request.phone),
      };
    }
    await this.deps.limiter.demand(
      `appointments:for-others:${userId}`,
      FOR_OTHERS_PER_DAY,
      '今天为他人预约的次数已达上限，请明天再试',
    );
    const check = await this.deps.identityRecords.verify(other.name, other.idNumber.toUpperCase());
    if (!check.matched) {
      throw new AppError({
        code: 'IDENTITY_MISMATCH',
        message: '被预约人的姓名与身份证号码不一致，请核对后重试',
        fields: [{ path: 'for.idNumber', message: '姓名与身份证号码不一致' }],
      });
    }
    return { name: other.name, idNumber: other.idNumber.toUpperCase(), phone: other.phone };
  }

  private async view(me: VerifiedIdentity, booking: Booking): Promise<Appointment> {
    const [hall, business] = await Promise.all([
      this.deps.halls
        .hall(booking.hallId)
        .then((h) => h.hall)
        .catch(() => undefined),
      this.deps.halls.businessNamed(booking.business).catch(() => undefined),
    ]);
    const end = booking.endsAt;
    const qr = end
      ? { payload: QR_PREFIX + this.deps.sealer.seal(signInClaim(booking)), expiresAt: end.toISOString() }
      : undefined;
    return toAppointment(booking, {
      me: me.idNumber,
      hall,
      business,
      now: this.deps.clock.now(),
      ...(qr ? { qr } : {}),
    });
  }
}
