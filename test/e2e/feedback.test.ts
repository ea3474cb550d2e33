import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ApplicationDetail, IdentityCheckStart, ItemGuideResponse, TokenResponse } from '@suijing/shared';
import { launchChromium, openPhone, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';
import { signInVerified } from '../support/ui-login';

/**
 * H5: 好差评 on a finished case, a complaint answered through the 12345 loop
 * by the sandbox console, and the 民声热点榜.
 */
describe('H5: rating a finished case, a complaint through the loop, the hot board', () => {
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  let person: { name: string; idNumber: string; phone: string };
  let caseNo = '';
  let complaintId = '';
  const phone = uniquePhone();
  const pageErrors: string[] = [];

  const visible = (selector: string): Locator => page.locator(`${selector}:visible`);

  async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown; key?: string } = {}) {
    const res = await fetch(`${stack.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': '10.9.8.7',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.key ? { 'idempotency-key': init.key } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** 无犯罪记录证明开具（本人申请）: its result can be an 电子证明, seen in the case. */
  const NO_CRIME = '1144010000750226542000414000001';

  /**
   * A case of this citizen, filed (the result as an 电子证明) and decided and
   * delivered the way the department would, through the API and the console.
   */
  async function finishedCase(): Promise<string> {
    // A second session of the same citizen (one SMS a minute per phone: let the minute pass).
    await stack.advanceTime(61_000);
    await api('/api/v1/auth/sms/send', { method: 'POST', body: { phone } });
    const [sms] = await stack.sandbox.smsOutbox(phone);
    const { accessToken } = await api<TokenResponse>('/api/v1/auth/sms/login', {
      method: 'POST',
      body: { phone, code: sms?.params['code'], client: { platform: 'h5' } },
    });
    // 实人 on this session, as filing the item needs: a 网证 authorisation the person confirms.
    const check = await api<IdentityCheckStart>('/api/v1/identity/checks', {
      method: 'POST',
      token: accessToken,
      body: { channel: 'ctid' },
    });
    await stack.sandbox.ctidDecide(check.ctid?.authUrl ?? '', 'pass');
    await api(`/api/v1/identity/checks/${check.checkId}/complete`, { method: 'POST', token: accessToken, body: {} });
    const { item } = await api<ItemGuideResponse>(`/api/v1/items/${NO_CRIME}`);
    const materials = [];
    for (const material of item.materials.filter((m) => m.necessity === 'required')) {
      const form = new FormData();
      form.append('file', new Blob([TINY_PNG], { type: 'image/png' }), 'photo.png');
      const res = await fetch(`${stack.url}/api/v1/materials`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}` },
        body: form,
      });
      const uploaded = (await res.json()) as { materialId: string };
      materials.push({ name: material.name, source: 'upload', materialId: uploaded.materialId });
    }
    const filed = await api<ApplicationDetail>('/api/v1/applications', {
      method: 'POST',
      token: accessToken,
      key: randomUUID(),
      body: {
        itemCode: item.code,
        formVersion: item.form.version,
        data: fillForm(item.form, person),
        materials,
        delivery: { mode: 'electronic' },
      },
    });
    for (const action of ['accept', 'review', 'approve', 'deliver']) {
      await stack.sandbox.approvalAction(filed.caseNo, action);
    }
    return filed.caseNo;
  }

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

  it('when a finished case is opened, then 评价 leads to the five levels and sub-scores, and the rating is kept', async () => {
    await signInVerified(page, stack.url, stack.sandbox, phone, person);
    // Its form asks how the result is to reach the applicant: 邮寄 asks the address in parts.
    await page.goto(`${stack.url}/#/packages/apply/pages/form/index?code=${NO_CRIME}`);
    await page.locator('#apply-delivery #field-deliveryMode-option-electronic[aria-checked="true"]').waitFor();
    await page.locator('#field-deliveryMode-option-post').tap();
    await page.locator('#field-deliveryDetail-input').waitFor();
    await page.locator('#apply-delivery').scrollIntoViewIfNeeded();
    await screenshot(page, 'feedback-00-apply-delivery');
    caseNo = await finishedCase();

    await page.goto(`${stack.url}/#/packages/cases/pages/detail/index?caseNo=${caseNo}`);
    await page.locator('#page-case #case-certificate').waitFor();
    await expect(page.locator('#case-delivery').innerText()).resolves.toBe('电子证明');
    await expect(page.locator('#page-case').innerText()).resolves.not.toContain('EMS');
    await screenshot(page, 'feedback-00-case-certificate');
    await page.locator('#page-case #case-rate').tap();

    await page.locator('#page-rate #rate-form').waitFor();
    await page.locator('#rate-level-star-2').tap();
    await page.locator('#rate-comment-hint').waitFor();
    for (const aspect of ['efficiency', 'guideAccuracy', 'convenience', 'usability']) {
      await page.locator(`#rate-aspect-${aspect}-stars-star-2`).tap();
    }
    await page.locator('#rate-submit').tap();
    await page.locator('#rate-comment-error').waitFor();
    await page.locator('#rate-comment textarea').fill('材料要求与办事指南不一致，多跑了一趟');
    await screenshot(page, 'feedback-01-rate-form');
    await page.locator('#rate-submit').tap();

    await page.locator('#page-rate #rate-view').waitFor();
    await expect(page.locator('#rate-view-level').innerText()).resolves.toContain('不满意');
    await page.locator('#rate-followup').waitFor();
    await screenshot(page, 'feedback-02-rated-bad-followup');
  });

  it('when the department follows the bad review up, then the rating page shows each step', async () => {
    const { items } = (await (await fetch(`${stack.sandbox.url}/sandbox/feedback/ratings`)).json()) as {
      items: Array<{ pjbh: string; bjbh: string }>;
    };
    const rating = items.find((r) => r.bjbh === caseNo);
    await stack.sandbox.followUpRating(rating?.pjbh ?? '', '核实', '经核实，办事指南材料说明有歧义');
    await stack.sandbox.followUpRating(rating?.pjbh ?? '', '整改', '已修订办事指南并培训窗口人员');

    await page.reload();
    await page.locator('#rate-followup-step-rectify[data-state="done"]').waitFor();
    await screenshot(page, 'feedback-03-followup-steps');
  });

  it('when a complaint with a photo is filed from 我的, then it is received and the console’s answers show as steps', async () => {
    await page.goto(`${stack.url}/#/pages/me/index`);
    await visible('#me-complaints').tap();
    await page.locator('#page-complaints #complaints-new, #page-complaints #complaints-empty-new').first().tap();

    await page.locator('#page-complaint-new #complaint-new-submit').waitFor();
    await page.locator('#field-kind-option-complaint').tap();
    await page.locator('#field-category-option-window-service').tap();
    await page.locator('#field-title-input input').fill('窗口排队时间过长');
    await page
      .locator('#field-content-input textarea')
      .fill('周一上午在天河区政务服务中心办理身份证，排队超过两个小时，只开了一个窗口。');
    // The contact phone is the account's own, prefilled (masked): nothing to type.
    await expect(page.locator('#field-phone-locked').innerText()).resolves.toContain(phone.slice(-4));
    await page
      .locator('#complaint-photo-0-file')
      .setInputFiles({ name: 'queue.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.locator('#complaint-photo-0-done').waitFor();
    await screenshot(page, 'feedback-04-complaint-form');
    await page.locator('#complaint-new-submit').tap();

    await page.locator('#page-complaint #complaint-id').waitFor();
    complaintId = (await page.locator('#complaint-id').innerText()).match(/GZ12345\d+/)?.[0] ?? '';
    expect(complaintId).not.toBe('');
    await page.locator('#complaint-loop-received[data-state]').waitFor();
    await screenshot(page, 'feedback-05-complaint-received');

    await stack.sandbox.requestAction(complaintId, 'answer', '您的诉求已收悉，正在联系相关部门');
    await stack.sandbox.requestAction(complaintId, 'dispatch', '转天河分局处理', '广州市公安局天河区分局');
    await stack.sandbox.requestAction(complaintId, 'handle', '已增开两个窗口并实行弹性排班');
    await page.reload();
    await page.locator('#page-complaint #complaint-rate').waitFor();
    await expect(page.locator('#complaint-stage').innerText()).resolves.toContain('办结');
    // The loop agrees with 已办结: 办 done, 评 waiting for the citizen, nothing 进行中.
    await page.locator('#complaint-loop-handled[data-state="done"]').waitFor();
    await page.locator('#complaint-loop-rated[data-state="current"]').waitFor();
    await expect(page.locator('#complaint-loop').innerText()).resolves.not.toContain('进行中');
    await screenshot(page, 'feedback-06-complaint-handled');
  });

  it('when the handling is rated, then the loop is closed at 评', async () => {
    await page.locator('#complaint-rate-level-star-4').tap();
    await page.locator('#complaint-rate-comment textarea').fill('处理及时，谢谢');
    await page.locator('#complaint-rate-submit').tap();

    await page.locator('#page-complaint #complaint-rating').waitFor();
    await page.locator('#complaint-loop-rated[data-state="done"]').waitFor();
    await screenshot(page, 'feedback-07-complaint-rated');
  });

  it('when 民声热点榜 is opened, then the topics rank by heat, with 上榜/监测/撤榜 tabs', async () => {
    await page.goto(`${stack.url}/#/pages/me/index`);
    await visible('#me-hot-topics').tap();

    await page.locator('#page-hot-topics #hot-topics-list [id^="hot-topic-"]').first().waitFor();
    await screenshot(page, 'feedback-08-hot-topics');
    await page.locator('#hot-topics-tab-delisted').tap();
    await page.locator('#hot-topics-tab-delisted[aria-selected="true"]').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'feedback-09-hot-topics-delisted');
    expect(pageErrors).toEqual([]);
  });
});
