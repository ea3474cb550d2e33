import type { Browser, Locator, Page } from 'playwright-core';
import type { ELicenceVerifyResult } from '@suijing/shared';
import { launchChromium, openPhone, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { provideMaterials } from '../support/ui-forms';
import { loginThroughUi, passCheckThroughUi } from '../support/ui-login';

/**
 * H5: 车辆与驾驶证 end to end against the sandbox traffic system (at its
 * realistic latency): login and 实名认证 from the 我的车辆 entry, my vehicles
 * and one of them, my licence, violations, the e-licence with a QR code an
 * officer's device accepts, and a 自愿降级 that shows up in 我的办件.
 */
describe('H5: my vehicles, licence, violations, e-licence and a downgrade', () => {
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  let person: { name: string; idNumber: string; phone: string };
  const phone = uniquePhone();
  const pageErrors: string[] = [];

  const visible = (selector: string): Locator => page.locator(`${selector}:visible`);

  beforeAll(async () => {
    stack = await startFullStack();
    person = await stack.sandbox.citizen('primary');
    browser = await launchChromium();
    page = await openPhone(browser, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('when 我的车辆 is opened logged out, then login and 本人认证 (实名 and 网证 in one step) come first and lead back to it', async () => {
    await page.goto(stack.url);
    await page.locator('#privacy-agree').tap();
    await visible('#entry-vehicles').tap();
    await page.locator('#page-vehicles #login-entry').tap();
    await page.locator('#page-login').waitFor();
    await loginThroughUi(page, stack.sandbox, phone);

    await page.locator('#page-vehicles #vehicles-go-in-person').tap();
    await passCheckThroughUi(page, person);

    await page.locator('#page-vehicles #vehicles-list').waitFor();
    await screenshot(page, 'vehicles-01-list');
    const file = await stack.sandbox.trafficFile(person.idNumber);
    await expect(page.locator('#vehicles-list [id^="vehicle-"][data-severity]').count()).resolves.toBe(
      file.vehicles.length,
    );
    const text = await page.locator('#vehicles-list').innerText();
    for (const vehicle of file.vehicles) expect(text).not.toContain(vehicle.hphm);
    expect(text).toContain('抵押');
  });

  it('when a vehicle is opened, then its full plate, deadlines and the mortgage release path show', async () => {
    const mortgaged = page.locator('#vehicles-list [id^="vehicle-"][data-severity]', { hasText: '抵押' }).first();
    await mortgaged.tap();

    await page.locator('#page-vehicle #vehicle-plate').waitFor();
    const file = await stack.sandbox.trafficFile(person.idNumber);
    const plate = (await page.locator('#vehicle-plate').innerText()).replace(/[·\s]/g, '');
    expect(file.vehicles.map((v) => v.hphm)).toContain(plate);
    await page.locator('#vehicle-inspection-countdown').waitFor();
    await page.locator('#vehicle-mortgage-apply').waitFor();
    await screenshot(page, 'vehicles-02-detail');
    await page.locator('#vehicle-mortgage').scrollIntoViewIfNeeded();
    await screenshot(page, 'vehicles-03-detail-mortgage');
  });

  it('when 我的驾驶证 is opened from 首页, then class, the points gauge and the statuses show', async () => {
    await page.goto(stack.url);
    await visible('#entry-licence').tap();

    await page.locator('#page-licence #licence-gauge').waitFor();
    const file = await stack.sandbox.trafficFile(person.idNumber);
    await expect(page.locator('#licence-classes').innerText()).resolves.toContain(file.licence?.zjcx ?? '?');
    await expect(page.locator('#licence-gauge-remaining').innerText()).resolves.toContain(
      String(12 - Number(file.licence?.ljjf)),
    );
    await expect(page.locator('#licence-statuses').innerText()).resolves.toContain('正常');
    await screenshot(page, 'vehicles-04-licence');
  });

  it('when 违法记录 is opened, then the unhandled ones and their totals show, and 全部 adds the handled', async () => {
    await page.locator('#licence-violations').tap();
    await page.locator('#page-violations #violations-total-count').waitFor();
    const unhandled = Number((await page.locator('#violations-total-count').innerText()).replace(/\D/g, ''));
    await screenshot(page, 'vehicles-05-violations-unhandled');

    await page.locator('#violations-tab-all').tap();
    await page.locator('#violations-tab-all[aria-selected="true"]').waitFor();
    await page.waitForFunction(
      (before) => Number(document.querySelector('#violations-total-count')?.textContent?.replace(/\D/g, '')) > before,
      unhandled,
    );
    await page.locator('#violations-list [data-handled="true"]').first().waitFor();
    await screenshot(page, 'vehicles-06-violations-all');
  });

  it('when 电子驾驶证 is shown, then it has a QR code an officer device accepts and a live clock', async () => {
    await page.goBack();
    await page.locator('#page-licence #licence-e-card').tap();
    await page.locator('#page-e-card #ecard-qr').waitFor();
    const payload = (await page.locator('#ecard-qr').getAttribute('data-value')) ?? '';
    const src = (await page.locator('#ecard-qr img, img#ecard-qr').first().getAttribute('src')) ?? '';
    const clockBefore = await page.locator('#ecard-clock').innerText();
    await page.waitForTimeout(1100);

    expect(src).toMatch(/^data:image\/gif;base64,/);
    await expect(page.locator('#ecard-clock').innerText()).resolves.not.toBe(clockBefore);
    const checked = (await (
      await fetch(`${stack.url}/api/v1/verify/e-licence`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payload }),
      })
    ).json()) as ELicenceVerifyResult;
    expect(checked.result).toBe('valid');
    await screenshot(page, 'vehicles-07-e-card');
  });

  it('when a 自愿降级 is filled and submitted, then the receipt shows a case that 我的办件 lists', async () => {
    await page.goBack();
    await page.locator('#page-licence #licence-downgrade').tap();
    await page.locator('#page-downgrade #downgrade-submit').waitFor();
    await page.locator('#page-downgrade [id^="field-targetClass-option-"]').first().tap();
    // The contact phone is the account's own, prefilled (masked): nothing to type.
    await expect(page.locator('#page-downgrade #field-phone-locked').innerText()).resolves.toContain(phone.slice(-4));
    // The item's name and the note under it are two lines, not one run-on sentence.
    await expect(page.locator('#downgrade-title').evaluate((el) => getComputedStyle(el).display)).resolves.toBe(
      'block',
    );
    await screenshot(page, 'vehicles-08a-downgrade-head');
    await page
      .locator('#page-downgrade #field-address-input input, #page-downgrade #field-address-input textarea')
      .first()
      .fill('广州市天河区天河路100号');
    await page.locator('#page-downgrade #field-delivery-option-window').tap();

    // Each required material: the e-licence on file where offered, else a photo.
    await page.locator('#page-downgrade #apply-materials').scrollIntoViewIfNeeded();
    await provideMaterials(page, '#page-downgrade');
    await screenshot(page, 'vehicles-08-downgrade-form');

    await page.locator('#downgrade-submit').tap();

    await page.locator('#page-receipt #receipt-case-no').waitFor();
    const caseNo = (await page.locator('#receipt-case-no').innerText()).trim();
    expect(caseNo).toMatch(/^\d{8}4401\d{10}$/);
    await screenshot(page, 'vehicles-09-downgrade-receipt');

    await page.locator('#receipt-cases').tap();
    await page.locator(`#page-cases #case-${caseNo}`).waitFor();
    await expect(page.locator(`#case-${caseNo}`).innerText()).resolves.toContain('降');
    await screenshot(page, 'vehicles-10-cases');
    const upstream = await stack.sandbox.approvalCases(person.idNumber);
    expect(upstream.filter((c) => c.bjbh === caseNo)).toHaveLength(1);
  });

  it('when 申请解除抵押 is sent for the vehicle the lender cleared, then the lender’s record needs no upload and a case is filed', async () => {
    await page.goto(stack.url);
    await visible('#entry-vehicles').tap();
    await page
      .locator('#page-vehicles #vehicles-list [id^="vehicle-"][data-severity]', { hasText: '抵押' })
      .first()
      .tap();
    await page.locator('#page-vehicle #vehicle-mortgage-apply').tap();

    await page.locator('#page-mortgage-release #release-submit').waitFor();
    await expect(page.locator('#apply-materials-note').innerText()).resolves.toContain('无需上传');
    await expect(page.locator('#page-mortgage-release #field-phone-locked').innerText()).resolves.toContain(
      phone.slice(-4),
    );
    await expect(page.locator('#release-title').evaluate((el) => getComputedStyle(el).display)).resolves.toBe('block');
    await expect(page.locator('#release-note').innerText()).resolves.toContain('1 项必要材料');
    await screenshot(page, 'vehicles-11a-mortgage-release-head');
    await page
      .locator(
        '#page-mortgage-release #field-address-input input, #page-mortgage-release #field-address-input textarea',
      )
      .first()
      .fill('广州市天河区天河路100号');
    await provideMaterials(page, '#page-mortgage-release');
    await screenshot(page, 'vehicles-11-mortgage-release-form');

    await page.locator('#release-submit').tap();

    await page.locator('#page-receipt #receipt-case-no').waitFor();
    await expect(page.locator('#page-receipt').innerText()).resolves.toContain('解除抵押');
    await screenshot(page, 'vehicles-12-mortgage-release-receipt');
  });

  it('when care mode is on, then my licence is set in larger type', async () => {
    const size = () =>
      visible('#page-licence .info-row__label')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.goto(`${stack.url}/#/packages/vehicles/pages/licence/index`);
    const before = await size();
    await page.goto(stack.url);
    await visible('#entry-care-mode').tap();

    await page.goto(`${stack.url}/#/packages/vehicles/pages/licence/index`);
    const after = await size();
    await screenshot(page, 'vehicles-13-licence-care-mode');

    expect(after).toBeGreaterThan(before);
    expect(pageErrors).toEqual([]);
  });
});
