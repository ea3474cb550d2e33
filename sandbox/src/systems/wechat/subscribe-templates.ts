/**
 * The one-time subscribe message templates (一次性订阅消息) the mini-program
 * picked from WeChat's public library, as the 订阅消息 page of the
 * mini-program admin lists them: id, title and keywords. A keyword's name
 * is its type plus a number (thing2, time4); the type decides what values
 * WeChat accepts (see subscribe.ts). Only templates an event of the BFF
 * sends are picked: case progress, 补正, the decision (approval webhook),
 * a booking made or cancelled (appointments).
 */
export interface SubscribeTemplate {
  /** Template id (43 characters, as WeChat issues them). */
  id: string;
  /** Our name for it, for the BFF's configuration and the README. */
  key: string;
  title: string;
  /** keyword name -> label, in display order. */
  keywords: Readonly<Record<string, string>>;
}

export const SUBSCRIBE_TEMPLATES: readonly SubscribeTemplate[] = [
  {
    id: '3ERheYqsGJ779fGdvXfttQvJQTaSzFoTAtvEZgL-i1c',
    key: 'CASE_PROGRESS',
    title: '办件进度通知',
    keywords: {
      character_string1: '办件编号',
      thing2: '事项名称',
      phrase3: '办理状态',
      time4: '更新时间',
      thing5: '备注',
    },
  },
  {
    id: 'gQq8vKaO_KCKwRi7eKNEKsa4r_HXEK8dSazlgkT_eCU',
    key: 'CASE_RESULT',
    title: '办件结果通知',
    keywords: {
      character_string1: '办件编号',
      thing2: '事项名称',
      phrase3: '办理结果',
      date4: '办结日期',
      thing5: '备注',
    },
  },
  {
    id: 'dFV_CjEHYCqJOPNOGx2GAagPIoAdSyso0XHoT8SvffE',
    key: 'MATERIALS_REQUIRED',
    title: '补正材料通知',
    keywords: { character_string1: '办件编号', thing2: '事项名称', thing3: '补正原因', date4: '补正截止日期' },
  },
  {
    id: 'n_Dy_fAUBFlHXx_uxm2J1ICqtUwFqhOFnZMw2KQp4TI',
    key: 'BOOKING_CONFIRMED',
    title: '预约成功通知',
    keywords: {
      character_string1: '预约编号',
      thing2: '预约事项',
      time3: '预约时间',
      thing4: '办理地点',
      thing5: '温馨提示',
    },
  },
  {
    id: 'a9TvXxSHMnDFCrmQR1Mz9-a842sLotMqhB-pvY4RYeQ',
    key: 'BOOKING_CANCELLED',
    title: '预约取消通知',
    keywords: { character_string1: '预约编号', thing2: '预约事项', time3: '预约时间', thing4: '取消原因' },
  },
];

const BY_ID = new Map(SUBSCRIBE_TEMPLATES.map((template) => [template.id, template]));

export function subscribeTemplate(id: string): SubscribeTemplate | undefined {
  return BY_ID.get(id);
}
