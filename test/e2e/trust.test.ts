import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, phoneContext, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { loginThroughUi } from '../support/ui-login';

/**
 * H5: who may see a person's records. A logs in by SMS and passes 实名 as a
 * seeded person; 我的车辆 then asks for 本人认证 (网证 in the browser), the
 * sandbox's 网证 authorisation page is answered as 本人, and the records open.
 * B, on another phone, is refused 实名 with the same person and takes the
 * identity over with 刷脸换绑 (网证 again); A's next action ends on the login
 * page saying why. B then sees the binding history, the full ID number on its
 * one screen, the usage record, the copy of the data and 注销账号.
 */
describe('H5: 实名, 网证, records, 刷脸换绑 and being logged out with the reason', () => {
  let stack: FullStack;
  let browser: Browser;
  let contextA: BrowserContext;
  let contextB: BrowserContext;
  let pageA: Page;
  let pageB: Page;
  let person: { name: string; idNumber: string };
  const phoneA = uniquePhone();
  const phoneB = uniquePhone();
  const pageErrors: string[] = [];

  const visible = (page: Page, selector: string): Locator => page.locator(`${selector}:visible`);

  /** Opens the 网证 link of a check (a new tab, as in a browser), answers as `button`, and closes the tab. */
  async function authoriseInCtid(context: BrowserContext, page: Page, prefix: string, shot?: string): Promise<void> {
    const [popup] = await Promise.all([context.waitForEvent('page'), page.locator(`#${prefix}-ctid-open`).tap()]);
    await popup.locator('button[value="pass"]').waitFor();
    if (shot) await screenshot(popup, shot);
    await popup.locator('button[value="pass"]').click();
    await popup.getByText('已完成授权').first().waitFor();
    await popup.close();
  }

  async function openApp(page: Page, phone: string): Promise<void> {
    await page.goto(stack.url);
    await page.locator('#privacy-agree').tap();
    await page.goto(`${stack.url}/#/packages/account/pages/login/index`);
    await loginThroughUi(page, stack.sandbox, phone);
  }

  async function fillPerson(page: Page): Promise<void> {
    await page.locator('#page-real-name #real-name-name input').fill(person.name);
    await page.locator('#page-real-name #real-name-id input').fill(person.idNumber);
  }

  beforeAll(async () => {
    stack = await startFullStack();
    person = await stack.sandbox.citizen('primary');
    browser = await launchChromium();
    contextA = await phoneContext(browser);
    contextB = await phoneContext(browser);
    pageA = await contextA.newPage();
    pageB = await contextB.newPage();
    for (const page of [pageA, pageB]) page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('when A logs in by SMS and passes 实名, then 我的 shows 已实名', async () => {
    await openApp(pageA, phoneA);
    await pageA.goto(`${stack.url}/#/packages/apply/pages/real-name/index`);
    await pageA.locator('#page-real-name #real-name-submit').waitFor();
    await fillPerson(pageA);
    await screenshot(pageA, 'trust-01-real-name');
    await pageA.locator('#page-real-name #real-name-submit').tap();
    await pageA.locator('#page-real-name').waitFor({ state: 'hidden' });

    await pageA.goto(`${stack.url}/#/pages/me/index`);
    await expect(pageA.locator('#me-realname').innerText()).resolves.toContain('已实名');
    await pageA.locator('#me-privacy').waitFor();
    await screenshot(pageA, 'trust-02-me-verified');
  });

  it('when A opens 我的车辆, then it asks for 网证 (本人认证) and leads to the check', async () => {
    await pageA.goto(stack.url);
    await visible(pageA, '#entry-vehicles').tap();
    await pageA.locator('#page-vehicles #vehicles-in-person').waitFor();
    await expect(pageA.locator('#vehicles-go-in-person').innerText()).resolves.toContain('网证');
    await screenshot(pageA, 'trust-03-vehicles-need-in-person');

    await pageA.locator('#vehicles-go-in-person').tap();
    await pageA.locator('#page-in-person-check #check-start').waitFor();
    await expect(pageA.locator('#check-subject').innerText()).resolves.not.toContain(person.idNumber);
    await screenshot(pageA, 'trust-04-check');
    await pageA.locator('#check-start').tap();
    await pageA.locator('#check-ctid-qr').waitFor();
    await screenshot(pageA, 'trust-05-check-ctid');
  });

  it('when the sandbox 网证 page is answered as 本人 and A taps 我已完成认证, then the records open', async () => {
    await authoriseInCtid(contextA, pageA, 'check', 'trust-06-ctid-authorise');
    await pageA.locator('#check-complete').tap();

    await pageA.locator('#page-vehicles #vehicles-list').waitFor();
    await screenshot(pageA, 'trust-07-vehicles-open');
    await pageA.goto(`${stack.url}/#/pages/me/index`);
    await expect(pageA.locator('#me-realname').innerText()).resolves.toContain('已刷脸认证');
  });

  it('when B, on another phone, tries 实名 with the same person, then it is refused and 刷脸换绑 is offered', async () => {
    await openApp(pageB, phoneB);
    await pageB.goto(`${stack.url}/#/packages/apply/pages/real-name/index`);
    await pageB.locator('#page-real-name #real-name-submit').waitFor();
    await fillPerson(pageB);
    await pageB.locator('#real-name-submit').tap();

    await pageB.locator('#real-name-bound-elsewhere').waitFor();
    await expect(pageB.locator('#real-name-bound-elsewhere').innerText()).resolves.toContain('刷脸换绑');
    await screenshot(pageB, 'trust-08-bound-elsewhere');
  });

  it('when B passes 刷脸换绑 by 网证 as the person, then the identity moves to B and B is told', async () => {
    await pageB.locator('#real-name-takeover-start').tap();
    await pageB.locator('#real-name-takeover-ctid-qr').waitFor();
    await authoriseInCtid(contextB, pageB, 'real-name-takeover');
    await pageB.locator('#real-name-takeover-complete').tap();

    await pageB.locator('#real-name-moved').waitFor();
    await expect(pageB.locator('#real-name-moved').innerText()).resolves.toContain('原账号已在所有设备上退出登录');
    await screenshot(pageB, 'trust-09-moved');
    await pageB.locator('#real-name-continue').tap();
    await pageB.locator('#page-real-name').waitFor({ state: 'hidden' });
  });

  it('when A does anything next, then A is on the login page, which says the identity moved', async () => {
    // A is still on 我的, as it was left: the next tap is the next request.
    await pageA.locator('#page-me #me-binding').tap();

    await pageA.locator('#page-login #login-notice').waitFor();
    await expect(pageA.locator('#login-notice').getAttribute('data-code')).resolves.toBe('IDENTITY_MOVED');
    await expect(pageA.locator('#login-notice').innerText()).resolves.toContain('另一个账号');
    await screenshot(pageA, 'trust-10-logged-out-notice');
  });

  it('when B opens 我的车辆, then the person’s records open for B', async () => {
    await pageB.goto(stack.url);
    await visible(pageB, '#entry-vehicles').tap();
    await pageB.locator('#page-vehicles #vehicles-list').waitFor();
  });

  it('when B opens 实名与绑定, then the history shows the move and 查看完整号码 shows the number on one screen', async () => {
    await pageB.goto(`${stack.url}/#/pages/me/index`);
    await pageB.locator('#me-binding').tap();
    await pageB.locator('#page-binding #binding-history').waitFor();
    await expect(pageB.locator('#binding-history').innerText()).resolves.toContain('刷脸换绑到此账号');
    await expect(pageB.locator('#page-binding').innerText()).resolves.not.toContain(person.idNumber);
    await screenshot(pageB, 'trust-11-binding');

    await pageB.locator('#binding-reveal').tap();
    await pageB.locator('#page-reveal #reveal-id-number').waitFor();
    await expect(pageB.locator('#reveal-id-number').innerText()).resolves.toBe(
      `${person.idNumber.slice(0, 6)} ${person.idNumber.slice(6, 14)} ${person.idNumber.slice(14)}`,
    );
    await screenshot(pageB, 'trust-12-reveal');
  });

  it('when B opens 个人信息使用记录, then the reads are listed newest first with this device marked', async () => {
    await pageB.goto(`${stack.url}/#/packages/privacy/pages/usage/index`);
    await pageB.locator('#page-data-usage #usage-list').waitFor();
    await expect(pageB.locator('#usage-list [id$="-this-device"]').count()).resolves.toBeGreaterThan(0);
    await screenshot(pageB, 'trust-13-usage');
  });

  it('when B downloads the copy of their data, then a JSON file arrives', async () => {
    await pageB.goto(`${stack.url}/#/packages/privacy/pages/export/index`);
    await pageB.locator('#page-export #export-download').waitFor();
    const [download] = await Promise.all([pageB.waitForEvent('download'), pageB.locator('#export-download').tap()]);

    expect(download.suggestedFilename()).toMatch(/\.json$/);
    await pageB.locator('#export-done').waitFor();
    await screenshot(pageB, 'trust-14-export');
  });

  it('when B asks to close the account, then the date shows and 撤销注销 takes it back', async () => {
    await pageB.goto(`${stack.url}/#/packages/privacy/pages/deletion/index`);
    await pageB.locator('#page-deletion #deletion-explain').waitFor();
    await screenshot(pageB, 'trust-15-deletion');
    await pageB.locator('#deletion-schedule').tap();
    await pageB.locator('#deletion-dialog-confirm').tap();

    await pageB.locator('#deletion-scheduled').waitFor();
    await expect(pageB.locator('#deletion-date').innerText()).resolves.toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    await screenshot(pageB, 'trust-16-deletion-scheduled');
    await pageB.locator('#deletion-cancel').tap();
    await pageB.locator('#deletion-explain').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
