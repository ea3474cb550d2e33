import { randomUUID } from 'node:crypto';
import type {
  HandlingDecision,
  HandlingPreview,
  LicenceAnswer,
  Violation,
  ViolationAnswer,
  ViolationList,
} from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, verifyIdentity } from '../support/auth-helpers';

type Person = { name: string; idNumber: string; phone: string };
type ErrorBody = { error: { code: string; message: string } };

/** Beijing yyyy-MM-dd of an instant, `plusDays` later. */
function beijingDay(iso: string, plusDays = 0): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * 违法处理 against the sandbox traffic system over HTTP: my violation's
 * detail and photos, the 交管12123 rules before handling, handling exactly
 * once, and nobody else's records. The stack caches 车驾管 answers as in
 * production (60 s), so handling must refresh them itself.
 */
describe('violations: detail, photos and handling online', () => {
  let stack: TestStack;
  let person: Person;
  let token: string;
  let list: Violation[];

  const api = () => stack.api();
  const byCode = (code: string, nth = 0): Violation => {
    const found = list.filter((v) => v.code === code && !v.handled)[nth];
    if (!found) throw new Error(`no open violation ${code} #${nth} in ${JSON.stringify(list.map((v) => v.code))}`);
    return found;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.sandbox.setTrafficLatency(0);
    person = await stack.sandbox.citizen('primary');
    // Camera records of the primary's car, added before anything is read (and cached):
    // two speeding ones of 3 points (online), 逆行 on an expressway (12 points: 车管所), 超速 50% (吊销: 交警大队).
    for (const wfxw of ['1352', '1352', '1044', '1603']) {
      await stack.sandbox.addViolation(person.idNumber, { lx: 'fxc', wfxw });
    }
    token = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, token, person);
    list = ((await api().get('/api/v1/violations?status=all').set(bearer(token)).expect(200)).body as ViolationList)
      .items;
  });
  afterAll(() => stack.close());

  it('when I open a camera violation, then act, place, time, fine in fen, points, 未处理 and three private photo URLs show, and each photo is an image of my plate', async () => {
    // Arrange
    const violation = byCode('1352');
    const file = await stack.sandbox.trafficFile(person.idNumber);

    // Act
    const detail = await api().get(`/api/v1/violations/${violation.id}`).set(bearer(token)).expect(200);
    const body = (detail.body as ViolationAnswer).violation;
    const photos = await Promise.all(body.photos.map((p) => api().get(p.url).set(bearer(token)).buffer(true)));

    // Assert
    expect(body).toMatchObject({
      id: violation.id,
      code: '1352',
      kind: 'camera',
      fine: 200,
      fineFen: 20_000,
      points: 3,
      state: 'unhandled',
      stateText: '未处理',
    });
    expect(body.decisionNo).toBeUndefined();
    expect(body.id).not.toMatch(/^4401/);
    expect(body.photos.map((p) => p.url)).toEqual(
      [1, 2, 3].map((n) => `/api/v1/violations/${violation.id}/photos/${n}`),
    );
    const plate = file.violations.fxc.find((r) => r.wfbh.startsWith('44019'))?.hphm ?? '';
    for (const photo of photos) {
      expect(photo.status).toBe(200);
      expect(photo.headers['content-type']).toContain('image/svg+xml');
      expect(photo.headers['cache-control']).toBe('no-store');
      expect(String(photo.body)).toContain(plate);
    }
    expect((await api().get(`/api/v1/violations/${violation.id}/photos/4`).set(bearer(token))).status).toBe(404);
  });

  it('when I ask before handling a violation I may handle online, then the points now and after, the fine and the 15 days to pay show', async () => {
    // Arrange
    const violation = byCode('1352');
    const { licence } = (await api().get('/api/v1/licence').set(bearer(token)).expect(200)).body as LicenceAnswer;

    // Act
    const res = await api().get(`/api/v1/violations/${violation.id}/handling`).set(bearer(token)).expect(200);

    // Assert
    const preview = res.body as HandlingPreview;
    expect(preview).toMatchObject({
      allowed: true,
      consequences: {
        points: 3,
        pointsNow: licence.points.accumulated,
        pointsAfter: licence.points.accumulated + 3,
        pointsMax: 12,
        fineFen: 20_000,
        payWithinDays: 15,
        licenceStatusAfter: [{ code: 'A', text: '正常' }],
      },
    });
  });

  it('when I handle it, then a 决定书 is issued once (a retry answers the same), the points and 已处理 show at once, and another key is refused as already handled', async () => {
    // Arrange
    const violation = byCode('1352');
    const before = (await api().get('/api/v1/licence').set(bearer(token)).expect(200)).body as LicenceAnswer;
    const key = randomUUID();
    const post = (idempotencyKey: string) =>
      api()
        .post(`/api/v1/violations/${violation.id}/handling`)
        .set(bearer(token))
        .set('Idempotency-Key', idempotencyKey);

    // Act
    const [first, retry] = [await post(key), await post(key)];
    const other = await post(randomUUID());
    const after = (await api().get('/api/v1/licence').set(bearer(token)).expect(200)).body as LicenceAnswer;
    const handled = (await api().get('/api/v1/violations?status=handled').set(bearer(token)).expect(200))
      .body as ViolationList;
    const detail = (await api().get(`/api/v1/violations/${violation.id}`).set(bearer(token)).expect(200))
      .body as ViolationAnswer;
    const file = await stack.sandbox.trafficFile(person.idNumber);

    // Assert
    expect(first.status).toBe(201);
    const decision = first.body as HandlingDecision;
    expect(decision).toMatchObject({ fineFen: 20_000, points: 3, pointsAfter: before.licence.points.accumulated + 3 });
    expect(decision.decisionNo).toMatch(/^4401\d{16}$/);
    expect(decision.dueDate).toBe(beijingDay(decision.handledAt, 15));
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(other.status).toBe(409);
    expect((other.body as ErrorBody).error.code).toBe('VIOLATION_ALREADY_HANDLED');
    expect(after.licence.points.accumulated).toBe(before.licence.points.accumulated + 3);
    expect(Number(file.licence?.ljjf)).toBe(before.licence.points.accumulated + 3);
    expect(handled.items.some((v) => v.id === violation.id)).toBe(true);
    expect(detail.violation).toMatchObject({
      state: 'unpaid',
      stateText: '已处理，待缴款',
      decisionNo: decision.decisionNo,
    });
    const preview = (await api().get(`/api/v1/violations/${violation.id}/handling`).set(bearer(token)).expect(200))
      .body as HandlingPreview;
    expect(preview).toMatchObject({ allowed: false, reason: 'already-handled' });
  });

  it.each([
    ['1044', 'vehicle-office', '车管所违法处理窗口', '12分'],
    ['1603', 'police', '交警大队违法处理窗口', '吊销'],
  ])(
    'when the act %s must be handled at a window, then the preview names the %s window and why, and handling is refused with the same words',
    async (code, kind, name, why) => {
      // Arrange
      const violation = byCode(code);

      // Act
      const preview = await api().get(`/api/v1/violations/${violation.id}/handling`).set(bearer(token)).expect(200);
      const post = await api()
        .post(`/api/v1/violations/${violation.id}/handling`)
        .set(bearer(token))
        .set('Idempotency-Key', randomUUID());

      // Assert
      expect(preview.body).toMatchObject({ allowed: false, reason: 'window-only', window: { kind, name } });
      expect((preview.body as { reasonText: string }).reasonText).toContain(why);
      expect((preview.body as { whatToDo: string }).whatToDo).toContain(name);
      expect(post.status).toBe(409);
      expect((post.body as ErrorBody).error.code).toBe('VIOLATION_NOT_HANDLEABLE');
      expect((post.body as ErrorBody).error.message).toContain(name);
      const file = await stack.sandbox.trafficFile(person.idNumber);
      expect(
        file.violations.fxc.filter((r) => r.clbj === '0' && r.wfjf === (code === '1044' ? '12' : '6')),
      ).not.toHaveLength(0);
    },
  );

  it('when the points after handling would reach 12, then it is refused and I am sent to the brigade', async () => {
    // Arrange: 9 points already, and an open 3-point record.
    const violation = byCode('1352', 1);
    const { licence } = await stack.sandbox.trafficFile(person.idNumber);
    await stack.sandbox.setTrafficLicence(person.idNumber, { ljjf: '9' });

    try {
      // Act
      const res = await api().get(`/api/v1/violations/${violation.id}/handling`).set(bearer(token)).expect(200);

      // Assert
      expect(res.body).toMatchObject({ allowed: false, reason: 'points-reach-12', window: { kind: 'police' } });
      expect((res.body as { reasonText: string }).reasonText).toContain('12分');
    } finally {
      await stack.sandbox.setTrafficLicence(person.idNumber, { ljjf: licence?.ljjf ?? '0' });
    }
  });

  it('when my licence is not 正常, then handling is refused naming the status, and the points stay', async () => {
    // Arrange
    const violation = byCode('1352', 1);
    await stack.sandbox.setTrafficLicence(person.idNumber, { zt: 'HP' });

    try {
      // Act
      const preview = await api().get(`/api/v1/violations/${violation.id}/handling`).set(bearer(token)).expect(200);
      const post = await api()
        .post(`/api/v1/violations/${violation.id}/handling`)
        .set(bearer(token))
        .set('Idempotency-Key', randomUUID());

      // Assert
      expect(preview.body).toMatchObject({ allowed: false, reason: 'licence-status', window: { kind: 'police' } });
      expect((preview.body as { reasonText: string }).reasonText).toContain('违法未处理');
      expect(post.status).toBe(409);
      expect((post.body as ErrorBody).error.code).toBe('VIOLATION_NOT_HANDLEABLE');
    } finally {
      await stack.sandbox.setTrafficLicence(person.idNumber, { zt: 'A' });
    }
  });

  it("when another verified user uses my violation's id, then detail, photo, preview and handling are all 404 and my record is unchanged", async () => {
    // Arrange
    const violation = byCode('1352', 1);
    const other = await stack.sandbox.citizen('secondary');
    const otherToken = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, otherToken, other);
    const base = `/api/v1/violations/${violation.id}`;

    // Act
    const answers = [
      await api().get(base).set(bearer(otherToken)),
      await api().get(`${base}/photos/1`).set(bearer(otherToken)),
      await api().get(`${base}/handling`).set(bearer(otherToken)),
      await api().post(`${base}/handling`).set(bearer(otherToken)).set('Idempotency-Key', randomUUID()),
    ];
    const mine = (await api().get(base).set(bearer(token)).expect(200)).body as ViolationAnswer;

    // Assert
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect((res.body as ErrorBody).error.code).toBe('VIOLATION_NOT_FOUND');
    }
    expect(mine.violation.state).toBe('unhandled');
  });
});
