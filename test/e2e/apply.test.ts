import type { Browser, Locator, Page } from 'playwright-core';
import { dateRange, filingDay, type ItemGuide, type ItemGuideResponse } from '@suijing/shared';
import { launchChromium, openPhone, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';
import { formFiller } from '../support/ui-forms';
import { loginThroughUi, passCheckThroughUi } from '../support/ui-login';

/**
 * H5: 在线办理 and 办件进度 end to end: from an item guide through login,
 * 实名认证, the form (inline checks, autosave, uploads), review, submission
 * and receipt, to 我的办件 and the case as the approval console moves it
 * (supplement requested, answered, approved) and 消息中心.
 *
 * Element ids the pages keep stable for this suite:
 *   办事指南  #apply-online, #apply-login-dialog-confirm
 *   实名认证  #page-real-name, #real-name-name input, #real-name-id input, #real-name-submit,
 *             #real-name-error, #real-name-id-error
 *   表单      #page-form, #form-item-name, #field-<key>, #field-<key>-input (input|textarea),
 *             #field-<key>-error, #field-<key>-option-<value>, #field-<key>-picker, #draft-status[data-status],
 *             #material-<n>-file (H5 file input), #material-<n>-progress, #material-<n>-done,
 *             #apply-material-<n>-licence[aria-checked] (使用电子证照), #form-next
 *   核对      #page-review, #review-submit, #review-error
 *   回执      #page-receipt, #receipt-case-no, #receipt-promised, #receipt-cases
 *   我的办件  #page-cases, #cases-tab-<all|active|supplement|done|withdrawn>, #case-<caseNo>
 *   办件详情  #page-case, #case-status, #case-timeline, #case-supplement, #supplement-explanation,
 *             #supplement-file-<n>-file, #supplement-submit, #case-withdraw
 *   消息中心  #page-messages, #message-<id>, #me-messages, #me-messages-unread
 *   进度查询  #entry-lookup, #page-lookup, #lookup-case-no, #lookup-id-last6, #lookup-submit, #lookup-status
 */
describe('H5: online application and progress', () => {
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  let person: { name: string; idNumber: string; phone: string };
  let item: ItemGuide;
  let caseNo = '';
  const phone = uniquePhone();
  const pageErrors: string[] = [];
  let type: ReturnType<typeof formFiller>['type'];
  let fillField: ReturnType<typeof formFiller>['fill'];

  const visible = (selector: string): Locator => page.locator(`${selector}:visible`);

  async function fontSize(selector: string): Promise<number> {
    return visible(selector)
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  }

  beforeAll(async () => {
    stack = await startFullStack();
    await stack.sandbox.setApprovalWebhook(`${stack.url}/api/v1/hooks/approval`);
    person = await stack.sandbox.citizen('primary');
    browser = await launchChromium();
    page = await openPhone(browser, pageErrors);
    ({ type, fill: fillField } = formFiller(page));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('when 在线办理 is tapped on 居民身份证有效期满换领 while logged out, then login comes first, then 实名认证', async () => {
    await page.goto(stack.url);
    await page.locator('#privacy-agree').tap();
    await visible('#home-search').tap();
    await page.locator('#search-input input').fill('居民身份证有效期满换领');
    await page.locator('#search-submit').tap();
    const result = page.locator('#page-search #search-result .search-hit__main', { hasText: '有效期满换领' }).first();
    await result.waitFor();
    await result.tap();
    await page.locator('#page-item #item-name').waitFor();
    const code = new URL(page.url().replace('#', '')).searchParams.get('code') ?? '';
    const guide = (await (await fetch(`${stack.url}/api/v1/items/${code}`)).json()) as ItemGuideResponse;
    item = guide.item;

    await page.locator('#apply-online').tap();
    await page.locator('#apply-login-dialog-confirm').tap();
    await page.locator('#page-login').waitFor();
    await loginThroughUi(page, stack.sandbox, phone);

    await page.locator('#page-real-name #real-name-submit').waitFor();
    await screenshot(page, 'apply-01-real-name');
  });

  it('when a wrong name or a bad ID number is entered, then 实名认证 says what is wrong', async () => {
    await page
      .locator('#real-name-id input')
      .fill(`${person.idNumber.slice(0, 17)}${person.idNumber.endsWith('0') ? '1' : '0'}`);
    await page.locator('#real-name-id-error').waitFor();
    await page.locator('#real-name-name input').fill('错误姓名');
    await page.locator('#real-name-id input').fill(person.idNumber);
    await page.locator('#real-name-submit').tap();

    await page.locator('#real-name-error').waitFor();
    await expect(page.locator('#real-name-error').innerText()).resolves.toContain('不一致');
    await screenshot(page, 'apply-02-real-name-mismatch');
  });

  it('when the right name and ID number are entered, then 本人认证 (网证) comes next, as the item files at L3, and then the item form opens', async () => {
    await page.locator('#real-name-name input').fill(person.name);
    await page.locator('#real-name-submit').tap();
    await page.locator('#page-in-person-check #check-start').waitFor();
    await screenshot(page, 'apply-03a-in-person-check');
    await passCheckThroughUi(page);

    await page.locator('#page-form #form-item-name').waitFor();
    await expect(page.locator('#form-item-name').innerText()).resolves.toContain('有效期满换领');
    await screenshot(page, 'apply-03-form');
  });

  it('when the form is filled, then each field is checked as typed and the draft is saved', async () => {
    const fields = item.form.sections.flatMap((s) => s.fields);
    const idField = fields.find((f) => f.type === 'idNumber' && !f.identity);
    if (idField) {
      await type(idField, '440101199001011234');
      await page.locator(`#field-${idField.key}-error`).waitFor();
      await screenshot(page, 'apply-04-form-inline-error');
    }
    const values = fillForm(item.form, { ...person, phone });
    for (const field of fields) {
      const value = values[field.key];
      if (value === undefined || (!field.required && (field.type === 'date' || field.type === 'select'))) continue;
      await fillField(field, value);
    }
    await expect(page.locator('#page-form .sj-field-error').count()).resolves.toBe(0);
    await page.locator('#draft-status[data-status="saved"]').waitFor();
    await screenshot(page, 'apply-05-form-filled-saved');
  });

  it('when 预约办理日期 is picked, then the wheel offers only the bookable week and opens on its first day', async () => {
    const booking = item.form.sections.flatMap((s) => s.fields).find((f) => f.key === 'yjsj');
    if (!booking) throw new Error('居民身份证有效期满换领 has no 预约办理日期');
    const { start, end } = dateRange(booking, filingDay());
    if (!start || !end) throw new Error('预约办理日期 is unbounded');

    await visible('#field-yjsj-picker').tap();
    const years = page.locator('.weui-picker:visible .weui-picker__group').first().locator('.weui-picker__item');
    await years.first().waitFor();
    const offered = (await years.allInnerTexts()).map((year) => year.trim()).filter(Boolean);
    await screenshot(page, 'apply-05b-date-picker');
    const confirm = page.locator('.weui-picker__action:visible', { hasText: '确定' }).last();
    await confirm.tap();
    await confirm.waitFor({ state: 'hidden' });

    // Not 1970 to centuries ahead: the year or two the week spans.
    expect(offered.map((year) => parseInt(year, 10))).toEqual([
      ...new Set([start, end].map((date) => Number(date.slice(0, 4)))),
    ]);
    await expect(visible('#field-yjsj-picker').innerText()).resolves.toContain(start);
    await expect(page.locator('#field-yjsj-error').count()).resolves.toBe(0);
  });

  it('when the e-licence on file is chosen for one material and a file is attached to each other required one, then each is provided', async () => {
    await page.locator('#apply-materials').scrollIntoViewIfNeeded();
    const required = item.materials.flatMap((m, index) => (m.necessity === 'required' ? [index] : []));
    expect(required.length).toBeGreaterThan(0);

    // 户政: one material comes from the citizen's 电子证照 instead of an upload.
    await page.locator('#apply-materials [id^="apply-material-"][id$="-licence"]').first().waitFor();
    const offered = item.materials.flatMap((m, index) => (m.eLicence.reusable ? [index] : []));
    let licenceIndex = -1;
    for (const index of offered) {
      if ((await page.locator(`#apply-material-${index}-licence`).count()) > 0) {
        licenceIndex = index;
        break;
      }
    }
    expect(licenceIndex).toBeGreaterThanOrEqual(0);
    const choice = page.locator(`#apply-material-${licenceIndex}-licence`);
    await expect(choice.getAttribute('aria-checked')).resolves.toBe('false');
    await choice.tap();
    await page.locator(`#apply-material-${licenceIndex}-licence[aria-checked="true"]`).waitFor();
    await expect(choice.innerText()).resolves.toContain('☑ 使用电子证照');
    await expect(page.locator(`#page-form #material-${licenceIndex}`).count()).resolves.toBe(0);
    await choice.scrollIntoViewIfNeeded();
    await screenshot(page, 'apply-06b-elicence-chosen');

    const toUpload = required.filter((index) => index !== licenceIndex);
    expect(toUpload.length).toBeGreaterThan(0);

    // While a file goes out its bar is the brand blue, not the red of a failure: the upload is held until seen.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/materials', async (route) => {
      await held;
      await route.continue();
    });
    const [first] = toUpload;
    await page
      .locator(`#material-${first}-file`)
      .setInputFiles({ name: `material-${first}.png`, mimeType: 'image/png', buffer: TINY_PNG });
    const bar = page.locator(`#material-${first}-progress .nut-progress-inner`);
    await bar.waitFor({ state: 'attached' });
    const colour = await bar.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.locator(`#material-${first}-progress`).scrollIntoViewIfNeeded();
    await screenshot(page, 'apply-06a-material-uploading');
    release();
    await page.locator(`#material-${first}-done`).waitFor();
    await page.unroute('**/api/v1/materials');
    expect(colour).toBe('rgb(26, 95, 214)');

    for (const index of toUpload.slice(1)) {
      await page
        .locator(`#material-${index}-file`)
        .setInputFiles({ name: `material-${index}.png`, mimeType: 'image/png', buffer: TINY_PNG });
      await page.locator(`#material-${index}-done`).waitFor();
    }
    await page.locator(`#apply-material-${licenceIndex}-licence[aria-checked="true"]`).waitFor();
    await page.locator(`#apply-material-${required[0]}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'apply-06-materials-uploaded');
  });

  it('when 下一步 and then 确认提交 are tapped, then the receipt shows the case number', async () => {
    await page.locator('#form-next').tap();
    await page.locator('#page-review #review-submit').waitFor();
    await screenshot(page, 'apply-07-review');

    await page.locator('#review-submit').tap();

    await page.locator('#page-receipt #receipt-case-no').waitFor();
    caseNo = (await page.locator('#receipt-case-no').innerText()).trim();
    expect(caseNo).toMatch(/^\d{8}4401\d{10}$/);
    await expect(page.locator('#receipt-promised').innerText()).resolves.toMatch(/\d{4}年\d+月\d+日/);
    await screenshot(page, 'apply-08-receipt');
    expect((await stack.sandbox.approvalCases(person.idNumber)).filter((c) => c.bjbh === caseNo)).toHaveLength(1);
  });

  it('when 我的办件 is opened from the receipt, then the case is listed and opens with its timeline', async () => {
    await page.locator('#receipt-cases').tap();
    await page.locator(`#page-cases #case-${caseNo}`).waitFor();
    await screenshot(page, 'apply-09-cases');
    await page.locator('#cases-tab-supplement').tap();
    await page.locator('#cases-empty').waitFor();
    await page.locator('#cases-tab-active').tap();
    await page.locator(`#page-cases #case-${caseNo}`).waitFor();

    await page.locator(`#case-${caseNo}`).tap();

    await page.locator('#page-case #case-timeline').waitFor();
    await expect(page.locator('#case-status').innerText()).resolves.toContain('已提交');
    await screenshot(page, 'apply-10-case-detail');
  });

  it('when the department asks for a supplement, then the case shows the request and the answer goes through', async () => {
    await stack.sandbox.approvalAction(caseNo, 'accept');
    await stack.sandbox.approvalAction(caseNo, 'supplement', { bcnr: '请补充清晰的本人近期免冠照片' });

    await page.reload();
    await page.locator('#page-case #case-supplement').waitFor();
    await expect(page.locator('#case-supplement-request').innerText()).resolves.toContain('免冠照片');
    await screenshot(page, 'apply-11-supplement-requested');

    await page.locator('#supplement-explanation textarea').fill('已重新拍摄清晰的近期免冠照片');
    await page
      .locator('#supplement-file-0-file')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.locator('#supplement-file-0-done').waitFor();
    await screenshot(page, 'apply-12-supplement-answer');
    await page.locator('#supplement-submit').tap();

    await page.locator('#case-supplement').waitFor({ state: 'detached' });
    await screenshot(page, 'apply-13-supplement-sent');
  });

  it('when the department approves, then the timeline shows every step', async () => {
    try {
      await stack.sandbox.approvalAction(caseNo, 'review');
    } catch {
      // Already under review after the supplement.
    }
    await stack.sandbox.approvalAction(caseNo, 'approve');

    await page.reload();
    await page.locator('#page-case #case-timeline').waitFor();
    await expect(page.locator('#case-status').innerText()).resolves.toContain('准予许可');
    const timeline = await page.locator('#case-timeline').innerText();
    expect(timeline).toContain('待补正');
    expect(timeline).toContain('已受理');
    await page.locator('#case-timeline').scrollIntoViewIfNeeded();
    await screenshot(page, 'apply-14-case-approved');
  });

  it('when 消息中心 is opened from 我的, then the progress messages are there, unread first marked', async () => {
    await page.goto(`${stack.url}/#/pages/me/index`);
    await visible('#me-messages-unread').waitFor();
    await screenshot(page, 'apply-15-me-unread');
    await visible('#me-messages').tap();

    await page.locator('#page-messages [id^="message-"]').first().waitFor();
    const text = await page.locator('#page-messages').innerText();
    expect(text).toContain('待补正');
    await screenshot(page, 'apply-16-messages');

    await page.locator('#page-messages .message-card--unread').first().tap();
    await page.locator('#page-case #case-timeline').waitFor();
  });

  it('when someone looks the case up by number and the last six ID digits, then its status shows', async () => {
    await page.goto(stack.url);
    await visible('#entry-lookup').tap();
    await page.locator('#page-lookup #lookup-case-no input').fill(caseNo);
    await page.locator('#lookup-id-last6 input').fill(person.idNumber.slice(-6));
    await page.locator('#lookup-submit').tap();

    await page.locator('#lookup-status').waitFor();
    await expect(page.locator('#lookup-status').innerText()).resolves.toContain('准予许可');
    await screenshot(page, 'apply-17-lookup');
  });

  it('when care mode is on, then the item form is set in larger type', async () => {
    const formUrl = `${stack.url}/#/packages/apply/pages/form/index?code=${item.code}`;
    await page.goto(formUrl);
    await page.locator('#page-form #form-item-name').waitFor();
    const before = await fontSize('#page-form .form-field__label');
    await page.goto(stack.url);
    await visible('#entry-care-mode').tap();

    await page.goto(formUrl);
    await page.locator('#page-form #form-item-name').waitFor();
    const after = await fontSize('#page-form .form-field__label');
    await screenshot(page, 'apply-18-form-care-mode');

    expect(after).toBeGreaterThan(before);
    expect(pageErrors).toEqual([]);
  });
});
