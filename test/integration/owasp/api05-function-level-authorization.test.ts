import { randomUUID } from 'node:crypto';
import type { ApplicationDetail, MessageList } from '@suijing/shared';
import { postApprovalEvent } from '../../support/approval-webhook';
import { bearer, loginBySms } from '../../support/auth-helpers';
import { operationKey } from '../../support/openapi';
import { expectErrorShape } from '../../support/owasp/checks';
import { bookTomorrow, loneOwner, owaspSuite } from '../../support/owasp/world';

/** OWASP API Security Top 10 (2023), API5: logins, real names, undeclared methods and the webhook signature. */

describe('OWASP API Security Top 10 (2023)', () => {
  const { stack, operations, w, api, as } = owaspSuite(async (started) => {
    const owner = await loneOwner(started);
    return { ...owner, ...(await bookTomorrow(started, owner.a, owner)) };
  });

  describe('API5:2023 Broken Function Level Authorization', () => {
    const PLACEHOLDER: Record<string, string> = {
      caseNo: '2026010144010000000001',
      packageCaseNo: 'YJS20260101ABCDEF0123',
      itemCode: '11440100MB2D13150T1000',
      code: '11440100MB2D13150T1000',
      id: 'A1b2C3d4E5f6G7h8J9k0Lm',
    };
    const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_all, name: string) => PLACEHOLDER[name] ?? 'x');
    const call = (method: string, url: string) => {
      const agent = api();
      switch (method) {
        case 'get':
          return agent.get(url);
        case 'post':
          return agent.post(url);
        case 'put':
          return agent.put(url);
        case 'delete':
          return agent.delete(url);
        default:
          return agent.patch(url);
      }
    };

    it('when any operation that needs a login is called without a token, then 401 UNAUTHENTICATED', async () => {
      // Arrange
      const guarded = operations.filter((op) => op.auth);

      // Act
      const answers = [];
      for (const op of guarded)
        answers.push({ key: operationKey(op), res: await call(op.method, fill(op.path)).send({}) });

      // Assert
      expect(guarded.length).toBeGreaterThan(40);
      expect(answers.filter((a) => a.res.status !== 401).map((a) => `${a.key} -> ${a.res.status}`)).toEqual([]);
      for (const { res } of answers) expectErrorShape(res, 401, 'UNAUTHENTICATED');
    });

    it('when an unverified citizen calls a read that needs 实名 or 实人, then 403 ASSURANCE_REQUIRED on every one of them', async () => {
      // Arrange
      const { accessToken } = await loginBySms(stack);
      const realNameOnly = operations.filter((op) => op.method === 'get' && op.auth && op.statuses.includes(403));

      // Act
      const answers = [];
      for (const op of realNameOnly) {
        answers.push({ key: operationKey(op), res: await api().get(fill(op.path)).set(bearer(accessToken)) });
      }

      // Assert: a read of one object may first find no such object of theirs (404), which shows nothing either.
      expect(realNameOnly.length).toBeGreaterThan(8);
      const wrong = answers.filter((a) => a.res.status !== 403 && !(a.res.status === 404 && a.key.includes('{')));
      expect(wrong.map((a) => `${a.key} -> ${a.res.status}`)).toEqual([]);
      for (const { res } of answers)
        expectErrorShape(res, res.status, res.status === 403 ? 'ASSURANCE_REQUIRED' : undefined);
    });

    it.each([
      ['get', '/api/v1/admin'],
      ['get', '/api/v1/admin/users'],
      ['get', '/api/v1/users'],
      ['get', '/api/v1/users/{id}'],
      ['post', '/api/v1/users/{id}/verify'],
      ['get', '/api/v1/sandbox/faults'],
      ['put', '/api/v1/sandbox/faults/traffic'],
      ['post', '/api/v1/sandbox/approval/cases/{caseNo}/actions'],
      ['get', '/api/v1/debug'],
      ['get', '/api/v1/metrics'],
      ['get', '/api/v1/internal/sessions'],
    ])(
      'when %s %s (an admin, sandbox or internal function) is called, then 404 ROUTE_NOT_FOUND',
      async (method, path) => {
        const res = await call(method, fill(path).replace('{id}', w.a.userId)).set(as(w.a));

        expectErrorShape(res, 404, 'ROUTE_NOT_FOUND');
      },
    );

    it.each(['/sandbox/faults', '/sandbox/stats', '/sandbox/seed/citizens', '/admin', '/metrics', '/.env'])(
      'when %s is asked of the BFF, then 404 (the sandbox and operations tools are not part of it)',
      async (path) => {
        const res = await api().get(path);

        expect(res.status).toBe(404);
      },
    );

    it('when a method a route does not declare is used, then 405 and the object is unchanged', async () => {
      const before = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;

      const del = await api().delete(`/api/v1/applications/${w.openCase}`).set(as(w.a));
      const put = await api().put('/api/v1/me').set(as(w.a)).send({ realNameStatus: 'verified' });
      const patch = await api()
        .patch(`/api/v1/appointments/${w.appointmentId}`)
        .set(as(w.a))
        .send({ status: 'checked-in' });

      for (const res of [del, put, patch]) expectErrorShape(res, 405, 'METHOD_NOT_ALLOWED');
      expect(del.headers['allow']).toBe('HEAD, GET');
      expect(put.headers['allow']).toBe('HEAD, GET');
      const after = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;
      expect(after.status).toBe(before.status);
    });

    it('when the approval webhook is called without a valid signature, then 401 and no case or message changes', async () => {
      // Arrange: an event that would approve A's open case.
      const event = JSON.stringify({
        sjbh: `forged-${randomUUID()}`,
        sjsj: '20260101120000',
        bjbh: w.openCase,
        sfzmhm: w.a.person.idNumber,
        zt: '05',
        hjmc: '办结',
      });
      const messagesBefore = ((await api().get('/api/v1/messages').set(as(w.a)).expect(200)).body as MessageList).items
        .length;
      const caseBefore = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;
      const now = Math.floor(Date.now() / 1000);

      // Act
      const answers = [
        await api().post('/api/v1/hooks/approval').set('content-type', 'application/json').send(event),
        await api().post('/api/v1/hooks/approval').set(as(w.a)).set('content-type', 'application/json').send(event),
        await postApprovalEvent(stack, event, { signature: 'f'.repeat(64) }),
        await postApprovalEvent(stack, event, { secret: 'not-the-secret' }),
        await postApprovalEvent(stack, event, { timestamp: now - 3600 }),
        await postApprovalEvent(stack, event, { timestamp: now + 3600 }),
        await postApprovalEvent(stack, event, { signedBody: '{}' }),
      ];

      // Assert
      for (const res of answers) expectErrorShape(res, 401, 'WEBHOOK_SIGNATURE_INVALID');
      expect(((await api().get('/api/v1/messages').set(as(w.a)).expect(200)).body as MessageList).items.length).toBe(
        messagesBefore,
      );
      const caseAfter = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;
      expect(caseAfter.status).toBe(caseBefore.status);
    });
  });
});
