import { beijingMinute, compactFromIsoDay, toCompactDate } from '@suijing/shared';

/**
 * What a subscribe message says, in our words, one shape per template. Which
 * keyword of a template carries what, and how WeChat wants it written, is
 * known only here.
 */
export type SubscribeContent =
  | { template: 'CASE_PROGRESS'; caseNo: string; itemName: string; statusText: string; at: Date; note: string }
  | { template: 'MATERIALS_REQUIRED'; caseNo: string; itemName: string; request: string; deadline: Date }
  | { template: 'CASE_RESULT'; caseNo: string; itemName: string; statusText: string; decidedAt: Date; detail: string }
  | {
      template: 'BOOKING_CONFIRMED';
      bookingId: string;
      business: string;
      /** yyyy-MM-dd, and HH:mm times. */
      day: string;
      from: string;
      to: string;
      hall: string;
      reminder: string;
    }
  | {
      template: 'BOOKING_CANCELLED';
      bookingId: string;
      business: string;
      day: string;
      from: string;
      to: string;
      note: string;
    };

/** WeChat's `thing` values take at most 20 characters. */
export function thing(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > 20 ? `${chars.slice(0, 19).join('')}…` : chars.join('');
}

/** "20260302" -> "2026年3月2日", the form WeChat's `date` keywords show. */
function chineseDay(compact: string): string {
  return `${compact.slice(0, 4)}年${Number(compact.slice(4, 6))}月${Number(compact.slice(6, 8))}日`;
}

/** The template's keywords and their values. */
export function subscribeData(content: SubscribeContent): Record<string, string> {
  switch (content.template) {
    case 'CASE_PROGRESS':
      return {
        character_string1: content.caseNo,
        thing2: thing(content.itemName),
        phrase3: content.statusText.slice(0, 5),
        time4: beijingMinute(content.at),
        thing5: thing(content.note),
      };
    case 'MATERIALS_REQUIRED':
      return {
        character_string1: content.caseNo,
        thing2: thing(content.itemName),
        thing3: thing(content.request),
        date4: chineseDay(toCompactDate(content.deadline)),
      };
    case 'CASE_RESULT':
      return {
        character_string1: content.caseNo,
        thing2: thing(content.itemName),
        phrase3: content.statusText,
        date4: chineseDay(toCompactDate(content.decidedAt)),
        thing5: thing(content.detail),
      };
    case 'BOOKING_CONFIRMED':
      return {
        character_string1: content.bookingId,
        thing2: thing(content.business),
        time3: bookingTime(content),
        thing4: thing(content.hall),
        thing5: content.reminder,
      };
    case 'BOOKING_CANCELLED':
      return {
        character_string1: content.bookingId,
        thing2: thing(content.business),
        time3: bookingTime(content),
        thing4: content.note,
      };
  }
}

function bookingTime(booking: { day: string; from: string; to: string }): string {
  return `${chineseDay(compactFromIsoDay(booking.day))} ${booking.from}~${booking.to}`;
}
