/**
 * Templates registered with the gateway (real gateways only send
 * pre-approved templates). Parameters are checked like the gateway checks
 * them; 【 and 】 are refused so a parameter cannot forge a signature.
 */
export interface SmsTemplate {
  /** Text after the 【sign】, with {name} placeholders. */
  text: string;
  params: Readonly<Record<string, RegExp>>;
}

const FREE_TEXT = /^[^【】\n]{1,40}$/;

export const SMS_TEMPLATES: Readonly<Record<string, SmsTemplate>> = {
  LOGIN_CODE: {
    text: '您的登录验证码为{code}，5分钟内有效。如非本人操作，请忽略。',
    params: { code: /^\d{4,8}$/ },
  },
  BOOKING_CONFIRMED: {
    text: '您已预约{date} {time}在{hall}办理{business}，预约号{bookingNo}，请携带有效证件按时到场。',
    params: {
      date: FREE_TEXT,
      time: FREE_TEXT,
      hall: FREE_TEXT,
      business: FREE_TEXT,
      bookingNo: /^[A-Za-z0-9-]{4,32}$/,
    },
  },
  BOOKING_CANCELLED: {
    text: '您预约号为{bookingNo}的预约已取消。',
    params: { bookingNo: /^[A-Za-z0-9-]{4,32}$/ },
  },
  IDENTITY_MOVED: {
    text: '您在穗警通绑定的实名身份已于{time}通过刷脸认证换绑到另一账号（{device}），本账号已退出登录。如非本人操作，请立即拨打12345或110。',
    params: { time: FREE_TEXT, device: FREE_TEXT },
  },
  FAMILY_CONSENT: {
    text: '{actor}申请在穗警通代您办理公安业务（您是其{relation}），验证码{code}，10分钟内有效。同意请将验证码告诉对方；不同意请勿告诉任何人。',
    params: { actor: FREE_TEXT, relation: FREE_TEXT, code: /^\d{6}$/ },
  },
  CASE_PROGRESS: {
    text: '您的办件（编号{caseNo}）状态已更新为：{status}，详情请登录穗警通查看。',
    params: { caseNo: /^[A-Za-z0-9-]{6,40}$/, status: FREE_TEXT },
  },
};

/** Signatures registered for this account. */
export const SMS_SIGNS: readonly string[] = ['穗警通'];

/** The template's params if they are exactly its parameters with valid values, else undefined. */
export function checkParams(template: SmsTemplate, params: unknown): Record<string, string> | undefined {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return undefined;
  const given = Object.entries(params);
  const expected = Object.entries(template.params);
  if (given.length !== expected.length) return undefined;
  const checked: Record<string, string> = {};
  for (const [name, pattern] of expected) {
    const value: unknown = given.find(([key]) => key === name)?.[1];
    if (typeof value !== 'string' || !pattern.test(value)) return undefined;
    checked[name] = value;
  }
  return checked;
}

/** 【穗警通】您的登录验证码为123456，5分钟内有效。如非本人操作，请忽略。 */
export function renderSms(sign: string, template: SmsTemplate, params: Record<string, string>): string {
  return `【${sign}】${template.text.replace(/\{(\w+)\}/g, (placeholder, name: string) => params[name] ?? placeholder)}`;
}
