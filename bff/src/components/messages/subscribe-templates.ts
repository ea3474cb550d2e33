/**
 * The subscribe message templates (订阅消息) the mini-program uses, each for one kind of event. Their ids are
 * chosen in the mini-program admin and configured per key (WECHAT_TEMPLATE_<KEY>); a key without an id sends
 * nothing. The mini-program asks for CASE_* at the receipt and BOOKING_* when booking (WeChat allows three per ask).
 */
export const SUBSCRIBE_TEMPLATE_KEYS = [
  'CASE_PROGRESS',
  'MATERIALS_REQUIRED',
  'CASE_RESULT',
  'BOOKING_CONFIRMED',
  'BOOKING_CANCELLED',
] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];
export type SubscribeTemplateIds = Partial<Record<SubscribeTemplateKey, string>>;
