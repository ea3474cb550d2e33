import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { PackageDetailResponse, PackageListResponse } from '@suijing/shared';
import { launchChromium, phoneContext, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { loginThroughUi } from '../support/ui-login';

/**
 * H5: 一件事 在线办理 end to end: a package with two or more police items,
 * login and 实名认证 from its detail page, and the combined form opening.
 * Not covered yet: filling the form, uploading, submitting, the member case numbers.
 *
 * Element ids: #package-apply-online, #package-apply-login-dialog-confirm, #page-package-form,
 *   #package-form-name, #package-submit, #package-result, #package-result-member-<n>[data-status],
 *   #package-result-member-<n>-case-no, #package-retry
 */
describe('H5: 一件事 online application', () => {
  let stack: FullStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let person: { name: string; idNumber: string; phone: string };
  let code = '';
  const phone = uniquePhone();

  const visible = (selector: string): Locator => page.locator(`${selector}:visible`);

  beforeAll(async () => {
    stack = await startFullStack();
    person = await stack.sandbox.citizen('primary');
    const list = (await (await fetch(`${stack.url}/api/v1/packages`)).json()) as PackageListResponse;
    for (const summary of list.packages) {
      const detail = (await (
        await fetch(`${stack.url}/api/v1/packages/${summary.code}`)
      ).json()) as PackageDetailResponse;
      if (detail.package.members.filter((m) => m.police).length >= 2) {
        code = summary.code;
        break;
      }
    }
    browser = await launchChromium();
    context = await phoneContext(browser);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('when 在线办理 is tapped on a 一件事 while logged out, then login and 实名认证 lead to its form', async () => {
    expect(code).not.toBe('');
    await page.goto(stack.url);
    await page.locator('#privacy-agree').tap();
    await visible('#entry-packages').tap();
    await page.locator(`#page-packages #package-${code}`).tap();
    await page.locator('#page-package #package-apply-online').waitFor();
    await screenshot(page, 'package-apply-01-detail');

    await page.locator('#package-apply-online').tap();
    await page.locator('#package-apply-login-dialog-confirm').tap();
    await page.locator('#page-login').waitFor();
    await loginThroughUi(page, stack.sandbox, phone);

    await page.locator('#page-real-name #real-name-submit').waitFor();
    await page.locator('#real-name-name input').fill(person.name);
    await page.locator('#real-name-id input').fill(person.idNumber);
    await page.locator('#real-name-submit').tap();

    await page.locator('#page-package-form #package-form-name').waitFor();
    await screenshot(page, 'package-apply-02-form');
  });
});
