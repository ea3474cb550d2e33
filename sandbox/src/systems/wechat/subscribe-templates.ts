/**
 * The one-time subscribe message templates (一次性订阅消息) the mini-program
 * picked from WeChat's public library, as the 订阅消息 page of the
 * mini-program admin lists them: id, title and keywords. A keyword's name
 * is its type plus a number (thing2, time4); the type decides what values
 * WeChat accepts (see subscribe.ts).
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
  {
    id: 'yAFo3B8MLQVSFsOxloEj0J-2bhXOjjhgs9KJg24c05s',
    key: 'BOOKING_REMINDER',
    title: '预约到期提醒',
    keywords: { thing1: '预约事项', time2: '预约时间', thing3: '办理地点', thing4: '温馨提示' },
  },
  {
    id: 'LlIHUvE-Zo8UmVdsY7WMu7kOdfotCUpv__tAvrIUAXE',
    key: 'LICENCE_READY',
    title: '证件领取通知',
    keywords: { thing1: '证件名称', thing2: '领取地点', phrase3: '领取方式', thing4: '备注' },
  },
  {
    id: '9vbbgUwuSSwL1gVSGeoWgBUUoKgDvCS7VcaUY0OFjbc',
    key: 'VIOLATION_NOTICE',
    title: '交通违法提醒',
    keywords: {
      car_number1: '号牌号码',
      time2: '违法时间',
      thing3: '违法地点',
      thing4: '违法行为',
      amount5: '罚款金额',
    },
  },
  {
    id: 'y2ZMzDnfJ_C9D7L6uEk5E5ouoW1bAmJdlTrhADzn59I',
    key: 'EXPIRY_REMINDER',
    title: '证件到期提醒',
    keywords: { thing1: '证件名称', date2: '到期日期', thing3: '温馨提示' },
  },
  {
    id: 'oFCx0WKiOfV2kX7KcUvjrJQwuUh2NHBiwq6oLJs6P6w',
    key: 'RATING_INVITE',
    title: '服务评价邀请',
    keywords: { thing1: '事项名称', date2: '办结日期', thing3: '备注' },
  },
  {
    id: 'pEMYtnFlNS7EjV6-sZ2abCtise52f7SkZpggq0A0XmM',
    key: 'COMPLAINT_REPLY',
    title: '诉求办理结果通知',
    keywords: { character_string1: '诉求编号', phrase2: '办理状态', thing3: '办理结果', time4: '办理时间' },
  },
];

const BY_ID = new Map(SUBSCRIBE_TEMPLATES.map((template) => [template.id, template]));

export function subscribeTemplate(id: string): SubscribeTemplate | undefined {
  return BY_ID.get(id);
}
