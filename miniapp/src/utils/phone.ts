import Taro from '@tarojs/taro';

/** Calls the number where the platform can (weapp, phones' browsers); the number stays readable either way. */
export function callPhone(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}
