import Taro from '@tarojs/taro';
import type { ClientInfo } from '@suijing/shared';

const DEVICES: ReadonlyArray<[RegExp, string]> = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android 手机'],
  [/Windows/, 'Windows 电脑'],
  [/Mac OS X/, 'Mac 电脑'],
];
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/MicroMessenger/, '微信内置浏览器'],
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

/** "Android 手机 Chrome" from a user agent: the browser build has no device model to ask for. */
export function describeBrowser(userAgent: string): string | undefined {
  const device = DEVICES.find(([pattern]) => pattern.test(userAgent))?.[1];
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const text = [device, browser].filter(Boolean).join(' ');
  return text || undefined;
}

/** Describes this device for the session list ("iPhone 15 · 微信小程序"). */
export function clientInfo(): ClientInfo {
  const platform: ClientInfo['platform'] =
    process.env.TARO_ENV === 'weapp' ? 'weapp' : process.env.TARO_ENV === 'h5' ? 'h5' : 'other';
  let model: string | undefined;
  try {
    const raw = Taro.getSystemInfoSync().model;
    model = typeof raw === 'string' && raw.trim() !== '' && raw !== 'unknown' ? raw.trim() : undefined;
  } catch {
    model = undefined;
  }
  if (!model && platform === 'h5' && typeof navigator !== 'undefined') model = describeBrowser(navigator.userAgent);
  return model ? { platform, model: model.slice(0, 64) } : { platform };
}
