import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { PackageDetailResponse, PackageForm, PackageListResponse } from '@suijing/shared';
import { launchChromium, phoneContext, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';
import { formFiller } from '../support/ui-forms';
import { loginThroughUi, passCheckThroughUi } from '../support/ui-login';

/**
 * H5: 一件事 在线办理 end to end: a package with two or more police items,
 * login and 实名认证 from its detail page, the combined form filled once,
 * the materials attached, and one case per police item in the result.
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
    // Its members file at 实人 (L3): the 网证 check comes before the combined form.
    await passCheckThroughUi(page);

    await page.locator('#page-package-form #package-form-name').waitFor();
    await screenshot(page, 'package-apply-02-form');
  });

  it('when the combined form is filled once and each material attached, then 提交 files one case per police item', async () => {
    const form = (await (await fetch(`${stack.url}/api/v1/packages/${code}/form`)).json()) as PackageForm;
    const { fill } = formFiller(page);
    const values = fillForm(form.form, person);
    for (const field of form.form.sections.flatMap((section) => section.fields)) {
      const value = values[field.key];
      if (value === undefined || (!field.required && (field.type === 'date' || field.type === 'select'))) continue;
      await fill(field, value);
    }
    await expect(page.locator('#page-package-form .sj-field-error').count()).resolves.toBe(0);

    const required = form.materials.flatMap((m, index) => (m.required ? [index] : []));
    for (const index of required) {
      await page
        .locator(`#page-package-form #material-${index}-file`)
        .setInputFiles({ name: `material-${index}.png`, mimeType: 'image/png', buffer: TINY_PNG });
      await page.locator(`#page-package-form #material-${index}-done`).waitFor();
    }
    await screenshot(page, 'package-apply-03-form-filled');

    await page.locator('#package-submit').tap();

    await page.locator('#page-package-form #package-result').waitFor();
    const online = form.members.filter((m) => m.online);
    await expect(page.locator('#package-result [data-status]').count()).resolves.toBe(online.length);
    await expect(page.locator('#package-result [data-status="submitted"]').count()).resolves.toBe(online.length);
    const caseNos = await page
      .locator('#package-result [id^="package-result-member-"][id$="-case-no"]')
      .allInnerTexts();
    expect(caseNos).toHaveLength(online.length);
    for (const text of caseNos) expect(text).toMatch(/\d{8}4401\d{10}/);
    await expect(page.locator('#package-retry').count()).resolves.toBe(0);
    await screenshot(page, 'package-apply-04-result');
    const cases = await stack.sandbox.approvalCases(person.idNumber);
    expect(cases.length).toBeGreaterThanOrEqual(online.length);
  });

  it('when one member case is opened from the result and withdrawn, then it shows 已撤回 and the department sees it withdrawn', async () => {
    const first = page.locator('#package-result-member-0');
    const caseNo = ((await page.locator('#package-result-member-0-case-no').innerText()).match(/\d{22}/) ?? [''])[0];
    await first.tap();
    await page.locator('#page-case #case-withdraw').waitFor();
    await page.locator('#case-withdraw').tap();
    await page.locator('#withdraw-confirm').tap();
    await page.locator('#withdraw-error').waitFor();
    await page.locator('#withdraw-reason textarea').fill('材料需要重新准备，稍后再申请');
    await screenshot(page, 'package-apply-05-withdraw-dialog');
    await page.locator('#withdraw-confirm').tap();

    await page.locator('#page-case #case-withdraw').waitFor({ state: 'detached' });
    await expect(page.locator('#case-status').innerText()).resolves.toContain('已撤回');
    await screenshot(page, 'package-apply-06-withdrawn');
    const upstream = (await stack.sandbox.approvalCases(person.idNumber)).find((c) => c.bjbh === caseNo);
    expect(upstream?.zt).toBe('08');
  });
});
