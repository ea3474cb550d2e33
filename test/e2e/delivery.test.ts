import type { Browser, Page } from 'playwright-core';
import type { FormField, ItemGuide, ItemGuideResponse } from '@suijing/shared';
import { launchChromium, openPhone, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';
import { formFiller } from '../support/ui-forms';
import { passCheckThroughUi, signInVerified } from '../support/ui-login';

/** 无犯罪记录证明开具（本人申请）: its result may be posted (邮寄). */
const NO_CRIME = '1144010000750226542000414000001';

/**
 * H5: 收件地址簿 and 邮寄 end to end: an address added from 我的, chosen from
 * the book when applying for an item that posts its result, the console
 * delivering, and the EMS way followed on the case page.
 *
 * Element ids the pages keep stable for this suite:
 *   我的       #me-addresses
 *   地址簿     #page-addresses, #addresses-empty, #addresses-list, #addresses-add, #address-<id>,
 *              #address-<id>-default
 *   编辑地址   #page-address-edit, #field-<recipient|mobile|provinceCode|cityCode|districtCode|detail>[-input|-picker],
 *              #address-default, #address-save
 *   申请表     #field-deliveryMode-option-post, #apply-delivery-book, #apply-delivery-saved, #review-delivery
 *   办件详情   #case-parcel, #case-parcel-no, #case-parcel-state, #case-parcel-last, #case-timeline
 */
describe('H5: the address book, 邮寄 and EMS tracking', () => {
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  let person: { name: string; idNumber: string; phone: string };
  let item: ItemGuide;
  let caseNo = '';
  const phone = uniquePhone();
  const pageErrors: string[] = [];
  let filler: ReturnType<typeof formFiller>;

  const field = (key: string, type: FormField['type']): FormField => ({ key, label: key, type, required: true });

  beforeAll(async () => {
    stack = await startFullStack();
    await stack.sandbox.setApprovalWebhook(`${stack.url}/api/v1/hooks/approval`);
    person = await stack.sandbox.citizen('primary');
    item = ((await (await fetch(`${stack.url}/api/v1/items/${NO_CRIME}`)).json()) as ItemGuideResponse).item;
    browser = await launchChromium();
    page = await openPhone(browser, pageErrors);
    filler = formFiller(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('when an address is added from 我的 → 收件地址, then the book lists it masked, as the default', async () => {
    await signInVerified(page, stack.url, stack.sandbox, phone, person);
    await page.goto(`${stack.url}/#/pages/me/index`);
    await page.locator('#me-addresses').tap();
    await page.locator('#page-addresses #addresses-empty').waitFor();
    await screenshot(page, 'delivery-01-address-book-empty');

    await page.locator('#addresses-add').tap();
    await page.locator('#page-address-edit #address-fields').waitFor();
    await filler.type(field('recipient', 'text'), '王小明');
    await filler.type(field('mobile', 'phone'), '13912345678');
    // 广东省 is first of the provinces, 广州市 of its cities, 荔湾区 of its districts.
    await filler.pickFirst(field('provinceCode', 'select'));
    await filler.pickFirst(field('cityCode', 'select'));
    await filler.pickFirst(field('districtCode', 'select'));
    await filler.type(field('detail', 'text'), '中山八路10号201房');
    await expect(page.locator('#page-address-edit .sj-field-error').count()).resolves.toBe(0);
    await screenshot(page, 'delivery-02-address-edit');
    await page.locator('#address-save').tap();

    await page.locator('#page-addresses #addresses-list').waitFor();
    const book = await page.locator('#addresses-list').innerText();
    expect(book).toContain('王**');
    expect(book).toContain('139****5678');
    expect(book).toContain('广东省广州市荔湾区');
    expect(book).not.toContain('13912345678');
    await page.locator('#addresses-list [id$="-default"]').waitFor();
    await screenshot(page, 'delivery-03-address-book');
  });

  it('when 无犯罪记录证明 is applied for with 邮寄, then the address is chosen from the book and the case is filed', async () => {
    // The item files at 实人 (L3): the check first, on this session.
    await page.goto(`${stack.url}/#/packages/identity/pages/check/index`);
    await passCheckThroughUi(page);
    await page.goto(`${stack.url}/#/packages/apply/pages/form/index?code=${NO_CRIME}`);
    await page.locator('#page-form #form-item-name').waitFor();

    const values = fillForm(item.form, { ...person, phone });
    for (const formField of item.form.sections.flatMap((s) => s.fields)) {
      const value = values[formField.key];
      if (value === undefined || (!formField.required && (formField.type === 'date' || formField.type === 'select')))
        continue;
      await filler.fill(formField, value);
    }
    for (const [index, material] of item.materials.entries()) {
      if (material.necessity !== 'required') continue;
      await page
        .locator(`#material-${index}-file`)
        .setInputFiles({ name: `material-${index}.png`, mimeType: 'image/png', buffer: TINY_PNG });
      await page.locator(`#material-${index}-done`).waitFor();
    }

    await page.locator('#field-deliveryMode-option-post').tap();
    await page.locator('#apply-delivery-book').tap();
    await page.locator('#page-addresses #addresses-list').waitFor();
    await screenshot(page, 'delivery-04-pick-address');
    await page.locator('#addresses-list .address-card__body').first().tap();

    await page.locator('#page-form #apply-delivery-saved').waitFor();
    await expect(page.locator('#apply-delivery-saved').innerText()).resolves.toContain('广东省广州市荔湾区');
    await expect(page.locator('#field-deliveryDetail').count()).resolves.toBe(0);
    await page.locator('#apply-delivery').scrollIntoViewIfNeeded();
    await screenshot(page, 'delivery-05-apply-delivery-from-book');

    await page.locator('#form-next').tap();
    await page.locator('#page-review #review-delivery').waitFor();
    await expect(page.locator('#review-delivery').innerText()).resolves.toContain('王** 139****5678');
    await page.locator('#review-delivery').scrollIntoViewIfNeeded();
    await screenshot(page, 'delivery-06-review');
    await page.locator('#review-submit').tap();
    await page.locator('#page-receipt #receipt-case-no').waitFor();
    caseNo = (await page.locator('#receipt-case-no').innerText()).trim();
    expect(caseNo).toMatch(/^\d{22}$/);
  });

  it('when the console delivers, then the case page shows the EMS number and the way; handed over, 已签收', async () => {
    for (const action of ['accept', 'review', 'approve', 'deliver']) await stack.sandbox.approvalAction(caseNo, action);
    await page.goto(`${stack.url}/#/packages/cases/pages/detail/index?caseNo=${caseNo}`);
    await page.locator('#page-case #case-parcel').waitFor();
    const trackingNo = (await page.locator('#case-parcel-no').innerText()).trim();
    expect(trackingNo).toMatch(/^\d{13}$/);
    await expect(page.locator('#case-parcel-state').innerText()).resolves.toBe('运输中');
    await expect(page.locator('#case-parcel-last').innerText()).resolves.toContain('已收寄');
    await screenshot(page, 'delivery-07-case-posted');

    // A day on at EMS (its clock only), then the postman hands it over.
    await stack.sandbox.advanceClock(20 * 3_600_000);
    await stack.sandbox.emsDeliver(trackingNo);
    await page.reload();
    await page.locator('#page-case #case-parcel[data-delivered="true"]').waitFor();
    await expect(page.locator('#case-parcel-state').innerText()).resolves.toBe('已签收');
    const timeline = await page.locator('#case-timeline').innerText();
    for (const step of ['已签收', '正在派送', '到达投递局', '到达处理中心', '已收寄']) expect(timeline).toContain(step);
    await page.locator('#case-parcel').scrollIntoViewIfNeeded();
    await screenshot(page, 'delivery-08-case-signed');
    await page.locator('#case-timeline').scrollIntoViewIfNeeded();
    await screenshot(page, 'delivery-09-case-timeline');
    expect(pageErrors).toEqual([]);
  });
});
