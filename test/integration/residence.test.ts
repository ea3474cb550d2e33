import { randomUUID } from 'node:crypto';
import {
  addDaysToDay,
  addMonthsToDay,
  addYearsToDay,
  compactFromIsoDay,
  type ApplicationDetail,
  type ItemGuideResponse,
  type ResidenceOverview,
  type ResidencePermitCard,
  type ResidencePermitVerifyResult,
} from '@suijing/shared';
import { bearer, loginBySms, requiredMaterials, verifyIdentity } from '../support/auth-helpers';
import { beijingDate } from '../support/beijing-time';
import { eventually } from '../support/eventually';
import { fillForm } from '../support/forms';
import { startTestStack, type TestStack } from '../support/stack';

type Person = { name: string; idNumber: string; phone: string };
type Action = ResidenceOverview['actions'][number];
type PermitOnFile = { qfrq: string; qzjl?: { qzrq: string; zn: string }[] } | null;

/**
 * 居住证 end to end against the sandbox's identity register and approval
 * system: the rules at their edges (as 我的居住证 explains them and as filing
 * refuses them), 签注 once a year and after a lapse, 申领 approved in the
 * console, and the 电子居住证's rotating QR at a verifier's device.
 */
describe('residence: 居住证 rules, 签注 and the 电子居住证', () => {
  let stack: TestStack;
  let newcomer: Person;
  let token: string;

  beforeAll(async () => {
    stack = await startTestStack();
    newcomer = await stack.sandbox.citizen('newcomer');
    token = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, token, newcomer);
  });
  afterAll(() => stack.close());

  /** The China calendar day the BFF and the sandbox both count from. */
  const today = () => beijingDate(stack.clock.now());

  /** Sets the newcomer's residence file at the register (the sandbox's control route): 居住登记 date and the permit. */
  const setResidence = (file: { registeredOn?: string; permit?: PermitOnFile }) =>
    stack.sandbox.setResidence(newcomer.idNumber, {
      ...(file.registeredOn ? { djrq: compactFromIsoDay(file.registeredOn) } : {}),
      ...(file.permit === undefined ? {} : { jzz: file.permit }),
    });

  /** A permit issued on `issuedOn`, with 签注 for the given anniversaries (yyyy-MM-dd). */
  const permitIssued = (issuedOn: string, endorsed: { on: string; anniversary: string }[] = []): PermitOnFile => ({
    qfrq: compactFromIsoDay(issuedOn),
    qzjl: endorsed.map((e) => ({ qzrq: compactFromIsoDay(e.on), zn: compactFromIsoDay(e.anniversary) })),
  });

  const overview = async (accessToken = token) =>
    (await stack.api().get('/api/v1/residence').set(bearer(accessToken)).expect(200)).body as ResidenceOverview;

  const actionOf = (view: ResidenceOverview, action: Action['action']): Action => {
    const found = view.actions.find((candidate) => candidate.action === action);
    if (!found) throw new Error(`no ${action} action offered`);
    return found;
  };

  /** The e-card (the 实人 check of beforeAll is fresh enough: the file runs well within 5 minutes). */
  async function card() {
    const res = await stack.api().get('/api/v1/residence/e-card').set(bearer(token));
    return { status: res.status, body: res.body as ResidencePermitCard & { error?: { code: string } } };
  }

  const verify = async (payload: string) =>
    (await stack.api().post('/api/v1/verify/residence-permit').send({ payload }).expect(200))
      .body as ResidencePermitVerifyResult;

  /** Files the item of an action as the newcomer, with the form filled and the required materials given. */
  async function file(action: Action['action']) {
    const { itemCode } = actionOf(await overview(), action);
    const { item } = (await stack.api().get(`/api/v1/items/${itemCode}`).expect(200)).body as ItemGuideResponse;
    return stack
      .api()
      .post('/api/v1/applications')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({
        itemCode,
        formVersion: item.form.version,
        // The 签注 form asks for the permit's number, which is the holder's ID number.
        data: fillForm(item.form, newcomer),
        materials: await requiredMaterials(stack, token, itemCode),
      });
  }

  /** Staff accept, review and approve the case a filing made, at the approval console. */
  async function approve(filed: { status: number; body: unknown }): Promise<void> {
    if (filed.status !== 201) throw new Error(`filing: HTTP ${filed.status} ${JSON.stringify(filed.body)}`);
    const { caseNo } = filed.body as ApplicationDetail;
    for (const action of ['accept', 'review', 'approve']) await stack.sandbox.approvalAction(caseNo, action);
  }

  it('when an unverified user opens 我的居住证 or the e-card, then 403 ASSURANCE_REQUIRED asks for 实人', async () => {
    // Arrange
    const { accessToken } = await loginBySms(stack);

    // Act
    const answers = await Promise.all(
      ['/api/v1/residence', '/api/v1/residence/e-card'].map((path) => stack.api().get(path).set(bearer(accessToken))),
    );

    // Assert
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatchObject({ code: 'ASSURANCE_REQUIRED', required: { level: 'L3' } });
    }
  });

  it('when the 居住登记 is 5 months 29 days old, then 申领 is refused with the day it opens and filing is 422; at 6 months it is open', async () => {
    // Arrange
    const sixMonthsAgo = addMonthsToDay(today(), -6);
    await setResidence({ registeredOn: addDaysToDay(sixMonthsAgo, 1), permit: null });

    // Act
    const early = actionOf(await overview(), 'apply');
    const filedEarly = await file('apply');
    await setResidence({ registeredOn: sixMonthsAgo, permit: null });
    const due = await overview();

    // Assert
    expect(early.allowed).toBe(false);
    expect(early.reason).toContain(addDaysToDay(today(), 1));
    expect(filedEarly.status).toBe(422);
    expect(filedEarly.body.error.code).toBe('RESIDENCE_NOT_ELIGIBLE');
    expect(actionOf(due, 'apply')).toMatchObject({ allowed: true, itemName: '居住证申领' });
    expect(actionOf(due, 'apply')).not.toHaveProperty('reason');
    expect(due.registrations[0]).toMatchObject({ active: true, monthsLived: 6, districtName: expect.any(String) });
    expect(due.hukouLocal).toBe(false);
  });

  it('when my hukou is Guangzhou, or I hold a valid permit already, then 申领 is refused saying why', async () => {
    // Arrange
    const local = await stack.sandbox.citizen('primary');
    const localToken = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, localToken, local);
    await setResidence({
      registeredOn: addMonthsToDay(today(), -12),
      permit: permitIssued(addDaysToDay(today(), -100)),
    });

    // Act
    const localView = await overview(localToken);
    const holderView = await overview();
    const filedTwice = await file('apply');

    // Assert
    expect(localView.hukouLocal).toBe(true);
    expect(actionOf(localView, 'apply')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('户籍在广州'),
    });
    expect(actionOf(holderView, 'apply')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('已持有有效居住证'),
    });
    expect(holderView.permit?.status).toBe('valid');
    expect(filedTwice.status).toBe(422);
    expect(filedTwice.body.error.code).toBe('RESIDENCE_NOT_ELIGIBLE');
  });

  it('when the 签注 window opens a month before the anniversary, then the day before it is refused and from then on it is once a year', async () => {
    // Arrange: the anniversary a month and a day away (the window opens tomorrow)
    const lateAnniversary = addDaysToDay(addMonthsToDay(today(), 1), 1);
    await setResidence({
      registeredOn: addMonthsToDay(today(), -14),
      permit: permitIssued(addYearsToDay(lateAnniversary, -1)),
    });
    const before = await overview();
    const anniversary = addMonthsToDay(today(), 1);
    await setResidence({ permit: permitIssued(addYearsToDay(anniversary, -1)) });
    const open = await overview();

    // Act
    const filed = await file('endorse');
    await approve(filed);
    const after = await eventually(overview, (view) => (view.permit?.endorsements.length ?? 0) > 0);
    const second = await file('endorse');

    // Assert
    expect(actionOf(before, 'endorse')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining(addDaysToDay(today(), 1)),
    });
    expect(open.permit?.endorsementWindow).toEqual({ anniversary, opensOn: today(), endorsed: false });
    expect(actionOf(open, 'endorse').allowed).toBe(true);
    expect(filed.status).toBe(201);
    expect(after.permit?.endorsements).toEqual([{ on: today(), anniversary }]);
    expect(after.permit?.endorsementWindow?.endorsed).toBe(true);
    expect(actionOf(after, 'endorse')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('每年只能签注一次'),
    });
    expect(second.status).toBe(422);
    expect(second.body.error.code).toBe('RESIDENCE_NOT_ELIGIBLE');
  });

  it('when the anniversary passed without 签注, then the permit is suspended with no QR, and a late 签注 restores it', async () => {
    // Arrange
    const missed = addDaysToDay(today(), -10);
    await setResidence({ registeredOn: addMonthsToDay(today(), -14), permit: permitIssued(addYearsToDay(missed, -1)) });
    const suspended = await card();

    // Act
    const filed = await file('endorse');
    await approve(filed);
    const restored = await eventually(overview, (view) => view.permit?.status === 'valid');
    const shown = await card();

    // Assert
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', statusText: expect.stringContaining('中止') });
    expect(suspended.body.qr).toBeUndefined();
    expect(filed.status).toBe(201);
    expect(restored.permit).toMatchObject({ status: 'valid', endorsements: [{ on: today(), anniversary: missed }] });
    expect(shown.body.qr?.payload).toMatch(/^SJRP1\./);
  });

  it('when the guides are read, then 居住证申领 may be filed by family (代办) and 电子居住证申领 only by the person', async () => {
    // Arrange
    const { itemCode } = actionOf(await overview(), 'apply');
    const found = (await stack.api().get('/api/v1/items').query({ q: '电子居住证申领' }).expect(200)).body as {
      items: { code: string; name: string }[];
    };
    const eCardCode = found.items.find((candidate) => candidate.name === '电子居住证申领')?.code ?? '';

    // Act
    const [permit, eCard] = await Promise.all(
      [itemCode, eCardCode].map(
        async (code) => ((await stack.api().get(`/api/v1/items/${code}`).expect(200)).body as ItemGuideResponse).item,
      ),
    );

    // Assert
    expect(permit?.onBehalf).toBe('family');
    expect(eCard?.onBehalf).toBe('none');
  });

  it('when I have no permit, then the e-card is 404 RESIDENCE_PERMIT_NOT_FOUND', async () => {
    // Arrange
    await setResidence({ registeredOn: addMonthsToDay(today(), -7), permit: null });

    // Act
    const { status, body } = await card();

    // Assert
    expect(status).toBe(404);
    expect(body.error?.code).toBe('RESIDENCE_PERMIT_NOT_FOUND');
  });

  describe('申领 approved in the console, then the 电子居住证 at a verifier', () => {
    let shown: ResidencePermitCard;

    beforeAll(async () => {
      await setResidence({ registeredOn: addDaysToDay(today(), -200), permit: null });
      const filed = await file('apply');
      await approve(filed);
      await eventually(overview, (view) => view.permit?.status === 'valid');
      const answer = await card();
      if (answer.status !== 200) throw new Error(`e-card: HTTP ${answer.status}`);
      shown = answer.body;
    });

    it('when the case is approved, then the permit exists for 3 years from today, masked, with its card', async () => {
      // Act
      const view = await overview();

      // Assert
      expect(view.permit).toMatchObject({
        status: 'valid',
        issuedOn: today(),
        validUntil: addYearsToDay(today(), 3),
        numberMasked: expect.stringMatching(/^\d{4}\*+[\dX]{4}$/),
        endorsements: [],
        endorsedUntil: addYearsToDay(today(), 1),
      });
      expect(actionOf(view, 'apply').allowed).toBe(false);
      expect(shown).toMatchObject({
        name: newcomer.name,
        status: 'valid',
        issuer: expect.stringContaining('广州市公安局'),
      });
      expect(shown.qr?.refreshAfterSeconds).toBe(60);
      expect(JSON.stringify([view, shown])).not.toContain(newcomer.idNumber);
    });

    it('when the code is scanned at once, then it is valid with the holder masked', async () => {
      // Act
      const checked = await verify(shown.qr?.payload ?? '');

      // Assert
      expect(checked.result).toBe('valid');
      expect(checked.holder).toMatchObject({
        numberMasked: expect.stringMatching(/^\d{4}\*+[\dX]{4}$/),
        validUntil: addYearsToDay(today(), 3),
        endorsedUntil: addYearsToDay(today(), 1),
      });
      expect(checked.holder?.name).not.toBe(newcomer.name);
      expect(checked.holder?.name.startsWith(newcomer.name.slice(0, 1))).toBe(true);
    });

    it('when a code is altered, made up or an e-licence code, then it is forged', async () => {
      // Arrange
      const payload = shown.qr?.payload ?? '';
      const flipped = payload.slice(0, -3) + (payload.at(-3) === 'A' ? 'B' : 'A') + payload.slice(-2);

      // Act
      const results = await Promise.all(
        [flipped, 'SJRP1.eyJuYW1lIjoi5byg5LiJIn0', `SJDL1.${payload.slice('SJRP1.'.length)}`].map(verify),
      );

      // Assert
      expect(results.map((r) => r.result)).toEqual(['forged', 'forged', 'forged']);
      expect(results.every((r) => r.holder === undefined)).toBe(true);
    });

    it('when the code is scanned after 90 seconds, then it has expired and says to refresh', async () => {
      // Arrange
      await stack.advanceTime(91_000);

      // Act
      const checked = await verify(shown.qr?.payload ?? '');

      // Assert
      expect(checked.result).toBe('expired');
      expect(checked.resultText).toContain('刷新');
      expect(checked.holder).toBeUndefined();
    });
  });
});
