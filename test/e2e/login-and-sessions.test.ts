import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TokenResponse } from '@suijing/shared';
import { launchChromium, phoneContext, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';

/** A citizen in a phone-sized Chromium: SMS login, 我的, revoke another device, logout. */
describe('H5: login, my account and devices', () => {
  let stack: FullStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const phone = uniquePhone();
  const consoleErrors: string[] = [];

  async function api<T>(
    path: string,
    init: { method?: string; body?: unknown; token?: string } = {},
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(stack.url + path, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  beforeAll(async () => {
    stack = await startFullStack();
    browser = await launchChromium();
    context = await phoneContext(browser);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('when the app opens for the first time, then it asks for privacy consent before anything else, the full guide a tap away', async () => {
    await page.goto(stack.url);

    await page.locator('#privacy-agree').waitFor();
    await screenshot(page, '01-first-launch-privacy');
    // The guide opens over the consent without asking for it again, and says what the summary only names.
    await page.locator('#privacy-notice-link').tap();
    await page.locator('#page-privacy-notice #notice-location').waitFor();
    await screenshot(page, '01a-privacy-notice');
    const guide = await page.locator('#page-privacy-notice').innerText();
    for (const words of ['身份证号码', '人脸信息', '位置信息', '上传的证件和材料', '保存多久', '提供给谁']) {
      expect(guide).toContain(words);
    }
    await page.goBack();
    await page.locator('#privacy-agree').waitFor();
    await page.locator('#privacy-agree').tap();

    await page.locator('#page-home').waitFor();
    await screenshot(page, '02-home');
    expect(await page.locator('#privacy-agree').count()).toBe(0);
    await page.getByText('办事', { exact: true }).last().tap();
    await page.locator('#page-services').waitFor();
    await screenshot(page, '02-services');
    // The Content-Security-Policy lets the H5 build's own inline script run. (Taro's tab bar links
    // are href="javascript:;", which the policy blocks harmlessly: its click handler navigates.)
    expect(consoleErrors.filter((e) => /inline script.*Content Security Policy/i.test(e))).toEqual([]);
    // The tab shows the app's icon rather than a 404 the browser asked for on its own.
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toBe('/favicon.ico');
    const favicon = await page.request.get(`${stack.url}${icon}`);
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toBe('image/x-icon');
  });

  let otherDevice: TokenResponse;

  it('when the citizen logs in by SMS, then 我的 shows their masked phone', async () => {
    // Arrange: the same citizen is already logged in on another device (their phone's WeChat).
    await api('/api/v1/auth/sms/send', { method: 'POST', body: { phone } });
    const earlier = await stack.sandbox.latestSmsCode(phone);
    otherDevice = (
      await api<TokenResponse>('/api/v1/auth/sms/login', {
        method: 'POST',
        body: { phone, code: earlier, client: { platform: 'weapp', model: 'iPhone 15' } },
      })
    ).body;
    await stack.advanceTime(61_000);

    // Act
    await page.getByText('我的', { exact: true }).last().tap();
    await page.locator('#page-me').waitFor();
    await screenshot(page, '03-me-logged-out');
    // Taro keeps visited tab pages in the DOM (hidden): scope to the page in view.
    await page.locator('#page-me #login-entry').tap();
    await page.locator('#page-login').waitFor();
    await page.locator('#phone-input input').fill(phone);
    await page.locator('#send-code').tap();
    await page.locator('#sandbox-hint, #send-code').first().waitFor();
    let code = '';
    for (let i = 0; i < 50 && !code; i += 1) {
      const items = await stack.sandbox.smsOutbox(phone);
      if (items.length === 2) code = items[0]?.params['code'] ?? '';
      else await page.waitForTimeout(100);
    }
    const wrong = code === '000000' ? '111111' : '000000';
    await page.locator('#code-input input').fill(wrong);
    await page.locator('#login-submit').tap();
    await page.locator('#login-error, #code-error').first().waitFor();
    await screenshot(page, '04-login-wrong-code');
    expect(await page.locator('#page-login').innerText()).toContain('验证码不正确');
    await page.locator('#code-input input').fill(code);
    await page.locator('#login-submit').tap();

    // Assert
    await page.locator('#me-phone').waitFor();
    const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
    await expect(page.locator('#me-phone').innerText()).resolves.toContain(masked);
    expect(await page.locator('#page-me').innerText()).not.toContain(phone);
    await screenshot(page, '05-me-logged-in');
  });

  it('when the citizen revokes the other device, then it is gone from the list and logged out', async () => {
    await page.locator('#sessions-entry').tap();
    await page.locator('#page-sessions').waitFor();
    await page.locator('#session-item-1').waitFor();
    await screenshot(page, '06-sessions');

    const list = await api<{ items: { id: string; current: boolean }[] }>('/api/v1/sessions', {
      token: otherDevice.accessToken,
    });
    const otherId = list.body.items.find((s) => s.current)?.id as string;
    await page.locator(`#revoke-${otherId}`).tap();
    await page.locator('#revoke-dialog-confirm').waitFor();
    await screenshot(page, '07-revoke-confirm');
    await page.locator('#revoke-dialog-confirm').tap();
    await page.locator('#session-item-1').waitFor({ state: 'detached' });
    await screenshot(page, '08-sessions-after-revoke');

    const refresh = await api('/api/v1/auth/refresh', {
      method: 'POST',
      body: { refreshToken: otherDevice.refreshToken },
    });
    expect(refresh.status).toBe(401);
  });

  it('when care mode is switched on, then the type gets larger', async () => {
    await page.goBack();
    await page.locator('#page-me').waitFor();
    const before = await page.locator('#me-phone').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

    await page.locator('#care-switch').tap();
    await page.waitForTimeout(300);
    const after = await page.locator('#me-phone').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await screenshot(page, '09-me-care-mode');
    await page.locator('#care-switch').tap();

    expect(after).toBeGreaterThan(before);
  });

  it('when the citizen logs out, then 我的 asks them to log in and the old token no longer works', async () => {
    const token = await page.evaluate(() => {
      for (let i = 0; i < localStorage.length; i += 1) {
        const value = localStorage.getItem(localStorage.key(i) ?? '') ?? '';
        const match = /ey[\w-]+\.[\w-]+\.[\w-]+/.exec(value);
        if (match) return match[0];
      }
      return null;
    });

    await page.locator('#logout').tap();
    await page.locator('#logout-dialog-confirm').tap();
    await page.locator('#page-me #login-entry').waitFor();
    await screenshot(page, '10-logged-out');

    expect(token).toBeTruthy();
    const me = await api('/api/v1/me', { token: token as string });
    expect(me.status).toBe(401);
  });
});
