import { bearer, loginBySms, passInPerson, verifyRealName } from '../support/auth-helpers';
import { fetchOpenApi, operationKey, operationsOf, type Operation } from '../support/openapi';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The routes anyone may call. A route missing here that declares no level is
 * a personal route without one: this suite fails until it is given a level
 * (or, if it really is public, added here on review).
 */
const PUBLIC = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /api/v1/items',
  'GET /api/v1/items/hot',
  'GET /api/v1/items/{code}',
  'GET /api/v1/categories',
  'GET /api/v1/packages',
  'GET /api/v1/packages/{code}',
  'GET /api/v1/packages/{code}/form',
  'GET /api/v1/search',
  'GET /api/v1/search/suggest',
  'POST /api/v1/auth/wechat',
  'POST /api/v1/auth/sms/send',
  'POST /api/v1/auth/sms/login',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/progress/lookup',
  'POST /api/v1/hooks/approval',
  'POST /api/v1/hooks/wxpay',
  'POST /api/v1/hooks/nontax',
  'GET /api/v1/halls',
  'GET /api/v1/halls/recommend',
  'GET /api/v1/halls/{id}',
  'GET /api/v1/halls/{id}/slots',
  'GET /api/v1/stations',
  'GET /api/v1/hot-topics',
  'POST /api/v1/verify/e-licence',
  'POST /api/v1/verify/residence-permit',
  'POST /api/v1/verify/shares',
  'GET /api/v1/privacy-notice',
]);

/** Routes that, let through, would unbind or close the account the suite goes on using. */
const ENDS_THE_ACCOUNT = new Set(['DELETE /api/v1/identity/binding', 'POST /api/v1/me/deletion']);

/** A concrete URL for an operation: any value will do, the level is checked before the input. */
const urlOf = (op: Operation) => op.path.replace(/\{\w+\}/g, 'x1');

function call(stack: TestStack, op: Operation, token?: string) {
  const req = stack.api()[op.method](urlOf(op));
  if (token) void req.set(bearer(token));
  return op.method === 'get' || op.method === 'delete' ? req : req.send({});
}

describe('assurance levels over /openapi.json', () => {
  let stack: TestStack;
  let ops: Operation[];
  let l1: string;
  let l2: string;
  let l3: string;
  beforeAll(async () => {
    stack = await startTestStack();
    ops = operationsOf(await fetchOpenApi(stack));
    l1 = (await loginBySms(stack)).accessToken;
    l2 = (await loginBySms(stack)).accessToken;
    await verifyRealName(stack, l2, await stack.sandbox.citizen('secondary'));
    l3 = (await loginBySms(stack)).accessToken;
    await verifyRealName(stack, l3, await stack.sandbox.citizen('primary'));
    await passInPerson(stack, l3);
  });
  afterAll(() => stack.close());

  const withLevel = (...levels: string[]) => ops.filter((op) => levels.includes(op.assurance?.level ?? ''));

  it('when the document is read, then every route declares a level, and exactly the known public routes declare none', () => {
    const undeclared = ops.filter((op) => op.assurance === undefined).map(operationKey);
    const declaredPublic = withLevel('none').map(operationKey).sort();

    expect(undeclared).toEqual([]);
    expect(declaredPublic).toEqual([...PUBLIC].sort());
  });

  it('when a route needs an account and is called without a token, then 401 on every one of them', async () => {
    const wrong: string[] = [];
    for (const op of withLevel('L1', 'L2', 'L3')) {
      const res = await call(stack, op);
      if (res.status !== 401) wrong.push(`${operationKey(op)} -> ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('when an account without 实名 calls an L2 or L3 route, then 403 ASSURANCE_REQUIRED naming the level', async () => {
    const wrong: string[] = [];
    for (const op of withLevel('L2', 'L3')) {
      const res = await call(stack, op, l1);
      const error = res.body?.error as { code?: string; required?: { level?: string } } | undefined;
      if (res.status !== 403 || error?.code !== 'ASSURANCE_REQUIRED' || error.required?.level !== op.assurance?.level)
        wrong.push(`${operationKey(op)} -> ${res.status} ${error?.code ?? ''}`);
    }
    expect(withLevel('L2', 'L3').length).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });

  it('when a 实名 account without a check on its session calls an L3 route, then 403 asking for L3', async () => {
    const wrong: string[] = [];
    for (const op of withLevel('L3')) {
      const res = await call(stack, op, l2);
      const error = res.body?.error as { code?: string; required?: { level?: string; withinSeconds?: number } };
      const asked = op.assurance?.withinSeconds;
      if (res.status !== 403 || error?.required?.level !== 'L3' || error.required.withinSeconds !== asked)
        wrong.push(`${operationKey(op)} -> ${res.status} ${JSON.stringify(error)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('when the session passed its check, then L3 routes let it through, and those asking for 5 minutes refuse it six minutes later', async () => {
    // Arrange: every L3 route is past the level gate now (whatever it then answers, it is not the gate's 403);
    // the two that would end this account are left to the suites that test them (trust, privacy).
    const gate = async (token: string) => {
      const refused: string[] = [];
      for (const op of withLevel('L3').filter((o) => !ENDS_THE_ACCOUNT.has(operationKey(o)))) {
        const res = await call(stack, op, token);
        if (res.status === 403 && res.body?.error?.code === 'ASSURANCE_REQUIRED') refused.push(operationKey(op));
      }
      return refused.sort();
    };
    const fresh = withLevel('L3')
      .filter((op) => !ENDS_THE_ACCOUNT.has(operationKey(op)))
      .filter((op) => (op.assurance?.withinSeconds ?? Infinity) <= 300)
      .map(operationKey)
      .sort();

    // Act
    const now = await gate(l3);
    await stack.advanceTime(6 * 60_000);
    const later = await gate(l3);

    // Assert
    expect(now).toEqual([]);
    expect(fresh).toEqual(expect.arrayContaining(['GET /api/v1/identity/full', 'GET /api/v1/licence/e-card']));
    expect(later).toEqual(fresh);
  });
});
