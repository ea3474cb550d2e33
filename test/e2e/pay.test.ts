import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { amountInCapitals } from '@suijing/shared';
import type {
  LicenceAnswer,
  PaymentOrder,
  HandlingPreview,
  ItemGuide,
  ItemGuideResponse,
  ItemListResponse,
  ViolationList,
} from '@suijing/shared';
import { ARTIFACTS, launchChromium, openPhone, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { fillForm } from '../support/forms';
import { formFiller, provideMaterials } from '../support/ui-forms';
import { loginThroughUi, passCheckThroughUi } from '../support/ui-login';

/**
 * H5: 缴款 end to end against the sandbox's payment platforms: a passport
 * application's fee paid at the WeChat Pay H5 cashier (确认支付), and a
 * violation handled and its fine paid at the 非税 cashier (确认缴款), each
 * back on the result page, with the 电子票据 and 我的缴费.
 *
 * Element ids: #case-fee[data-state], #case-fee-amount, #case-fee-pay, #page-pay, #pay-amount, #pay-lines,
 *   #pay-lines-total, #pay-lines-late, #pay-submit, #page-pay-result, #result-paid, #result-amount,
 *   #result-receipt, #result-back, #page-pay-receipt, #receipt-card, #receipt-no, #receipt-amount, #receipt-capitals,
 *   #receipt-save, #receipt-open-pdf, #page-pay-orders,
 *   #order-<id>[data-state], #order-<id>-state, #page-pay-order, #order-state, #me-payments
 */
describe('H5: paying a fee and a fine', () => {
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  let person: { name: string; idNumber: string; phone: string };
  let caseNo = '';
  let feeOrderId = '';
  let violationId = '';
  let decisionNo = '';
  let points = 0;
  let pointsBefore = 0;
  const phone = uniquePhone();
  const pageErrors: string[] = [];

  const visible = (selector: string): Locator => page.locator(`${selector}:visible`);
  /** The app at the address the platforms send the citizen back to (PUBLIC_BASE_URL), so its storage is the same. */
  const appUrl = (): string => stack.url.replace('//localhost:', '//127.0.0.1:');
  const hashUrl = (path: string): string => `${appUrl()}/#${path}`;

  async function passportItem(): Promise<ItemGuide> {
    const found = (await (
      await fetch(`${stack.url}/api/v1/items?q=${encodeURIComponent('普通护照首次申领')}`)
    ).json()) as ItemListResponse;
    const code = found.items.find((item) => item.name.includes('普通护照首次申领'))?.code ?? found.items[0]?.code;
    if (!code) throw new Error('no 普通护照首次申领 in the catalog');
    return ((await (await fetch(`${stack.url}/api/v1/items/${code}`)).json()) as ItemGuideResponse).item;
  }

  /** The item form as a citizen fills it: every field, then each required material (e-licence or a photo). */
  async function fillItemForm(item: ItemGuide): Promise<void> {
    const { fill } = formFiller(page);
    const values = fillForm(item.form, { ...person, phone });
    for (const field of item.form.sections.flatMap((s) => s.fields)) {
      const value = values[field.key];
      if (value === undefined || (!field.required && (field.type === 'date' || field.type === 'select'))) continue;
      if ((await page.locator(`#field-${field.key}:visible, #field-${field.key}-input:visible`).count()) === 0)
        continue;
      await fill(field, value);
    }
    await page.locator('#page-form #apply-materials').scrollIntoViewIfNeeded();
    await provideMaterials(page, '#page-form');
  }

  /**
   * The receipt page shows the 电子票据 as a card (票据号, the total in figures and in capitals) and
   * 保存 downloads the PDF it fetched with the session: the very bytes the BFF serves for the order.
   */
  async function expectReceiptShown(orderId: string, amount: string): Promise<void> {
    const order = await asPage<PaymentOrder>(`/payments/orders/${orderId}`);
    expect(order.receiptNo).toMatch(/\S/);
    await expect(page.locator('#receipt-no').innerText()).resolves.toBe(order.receiptNo);
    await expect(page.locator('#receipt-amount').innerText()).resolves.toBe(amount);
    await expect(page.locator('#receipt-capitals').innerText()).resolves.toBe(
      `人民币${amountInCapitals(order.amountFen)}`,
    );
    const card = await page.locator('#receipt-card').innerText();
    for (const text of [
      '电子缴费票据',
      '票据号',
      '开具时间',
      '缴费项目',
      order.thing.reference,
      '支付渠道',
      '交易号',
    ]) {
      expect(card).toContain(text);
    }
    await expect(page.locator('#receipt-frame').count()).resolves.toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#receipt-save').tap()]);
    expect(download.suggestedFilename()).toBe(`电子票据-${order.receiptNo}.pdf`);
    const saved = await readFile(await download.path());
    expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(saved.equals(await asPageBytes(`/payments/orders/${orderId}/receipt`))).toBe(true);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.locator('#receipt-open-pdf').tap()]);
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();
    // The taps scrolled to the buttons: back to the top for the picture of the whole receipt.
    await page.bringToFront();
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.waitForFunction(() => window.scrollY === 0 && document.scrollingElement?.scrollTop === 0);
  }

  /** A GET as the page's own session (Taro keeps the token in localStorage as {"data": …}). */
  async function getAsPage(path: string): Promise<Response> {
    const token = await page.evaluate(
      () => (JSON.parse(localStorage.getItem('suijing.accessToken') ?? '{}') as { data?: string }).data ?? '',
    );
    const response = await fetch(`${stack.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return response;
  }

  /** The BFF as the page's own session sees it (to choose a violation the rules let one handle online). */
  async function asPage<T>(path: string): Promise<T> {
    return (await (await getAsPage(path)).json()) as T;
  }

  async function asPageBytes(path: string): Promise<Buffer> {
    return Buffer.from(await (await getAsPage(path)).arrayBuffer());
  }

  beforeAll(async () => {
    stack = await startFullStack();
    await stack.sandbox.setApprovalWebhook(`${stack.url}/api/v1/hooks/approval`);
    person = await stack.sandbox.citizen('primary');
    browser = await launchChromium();
    page = await openPhone(browser, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('when a passport application is filed and accepted, then its case shows 待缴费 ¥120.00 with 去缴费', async () => {
    const item = await passportItem();
    await page.goto(appUrl());
    await page.locator('#privacy-agree').tap();
    await page.goto(hashUrl(`/packages/catalog/pages/item/index?code=${item.code}`));
    await page.locator('#page-item #apply-online').tap();
    await page.locator('#apply-login-dialog-confirm').tap();
    await page.locator('#page-login').waitFor();
    await loginThroughUi(page, stack.sandbox, phone);
    await page.locator('#page-real-name #real-name-submit').waitFor();
    await page.locator('#real-name-name input').fill(person.name);
    await page.locator('#real-name-id input').fill(person.idNumber);
    await page.locator('#real-name-submit').tap();
    // An item filed at 实人 (L3) asks for the 网证 check before its form.
    await page.locator('#page-in-person-check #check-start, #page-form #form-item-name').first().waitFor();
    if ((await page.locator('#page-in-person-check #check-start').count()) > 0) await passCheckThroughUi(page);

    await page.locator('#page-form #form-item-name').waitFor();
    await fillItemForm(item);
    await page.locator('#form-next').tap();
    await page.locator('#page-review #review-submit').tap();
    await page.locator('#page-receipt #receipt-case-no').waitFor();
    caseNo = (await page.locator('#receipt-case-no').innerText()).trim();
    expect(caseNo).toMatch(/^\d{8}4401\d{10}$/);

    await stack.sandbox.approvalAction(caseNo, 'accept');
    await page.goto(hashUrl(`/packages/cases/pages/detail/index?caseNo=${caseNo}`));

    await page.locator('#page-case #case-fee[data-state="due"]').waitFor();
    await expect(page.locator('#case-fee-amount').innerText()).resolves.toBe('待缴费 ¥120.00');
    await screenshot(page, 'pay-01-case-fee-due');
  });

  it('when 去缴费 is tapped, then the pay page shows the fee, its number and the total', async () => {
    await page.locator('#case-fee-pay').tap();

    await page.locator('#page-pay #pay-lines').waitFor();
    await expect(page.locator('#pay-amount').innerText()).resolves.toBe('¥120.00');
    await expect(page.locator('#pay-lines-total').innerText()).resolves.toBe('¥120.00');
    await expect(page.locator('#pay-reference').innerText()).resolves.toBe(caseNo);
    await expect(page.locator('#pay-platform').innerText()).resolves.toBe('微信支付');
    await screenshot(page, 'pay-02-fee');
  });

  it('when 确认支付 is tapped and paid at the WeChat Pay cashier, then the result page says 支付成功 with the amount', async () => {
    await page.locator('#pay-submit').tap();

    const pay = page.getByRole('button', { name: '确认支付' });
    await pay.waitFor();
    expect(new URL(page.url()).origin).not.toBe(new URL(appUrl()).origin);
    await expect(page.locator('body').innerText()).resolves.toContain('120.00');
    // The platform's page, not ours: a picture for the record, no accessibility audit.
    await page.screenshot({ path: `${ARTIFACTS}/pay-03-wxpay-cashier.png` });
    await pay.click();

    await page.locator('#page-pay-result #result-paid').waitFor({ timeout: 30_000 });
    feeOrderId = new URL(page.url().replace('/#/', '/')).searchParams.get('orderId') ?? '';
    expect(feeOrderId).toMatch(/^[0-9a-f]{24}$/);
    await expect(page.locator('#result-amount').innerText()).resolves.toBe('¥120.00');
    await expect(page.locator('#result-paid').innerText()).resolves.toContain('支付成功');
    await screenshot(page, 'pay-04-result-paid');
  });

  it('when 查看电子票据 is tapped, then the receipt shows as a card and 保存 downloads its PDF', async () => {
    await page.locator('#result-receipt').tap();

    await page.locator('#page-pay-receipt #receipt-card').waitFor();
    await expectReceiptShown(feeOrderId, '¥120.00');
    await screenshot(page, 'pay-05-receipt');
  });

  it('when 我的缴费 is opened from 我的, then the order is listed as 已支付 and opens with its details', async () => {
    await page.goto(hashUrl('/pages/me/index'));
    await visible('#me-payments').tap();

    await page.locator(`#page-pay-orders #order-${feeOrderId}[data-state="paid"]`).waitFor();
    await expect(page.locator(`#order-${feeOrderId}-state`).innerText()).resolves.toBe('已支付');
    await screenshot(page, 'pay-06-orders');

    await page.locator(`#order-${feeOrderId}`).tap();
    await page.locator('#page-pay-order #order-trade-no').waitFor();
    await expect(page.locator('#order-state').innerText()).resolves.toBe('已支付');
    const tradeNo = await page.locator('#order-trade-no').innerText();
    expect(tradeNo).toContain('*');
    await screenshot(page, 'pay-07-order');
  });

  it('when the case is opened again, then its fee reads 已缴费', async () => {
    await page.goto(hashUrl(`/packages/cases/pages/detail/index?caseNo=${caseNo}`));

    await page.locator('#page-case #case-fee[data-state="paid"]').waitFor();
    await expect(page.locator('#case-fee-amount').innerText()).resolves.toContain('已缴费');
    await expect(page.locator('#case-fee-pay').count()).resolves.toBe(0);
  });

  it('when a violation is handled online (处理, 确认), then the 决定书 shows with 去缴款', async () => {
    const { items } = await asPage<ViolationList>('/violations?status=unhandled&kind=all');
    // One the rules let one handle online; one that carries points, where there is such, so they show on the licence.
    const handleable: ViolationList['items'] = [];
    for (const candidate of items) {
      if ((await asPage<HandlingPreview>(`/violations/${candidate.id}/handling`)).allowed) handleable.push(candidate);
    }
    const chosen = handleable.find((candidate) => candidate.points > 0) ?? handleable[0];
    violationId = chosen?.id ?? '';
    points = chosen?.points ?? 0;
    expect(violationId).not.toBe('');
    pointsBefore = (await asPage<LicenceAnswer>('/licence')).licence.points.accumulated;

    await page.goto(hashUrl('/packages/vehicles/pages/violations/index'));
    await page.locator(`#page-violations #violation-${violationId}`).tap();
    await page.locator('#page-violation #violation-handle').tap();
    await page.locator('#page-violation-handle #handle-submit').tap();
    await page.locator('#handle-confirm-confirm').tap();

    await page.locator('#page-violation-handle #handle-result').waitFor();
    decisionNo = await page.locator('#handle-decision-no .info-row__value').innerText();
    expect(decisionNo).toMatch(/^[0-9A-Za-z]{10,32}$/);
    await expect(page.locator('#handle-decision').innerText()).resolves.toContain(`累积 ${pointsBefore + points} 分`);
    await screenshot(page, 'pay-10-violation-decision');
  });

  it('when 去缴款 is tapped, then the pay page shows the 罚款, the 缴款码 and the due date', async () => {
    await page.locator('#handle-pay').tap();

    await page.locator('#page-pay #pay-lines').waitFor();
    await expect(page.locator('#pay-reference').innerText()).resolves.toBe(decisionNo);
    await expect(page.locator('#pay-code').innerText()).resolves.toMatch(/^\d{20}$/);
    await expect(page.locator('#pay-lines-line-0').innerText()).resolves.toContain('罚款');
    await expect(page.locator('#pay-platform').innerText()).resolves.toBe('广东省非税收入平台');
    await page.locator('#pay-due-date').waitFor();
    await screenshot(page, 'pay-11-fine');
  });

  it('when 确认支付 is tapped and 确认缴款 at the 非税 cashier, then 支付成功 and its 电子票据 show', async () => {
    const total = await page.locator('#pay-lines-total').innerText();
    await page.locator('#pay-submit').tap();

    const pay = page.getByRole('button', { name: '确认缴款' });
    await pay.waitFor();
    await expect(page.locator('body').innerText()).resolves.toContain(decisionNo);
    await page.screenshot({ path: `${ARTIFACTS}/pay-12-nontax-cashier.png` });
    await pay.click();

    await page.locator('#page-pay-result #result-paid').waitFor({ timeout: 30_000 });
    await expect(page.locator('#result-amount').innerText()).resolves.toBe(total);
    const fineOrderId = new URL(page.url().replace('/#/', '/')).searchParams.get('orderId') ?? '';
    await screenshot(page, 'pay-13-fine-paid');
    await page.locator('#result-receipt').tap();
    await page.locator('#page-pay-receipt #receipt-card').waitFor();
    await expectReceiptShown(fineOrderId, total);
    await screenshot(page, 'pay-14-fine-receipt');
  });

  it('when the violation is opened again, then it is handled and paid, and the licence carries its points', async () => {
    await page.goto(hashUrl(`/packages/vehicles/pages/violation/index?id=${violationId}`));

    await page.locator('#page-violation #violation-done').waitFor();
    await expect(page.locator('#violation-state').innerText()).resolves.toContain('已缴款');
    await expect(page.locator('#violation-decision-no').innerText()).resolves.toContain(decisionNo);
    await screenshot(page, 'pay-15-violation-paid');

    await page.goto(hashUrl('/packages/vehicles/pages/licence/index'));
    await page.locator('#page-licence #licence-gauge').waitFor();
    await expect(page.locator('#licence-gauge-remaining').innerText()).resolves.toContain(
      String(12 - pointsBefore - points),
    );
  });

  it('when care mode is on, then 我的缴费, the order and the receipt are set in larger type and still fit the phone', async () => {
    const ordersUrl = hashUrl('/packages/pay/pages/orders/index');
    await page.goto(ordersUrl);
    await page.locator(`#order-${feeOrderId}`).waitFor();
    const before = await page
      .locator(`#order-${feeOrderId} .order-card__title`)
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.goto(appUrl());
    await visible('#entry-care-mode').tap();

    await page.goto(ordersUrl);
    await page.locator(`#order-${feeOrderId}`).waitFor();
    const after = await page
      .locator(`#order-${feeOrderId} .order-card__title`)
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await screenshot(page, 'pay-08-orders-care-mode');
    await page.goto(hashUrl(`/packages/pay/pages/pay/index?kind=fee&caseId=${caseNo}`));
    await page.locator('#page-pay #pay-done').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await screenshot(page, 'pay-09-pay-paid-care-mode');
    await page.goto(hashUrl(`/packages/pay/pages/receipt/index?id=${feeOrderId}`));
    await page.locator('#page-pay-receipt #receipt-card').waitFor();
    const receiptOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await screenshot(page, 'pay-16-receipt-care-mode');
    await page.goto(appUrl());
    await visible('#entry-care-mode').tap();

    expect(after).toBeGreaterThan(before);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(receiptOverflow).toBeLessThanOrEqual(0);
    expect(pageErrors).toEqual([]);
  });
});
