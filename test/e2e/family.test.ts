import type { Browser, Locator, Page } from 'playwright-core';
import type { ItemGuide, ItemGuideResponse, ItemListResponse } from '@suijing/shared';
import { launchChromium, openPhone, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { fillForm } from '../support/forms';
import { formFiller, provideMaterials } from '../support/ui-forms';
import { passCheckThroughUi, signInVerified } from '../support/ui-login';

/**
 * H5: 家人代办 end to end. The seeded `primary` adds his 8-year-old son (the
 * guardian proven by the son's 出生医学证明, which names him as father),
 * files 户籍证明（户籍信息证明） for him from the guide's 为家人办理 (the son's
 * identity fills the form, masked and locked; 代办人：我), finds the case with
 * 当事人 and 代办人 in the case and in the son's cases, and removes the son,
 * which ends the authority at once. His wife, added as an adult, confirms by
 * the SMS code sent to the phone the register holds for her.
 *
 * Element ids the pages keep stable for this suite:
 *   我的        #me-family
 *   我的家人    #page-family, #family-go-in-person, #family-empty, #family-add-child, #family-member-<id>
 *   添加子女    #page-family-add-child, #field-name-input, #field-idNumber-input, #field-relation-option-son,
 *               #add-child-submit, #add-child-error
 *   家人        #page-family-member, #member-head, #member-proof, #member-act, #member-cases, #member-case-<caseNo>,
 *               #member-wallet, #member-book, #member-remove, #member-remove-dialog-confirm
 *   为家人预约  #book-family-<id>[aria-checked], #book-submit, #page-appointment
 *   为家人办理  #apply-for-family, #page-family-pick, #pick-member-<id>
 *   表单/核对   #acting-for, #acting-for-subject, #acting-for-actor, #form-next, #review-submit
 *   回执/办件   #receipt-subject, #receipt-actor, #receipt-case-no, #case-subject, #case-actor
 */
describe('H5: acting for a family member', () => {
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  let primary: { name: string; idNumber: string; phone: string };
  let son: { name: string; idNumber: string };
  let item: ItemGuide;
  let memberId = '';
  let caseNo = '';
  const phone = uniquePhone();
  const pageErrors: string[] = [];

  const visible = (selector: string): Locator => page.locator(`${selector}:visible`);

  async function fontSize(selector: string): Promise<number> {
    return visible(selector)
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  }

  /** 户籍证明（户籍信息证明）, as the catalog names it. */
  async function householdProof(): Promise<ItemGuide> {
    const list = (await (
      await fetch(`${stack.url}/api/v1/items?q=${encodeURIComponent('户籍信息证明')}&page=1&pageSize=20`)
    ).json()) as ItemListResponse;
    const found = list.items.find((summary) => summary.name.includes('户籍信息证明'));
    if (!found) throw new Error('户籍证明（户籍信息证明） is not in the catalog');
    const guide = (await (await fetch(`${stack.url}/api/v1/items/${found.code}`)).json()) as ItemGuideResponse;
    return guide.item;
  }

  beforeAll(async () => {
    stack = await startFullStack();
    primary = await stack.sandbox.citizen('primary');
    son = await stack.sandbox.kin('son');
    item = await householdProof();
    browser = await launchChromium();
    page = await openPhone(browser, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('when 我的家人 is opened from 我的 by a verified citizen, then it asks for 本人认证 first and then shows no members', async () => {
    await signInVerified(page, stack.url, stack.sandbox, phone, primary);
    await page.goto(`${stack.url}/#/pages/me/index`);
    await visible('#me-family').tap();
    await page.locator('#page-family').waitFor();
    // 本人认证 within 30 days, unless this session has it already.
    await page.locator('#page-family #family-go-in-person, #page-family #family-empty').first().waitFor();
    const gate = page.locator('#family-go-in-person');
    if (await gate.isVisible()) {
      await screenshot(page, 'family-01-in-person');
      await gate.tap();
      await passCheckThroughUi(page);
    }

    await page.locator('#page-family #family-empty').waitFor();
    await screenshot(page, 'family-02-empty');
  });

  it('when the son is added with his name and ID number, then his 出生医学证明 proves the guardian and he is active', async () => {
    await page.locator('#family-add-child').tap();
    await page.locator('#page-family-add-child #add-child-submit').waitFor();
    await screenshot(page, 'family-03-add-child');

    await page.locator('#field-name-input input').fill(son.name);
    await page.locator('#field-idNumber-input input').fill(son.idNumber);
    await page.locator('#field-relation-option-son').tap();
    await page.locator('#add-child-submit').tap();

    await page.locator('#page-family-member #member-head').waitFor();
    memberId = new URL(page.url().replace('#', '')).searchParams.get('memberId') ?? '';
    expect(memberId).not.toBe('');
    await expect(page.locator('#member-head-status').innerText()).resolves.toMatch(/已|生效|有效/);
    await expect(page.locator('#member-proof').innerText()).resolves.toContain('出生医学证明');
    await expect(page.locator('#member-head').innerText()).resolves.not.toContain(son.name);
    await page.locator(`#member-act-${item.code}`).waitFor();
    await screenshot(page, 'family-04-member');
  });

  it('when 为家人办理 is tapped on 户籍证明（户籍信息证明）, then the son is offered and his form shows him masked with 代办人：我', async () => {
    expect(item.onBehalf).toBe('family');
    await page.goto(`${stack.url}/#/packages/catalog/pages/item/index?code=${item.code}`);
    await page.locator('#apply-for-family').tap();
    await page.locator(`#page-family-pick #pick-member-${memberId}`).waitFor();
    await screenshot(page, 'family-05-pick');

    await page.locator(`#pick-member-${memberId}`).tap();

    await page.locator('#page-form #acting-for').waitFor();
    await expect(page.locator('#acting-for-subject').innerText()).resolves.toContain('儿子');
    await expect(page.locator('#acting-for-actor').innerText()).resolves.toContain('我');
    const shown = await page.locator('#page-form').innerText();
    expect(shown).not.toContain(son.name);
    expect(shown).not.toContain(son.idNumber);
    await screenshot(page, 'family-06-form-for-son');
  });

  it('when the form is filled and submitted, then the receipt names the son as 当事人 and me as 代办人', async () => {
    const { fill } = formFiller(page);
    const values = fillForm(item.form, { ...son, phone });
    for (const field of item.form.sections.flatMap((s) => s.fields)) {
      const value = values[field.key];
      if (value === undefined || (!field.required && (field.type === 'date' || field.type === 'select'))) continue;
      await fill(field, value);
    }
    await provideMaterials(page, '#page-form');
    await page.locator('#draft-status[data-status="saved"]').waitFor();
    await page.locator('#form-next').tap();
    await page.locator('#page-review #acting-for').waitFor();
    await screenshot(page, 'family-07-review');

    await page.locator('#review-submit').tap();

    await page.locator('#page-receipt #receipt-case-no').waitFor();
    caseNo = (await page.locator('#receipt-case-no').innerText()).trim();
    await expect(page.locator('#receipt-subject').innerText()).resolves.toContain('儿子');
    await screenshot(page, 'family-08-receipt');
    const cases = await stack.sandbox.approvalCases(son.idNumber);
    expect(cases.filter((c) => c.bjbh === caseNo)).toHaveLength(1);
  });

  it('when the case is opened, then it shows 当事人 and 代办人', async () => {
    await page.locator('#receipt-detail').tap();
    await page.locator('#page-case #case-subject').waitFor();
    await expect(page.locator('#case-subject').innerText()).resolves.toContain('儿子');
    await expect(page.locator('#case-actor').innerText()).resolves.toMatch(/\S/);
    await screenshot(page, 'family-09-case');
  });

  it("when the son's page is opened again, then the case is among his cases with who acted", async () => {
    await page.goto(`${stack.url}/#/packages/family/pages/member/index?memberId=${memberId}`);
    await page.locator(`#page-family-member #member-case-${caseNo}`).waitFor();
    await expect(page.locator(`#member-case-${caseNo}`).innerText()).resolves.toContain('代办人');
    await page.locator('#member-wallet').scrollIntoViewIfNeeded();
    await page
      .locator('#member-wallet .member-case__name, #member-wallet-empty, #member-wallet-error')
      .first()
      .waitFor();
    await screenshot(page, 'family-10-member-cases');
  });

  it('when care mode is on, then 我的家人, the member and the form for him are set in larger type', async () => {
    await page.goto(`${stack.url}/#/packages/family/pages/index/index`);
    await page.locator(`#page-family #family-member-${memberId}`).waitFor();
    const before = await fontSize('#page-family .family-member__name');
    await page.goto(stack.url);
    await visible('#entry-care-mode').tap();

    await page.goto(`${stack.url}/#/packages/family/pages/index/index`);
    await page.locator(`#page-family #family-member-${memberId}`).waitFor();
    const after = await fontSize('#page-family .family-member__name');
    await screenshot(page, 'family-11-index-care-mode');
    await page.goto(`${stack.url}/#/packages/family/pages/member/index?memberId=${memberId}`);
    await page.locator(`#page-family-member #member-case-${caseNo}`).waitFor();
    await screenshot(page, 'family-12-member-care-mode');
    await page.goto(`${stack.url}/#/packages/family/pages/add-adult/index`);
    await page.locator('#page-family-add-adult #add-adult-submit').waitFor();
    await screenshot(page, 'family-13-add-adult-care-mode');
    await page.goto(`${stack.url}/#/packages/apply/pages/form/index?code=${item.code}&memberId=${memberId}`);
    await page.locator('#page-form #acting-for').waitFor();
    await screenshot(page, 'family-14-form-care-mode');
    await page.goto(stack.url);
    await visible('#entry-care-mode').tap();

    expect(after).toBeGreaterThan(before);
  });

  it('when 为 TA 预约 is tapped on his page, then the booking goes through its steps with him chosen and is made in his name', async () => {
    await page.goto(`${stack.url}/#/packages/family/pages/member/index?memberId=${memberId}`);
    await page.locator('#page-family-member #member-book').tap();
    await visible('#page-book [id^="book-business-"]').first().tap();
    await visible('#page-book #book-halls-list [id^="book-hall-"]').first().tap();
    await visible('#page-book [id^="book-slots-date-"]').nth(1).tap();
    const open = visible('#page-book [id^="book-slots-slot-"][data-state="open"]');
    await open.first().waitFor();
    await open.first().tap();
    await visible('#page-book #book-next').tap();

    await visible(`#page-book #book-family-${memberId}[aria-checked="true"]`).waitFor();
    await screenshot(page, 'family-15-book-for-son');
    await visible('#page-book #book-submit').tap();

    await page.locator('#page-appointment #appointment-qr').waitFor();
    await expect(page.locator('#page-appointment').innerText()).resolves.not.toContain(son.name);
    await screenshot(page, 'family-16-booked-for-son');
  });

  it('when the son is removed, then he leaves 我的家人 and acting for him ends at once', async () => {
    await page.goto(`${stack.url}/#/packages/family/pages/member/index?memberId=${memberId}`);
    await page.locator('#page-family-member #member-remove').tap();
    await page.locator('#member-remove-dialog-confirm').waitFor();
    await screenshot(page, 'family-17-remove');
    await page.locator('#member-remove-dialog-confirm').tap();

    await page.locator('#page-family #family-empty').waitFor();
    await page.goto(`${stack.url}/#/packages/apply/pages/form/index?code=${item.code}&memberId=${memberId}`);
    await page.locator('#page-form #form-not-found, #page-form #form-error').first().waitFor();
    await screenshot(page, 'family-18-form-after-removal');
  });

  it('when his wife is added as an adult, then the SMS code sent to her register phone confirms the link', async () => {
    const wife = await stack.sandbox.citizen('secondary');
    await page.goto(`${stack.url}/#/packages/family/pages/add-adult/index`);
    await page.locator('#page-family-add-adult #field-name-input input').fill(wife.name);
    await page.locator('#field-idNumber-input input').fill(wife.idNumber);
    await page.locator('#field-relation-option-spouse').tap();
    await page.locator('#add-adult-submit').tap();

    await page.locator('#page-family-add-adult #add-adult-code-step').waitFor();
    await screenshot(page, 'family-19-adult-code');
    let code = '';
    for (let i = 0; i < 50 && !code; i += 1) {
      const [latest] = await stack.sandbox.smsOutbox(wife.phone);
      code = latest?.params['code'] ?? '';
      if (!code) await page.waitForTimeout(100);
    }
    await page.locator('#field-code-input input').fill(code);
    await page.locator('#add-adult-confirm').tap();

    await page.locator('#page-family-member #member-head').waitFor();
    await expect(page.locator('#member-proof').innerText()).resolves.toContain('短信');
    await screenshot(page, 'family-20-adult-member');
    expect(pageErrors).toEqual([]);
  });
});
