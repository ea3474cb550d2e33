/** Display formats for Chinese users. Dates are shown in the device's time zone. */

const pad = (n: number): string => String(n).padStart(2, '0');

/** 2026-11-28T08:05:00Z -> 2026年11月28日 16:05 (in UTC+8). Unparseable input -> "—". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A greeting that fits the time of day. */
export function greeting(now: Date = new Date()): string {
  const hour = now.getHours();
  if (hour < 6) return '夜深了';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export const LOGIN_METHOD_LABEL = { wechat: '微信', sms: '短信' } as const;
export const REAL_NAME_LABEL = { unverified: '未实名', verified: '已实名' } as const;

const PLATFORM_LABEL: Record<string, string> = { weapp: '微信小程序', h5: '浏览器', other: '其他设备' };

/** "iPhone 15 · 微信小程序": a device as the session list and the usage record name it. */
export function deviceText(client: { platform: string; model?: string | null }): string {
  const platform = PLATFORM_LABEL[client.platform] ?? '其他设备';
  return client.model ? `${client.model} · ${platform}` : platform;
}
