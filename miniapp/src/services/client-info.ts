import Taro from '@tarojs/taro';
import type { ClientInfo } from '@suijing/shared';

/** Describes this device for the session list ("iPhone 15 · 微信"). */
export function clientInfo(): ClientInfo {
  const platform: ClientInfo['platform'] =
    process.env.TARO_ENV === 'weapp' ? 'weapp' : process.env.TARO_ENV === 'h5' ? 'h5' : 'other';
  let model: string | undefined;
  try {
    const raw = Taro.getSystemInfoSync().model;
    model = typeof raw === 'string' && raw.trim() !== '' ? raw.trim().slice(0, 64) : undefined;
  } catch {
    model = undefined;
  }
  return model ? { platform, model } : { platform };
}
