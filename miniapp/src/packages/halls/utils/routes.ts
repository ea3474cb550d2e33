import { ROUTES, withQuery } from '@/utils/navigation';

/** Links between the 线下办事 pages (and from elsewhere into them). */

/** 大厅详情; `business` preselects one of its businesses for 预约 and 取号. */
export function hallUrl(id: string, business?: string): string {
  return withQuery(ROUTES.hall, { id, business });
}

/**
 * 预约办事: at `step`, or at the first step not given (business, then hall,
 * then the time); the day and slot once chosen (the confirm step).
 */
export function bookUrl(
  start: { business?: string; hallId?: string; date?: string; slot?: string; step?: string; memberId?: string } = {},
): string {
  return withQuery(ROUTES.hallBook, {
    business: start.business,
    hallId: start.hallId,
    date: start.date,
    slot: start.slot,
    step: start.step,
    memberId: start.memberId,
  });
}

export function appointmentUrl(id: string): string {
  return withQuery(ROUTES.appointment, { id });
}

/** 推荐大厅 for a business; the page locates the citizen itself. */
export function recommendUrl(business: string, businessName: string): string {
  return withQuery(ROUTES.hallRecommend, { business, name: businessName });
}

/** 远程取号 at a hall (optionally for a business), the form. */
export function takeTicketUrl(hallId: string, business?: string): string {
  return withQuery(ROUTES.ticket, { hallId, business });
}

/** 我的排队号: a ticket already taken. */
export function ticketUrl(id: string): string {
  return withQuery(ROUTES.ticket, { id });
}
