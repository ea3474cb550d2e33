import { describeBrowser } from '@/services/client-info';

describe('describing the browser for the device list', () => {
  it('when the user agent is Chrome on Android, then it reads "Android 手机 Chrome"', () => {
    const ua =
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36';

    expect(describeBrowser(ua)).toBe('Android 手机 Chrome');
  });

  it('when it is WeChat on an iPhone, then it says so', () => {
    const ua =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.50';

    expect(describeBrowser(ua)).toBe('iPhone 微信内置浏览器');
  });

  it('when nothing is recognised, then there is no description', () => {
    expect(describeBrowser('curl/8.0')).toBeUndefined();
  });
});
