import { beijingMinute, toCompactDate, type Appointment } from '@suijing/shared';
import type { Logger } from '../../libraries/logger';
import type { ApprovalEvent } from '../../upstreams/approval/approval.dialect';
import type { WechatClient } from '../../upstreams/wechat/wechat.client';
import type { UsersRepository } from '../users/users.repository';
import type { SubscribeTemplateIds, SubscribeTemplateKey } from './subscribe-templates';

/** One message: the template, the mini-program page it opens (as app.json names it) and the keyword values. */
export interface SubscribeNotice {
  template: SubscribeTemplateKey;
  page: string;
  data: Record<string, string>;
  /** What the message is about, for the log (a case or booking number). */
  about: string;
}

/** WeChat's `thing` values take at most 20 characters. */
export function thing(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > 20 ? `${chars.slice(0, 19).join('')}…` : chars.join('');
}

/** "20260302..." or "2026-03-02" -> "2026年3月2日", the form WeChat's `date` keywords show. */
function chineseDay(compactOrIso: string): string {
  const digits = compactOrIso.replace(/-/g, '');
  return `${digits.slice(0, 4)}年${Number(digits.slice(4, 6))}月${Number(digits.slice(6, 8))}日`;
}

const CASE_PAGE = 'packages/cases/pages/detail/index';
const APPOINTMENT_PAGE = 'packages/halls/pages/appointment/index';

/**
 * The message for a case's change: 补正 and the decision have their own templates, every other step is progress.
 * `note` is the one sentence the message centre shows.
 */
export function caseNotice(
  event: ApprovalEvent,
  itemName: string,
  statusText: string,
  note: string,
  now: Date,
): SubscribeNotice {
  const base = { page: `${CASE_PAGE}?caseNo=${event.bjbh}`, about: event.bjbh };
  const supplementDeadline = event.bj.dqjzsj;
  if (event.zt === '04' && supplementDeadline) {
    return {
      ...base,
      template: 'MATERIALS_REQUIRED',
      data: {
        character_string1: event.bjbh,
        thing2: thing(itemName),
        thing3: thing(event.bj.bcnr ?? event.yj ?? '请查看办件详情'),
        date4: chineseDay(supplementDeadline),
      },
    };
  }
  if (event.zt === '05' || event.zt === '06') {
    return {
      ...base,
      template: 'CASE_RESULT',
      data: {
        character_string1: event.bjbh,
        thing2: thing(itemName),
        phrase3: statusText,
        date4: chineseDay(toCompactDate(now)),
        thing5: thing(event.zt === '06' ? (event.bj.byxkly ?? event.yj ?? '请查看办件详情') : note),
      },
    };
  }
  return {
    ...base,
    template: 'CASE_PROGRESS',
    data: {
      character_string1: event.bjbh,
      thing2: thing(itemName),
      phrase3: statusText.slice(0, 5),
      time4: beijingMinute(now),
      thing5: thing(note),
    },
  };
}

/** The message for a booking made (or moved to another time) or cancelled. */
export function bookingNotice(kind: 'confirmed' | 'cancelled', appointment: Appointment): SubscribeNotice {
  const base = { page: `${APPOINTMENT_PAGE}?id=${appointment.id}`, about: appointment.id };
  const when = `${chineseDay(appointment.date)} ${appointment.from}~${appointment.to}`;
  if (kind === 'cancelled') {
    return {
      ...base,
      template: 'BOOKING_CANCELLED',
      data: {
        character_string1: appointment.id,
        thing2: thing(appointment.business.name),
        time3: when,
        thing4: '您已取消本次预约',
      },
    };
  }
  return {
    ...base,
    template: 'BOOKING_CONFIRMED',
    data: {
      character_string1: appointment.id,
      thing2: thing(appointment.business.name),
      time3: when,
      thing4: thing(appointment.hall.name),
      thing5: '请带身份证按时到厅扫码签到',
    },
  };
}

export interface SubscribeNotifierDeps {
  wechat: WechatClient;
  users: UsersRepository;
  templates: SubscribeTemplateIds;
  logger: Logger;
}

/**
 * Sends subscribe messages to a user who logs in with WeChat (or linked it). Never fails the caller: a message
 * not sent is logged, the in-app message centre and the pages stay the record.
 */
export class SubscribeNotifier {
  constructor(private readonly deps: SubscribeNotifierDeps) {}

  async notify(userId: string, notice: SubscribeNotice): Promise<void> {
    const templateId = this.deps.templates[notice.template];
    if (!templateId) return;
    try {
      const user = await this.deps.users.findById(userId);
      if (!user?.openid) return;
      const outcome = await this.deps.wechat.sendSubscribe({
        openid: user.openid,
        templateId,
        page: notice.page,
        data: notice.data,
      });
      this.deps.logger.info({ template: notice.template, about: notice.about, outcome }, 'subscribe message');
    } catch (error) {
      this.deps.logger.warn(
        { err: error, template: notice.template, about: notice.about },
        'subscribe message not sent',
      );
    }
  }
}
