import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPhone, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { loginThroughUi, passCheckThroughUi } from '../support/ui-login';

/**
 * H5: 违法处理 end to end against the sandbox traffic system: from 违法记录
 * to a camera violation's detail with its photos, the consequences before
 * confirming, the 处罚决定书 with 去缴款, and an act that must go to a window.
 */
describe('H5: a violation opened, handled online, and one that must go to a window', () => {
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  let person: { name: string; idNumber: string; phone: string };
  const pageErrors: string[] = [];
  const card = (text: string) =>
    page.locator('#violations-list [id^="violation-"][data-kind]:visible', { hasText: text }).first();

  beforeAll(async () => {
    stack = await startFullStack();
    person = await stack.sandbox.citizen('primary');
    await stack.sandbox.setTrafficLatency(0);
    // A speeding record of 3 points (online) and 逆行 on an expressway (12 points: 车管所).
    await stack.sandbox.addViolation(person.idNumber, { lx: 'fxc', wfxw: '1352' });
    await stack.sandbox.addViolation(person.idNumber, { lx: 'fxc', wfxw: '1044' });
    browser = await launchChromium();
    page = await openPhone(browser, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('when a camera violation is opened from 违法记录, then its act, fine, points, place, time and three photos show', async () => {
    await page.goto(stack.url);
    await page.locator('#privacy-agree').tap();
    await page.goto(`${stack.url}/#/packages/vehicles/pages/violations/index`);
    await page.locator('#page-violations #login-entry').tap();
    await page.locator('#page-login').waitFor();
    await loginThroughUi(page, stack.sandbox, uniquePhone());
    await page.locator('#page-violations #violations-go-in-person').tap();
    await passCheckThroughUi(page, person);

    await card('百分之二十以上未达到百分之五十').tap();
    await page.locator('#page-violation #violation-act').waitFor();
    for (const n of [1, 2, 3]) await page.locator(`#violation-photo-${n}[data-state="ready"]`).waitFor();

    await expect(page.locator('#violation-state').innerText()).resolves.toBe('未处理');
    await expect(page.locator('#violation-fine').innerText()).resolves.toContain('¥200.00');
    await expect(page.locator('#violation-points').innerText()).resolves.toContain('3');
    const src = (await page.locator('#violation-photo-1 img').getAttribute('src')) ?? '';
    expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
    const file = await stack.sandbox.trafficFile(person.idNumber);
    const record = file.violations.fxc.find((r) => r.wfxw === '1352' && r.wfbh.startsWith('44019'));
    expect(Buffer.from(src.split(',')[1] ?? '', 'base64').toString('utf8')).toContain(record?.hphm ?? '?');
    await screenshot(page, 'violations-01-detail');
    await page.locator('#violation-photos').scrollIntoViewIfNeeded();
    await screenshot(page, 'violations-02-photos');
  });

  it('when 处理违法 is tapped, then the consequences show before confirming, and confirming issues the 决定书 with 去缴款', async () => {
    const before = Number((await stack.sandbox.trafficFile(person.idNumber)).licence?.ljjf);
    await page.locator('#violation-handle').scrollIntoViewIfNeeded();
    await page.locator('#violation-handle').tap();
    await page.locator('#page-violation-handle #handle-consequences').waitFor();
    await expect(page.locator('#handle-points-after').innerText()).resolves.toContain(`${before} → ${before + 3}`);
    await screenshot(page, 'violations-03-consequences');

    await page.locator('#handle-submit').tap();
    await page.locator('#handle-confirm-confirm').waitFor();
    await screenshot(page, 'violations-04-confirm');
    await page.locator('#handle-confirm-confirm').tap();

    await page.locator('#handle-result').waitFor();
    const file = await stack.sandbox.trafficFile(person.idNumber);
    const handled = file.violations.fxc.find((r) => r.wfxw === '1352' && r.wfbh.startsWith('44019'));
    expect(handled?.clbj).toBe('1');
    expect(Number(file.licence?.ljjf)).toBe(before + 3);
    await expect(page.locator('#handle-decision-no').innerText()).resolves.toContain(handled?.jdsbh ?? '?');
    await screenshot(page, 'violations-05-decision');

    await page.locator('#handle-pay').tap();
    await page.waitForURL(/packages\/pay\/pages\/pay\/index\?kind=fine&decisionNo=\d{20}/);
    expect(page.url()).toContain(`decisionNo=${handled?.jdsbh ?? '?'}`);
  });

  it('when an act of 12 points is opened for handling, then it is refused with the 车管所 window to go to', async () => {
    // A fresh load of the list (the hash change alone would keep the pay page's history on top).
    await page.goto(`${stack.url}/#/packages/vehicles/pages/violations/index`);
    await page.reload();
    await page.locator('#page-violations #violations-list').waitFor();
    await card('城市快速路上逆行').tap();
    await page.locator('#page-violation #violation-handle').tap();
    await page.locator('#page-violation-handle #handle-refusal').waitFor();

    await expect(page.locator('#handle-refusal-window').innerText()).resolves.toContain('车管所违法处理窗口');
    await expect(page.locator('#handle-refusal-reason').innerText()).resolves.toContain('12分');
    await screenshot(page, 'violations-06-refusal');
    expect(pageErrors).toEqual([]);
  });
});
