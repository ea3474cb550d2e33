import type { Page } from 'playwright-core';
import type { SandboxControl } from './sandbox-control';

/**
 * Logs in through the H5 login page the way a citizen does: phone, 获取验证码,
 * the code from the sandbox SMS outbox, 登录. Starts on the login page
 * (`#page-login`); the app leaves it by itself when the login succeeds.
 */
export async function loginThroughUi(page: Page, sandbox: SandboxControl, phone: string): Promise<void> {
  await page.locator('#page-login #phone-input input').fill(phone);
  await page.locator('#page-login #send-code').tap();
  let code = '';
  for (let i = 0; i < 50 && !code; i += 1) {
    const [latest] = await sandbox.smsOutbox(phone);
    code = latest?.params['code'] ?? '';
    if (!code) await page.waitForTimeout(100);
  }
  if (!code) throw new Error(`no SMS code reached the sandbox outbox for ${phone}`);
  await page.locator('#page-login #code-input input').fill(code);
  await page.locator('#page-login #login-submit').tap();
  await page.locator('#page-login').waitFor({ state: 'hidden' });
}

/**
 * From a fresh page to a logged-in, verified citizen: the privacy consent,
 * the SMS login and 实名认证 as the given person, each through its page.
 */
export async function signInVerified(
  page: Page,
  baseUrl: string,
  sandbox: SandboxControl,
  phone: string,
  person: { name: string; idNumber: string },
): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('#privacy-agree').tap();
  await page.goto(`${baseUrl}/#/packages/account/pages/login/index`);
  await loginThroughUi(page, sandbox, phone);
  await page.goto(`${baseUrl}/#/packages/apply/pages/real-name/index`);
  await page.locator('#page-real-name #real-name-name input').fill(person.name);
  await page.locator('#page-real-name #real-name-id input').fill(person.idNumber);
  await page.locator('#page-real-name #real-name-submit').tap();
  await page.locator('#page-real-name').waitFor({ state: 'hidden' });
}

/**
 * On the 本人认证 page (where an L3 route leads): for an account without 实名
 * the name and ID number first, then 网证 in the tab it opens, answered as the
 * person on the sandbox's authorisation page, then 我已完成认证. The page
 * leaves by itself for where the person came from.
 */
export async function passCheckThroughUi(page: Page, person?: { name: string; idNumber: string }): Promise<void> {
  await page.locator('#page-in-person-check #check-start').waitFor();
  if (person) {
    await page.locator('#check-name input').fill(person.name);
    await page.locator('#check-id input').fill(person.idNumber);
  }
  await page.locator('#check-start').tap();
  const [popup] = await Promise.all([page.context().waitForEvent('page'), page.locator('#check-ctid-open').tap()]);
  await popup.locator('button[value="pass"]').click();
  await popup.getByText('已完成授权').first().waitFor();
  await popup.close();
  await page.locator('#check-complete').tap();
  await page.locator('#page-in-person-check').waitFor({ state: 'hidden' });
}
