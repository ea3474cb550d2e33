import { randomUUID } from 'node:crypto';
import type { ApplicationDetail } from '@suijing/shared';
import { bearer } from '../../support/auth-helpers';
import { postApprovalEvent } from '../../support/approval-webhook';
import { startTestStack, type TestStack } from '../../support/stack';
import { startTamperingProxy, type TamperingProxy } from '../../support/tampering-proxy';
import { errorOf, expectErrorShape, keysOf } from '../../support/owasp/checks';
import { loneOwner, owaspSuite, verifiedCitizen, type Citizen } from '../../support/owasp/world';

/** OWASP API Security Top 10 (2023), API10: answers of the government systems, tampered with. */

describe('OWASP API Security Top 10 (2023)', () => {
  const { stack, w, api, as } = owaspSuite(loneOwner);

  describe('API10:2023 Unsafe Consumption of APIs', () => {
    type Json = Record<string, unknown>;
    const recordsOf = (answer: unknown): Json[] => (answer as { data?: { list?: Json[] } }).data?.list ?? [];
    const SCRIPT = '<script>alert(document.cookie)</script>';

    let hostile: TestStack;
    let proxy: TamperingProxy;
    let driver: Citizen;

    beforeAll(async () => {
      // The government systems reached through a man in the middle that can rewrite their answers.
      proxy = await startTamperingProxy();
      hostile = await startTestStack({
        GOV_API_BASE: proxy.url,
        TRAFFIC_FRESH_SECONDS: '0',
        TRAFFIC_REVALIDATE_SECONDS: '0',
      });
      proxy.target = hostile.sandbox.url;
      await hostile.sandbox.setTrafficLatency(0);
      driver = await verifiedCitizen(hostile, 'primary');
    }, 60_000);
    afterEach(async () => {
      proxy.clear();
      await hostile.sandbox.clearFaults();
      // Past the minute the BFF keeps the hot board, so each test reads the platform again.
      hostile.clock.advance(61_000);
    });
    afterAll(async () => {
      await hostile.close();
      await proxy.close();
    });

    const hotBoard = () => hostile.api().get('/api/v1/hot-topics');

    it('when the feedback platform adds unknown fields and script tags to the hot board, then only the BFF’s own fields go out, as JSON no browser renders', async () => {
      // Arrange
      const clean = (await hotBoard().expect(200)).body as { items: Json[] };
      hostile.clock.advance(61_000);
      proxy.tamper('/feedback/v1/rdb', (answer) => {
        for (const record of recordsOf(answer)) {
          Object.assign(record, {
            bt: `${String(record['bt'])}${SCRIPT}`,
            isAdmin: true,
            sfzmhm: driver.person.idNumber,
            internal: { note: '内部批示', sjhm: driver.person.phone },
            zt: '<img src=x onerror=alert(1)>',
          });
        }
        return Object.assign(answer as Json, { debug: { sql: 'select * from rdb' } });
      });

      // Act
      const res = await hotBoard();

      // Assert
      expect(res.status).toBe(200);
      expect(proxy.rewritten).toContain('/feedback/v1/rdb');
      const items = (res.body as { items: Json[] }).items;
      expect([...keysOf(res.body)].sort()).toEqual([...keysOf(clean)].sort());
      expect(res.text).not.toContain(driver.person.idNumber);
      expect(res.text).not.toContain(driver.person.phone);
      expect(res.text).not.toContain('onerror');
      expect(items.every((item) => ['listed', 'monitored', 'delisted'].includes(String(item['status'])))).toBe(true);
      expect(String(items[0]?.['title'])).toContain(SCRIPT);
      expect(res.type).toBe('application/json');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    });

    it('when the feedback platform answers with the wrong types, then a clear 503 and nothing half-read', async () => {
      // Arrange
      proxy.tamper('/feedback/v1/rdb', (answer) => {
        for (const record of recordsOf(answer)) Object.assign(record, { bt: 12345, rd: { $gt: 0 }, cljg: ['x'] });
        return answer;
      });

      // Act: a board this instance never loaded (a loaded one is shown as last seen while the platform fails).
      const res = await hostile.api().get('/api/v1/hot-topics').query({ status: 'monitored' });

      // Assert
      expectErrorShape(res, 503, 'UPSTREAM_UNAVAILABLE');
      expect(errorOf(res).message).not.toMatch(/rdb|bt|JSON|HTTP|zod/i);
    });

    it('when the traffic system answers 20 MB, then the BFF refuses it (503) rather than pass it on', async () => {
      // Arrange
      proxy.tamper('/traffic/v1/veh', (answer) => {
        for (const record of recordsOf(answer)) record['clpp'] = '大'.repeat(7 * 1024 * 1024);
        return answer;
      });
      const started = Date.now();

      // Act
      const res = await hostile.api().get('/api/v1/vehicles').set(bearer(driver.token));

      // Assert
      expect(proxy.rewritten).toContain('/traffic/v1/veh');
      expectErrorShape(res, 503, 'UPSTREAM_UNAVAILABLE');
      expect(res.text.length).toBeLessThan(2000);
      expect(Date.now() - started).toBeLessThan(10_000);
    }, 30_000);

    it.each([
      ['hall', () => hostile.api().get(`/api/v1/halls/${w.hallId}/slots`).query({ business: w.business })],
      ['traffic', () => hostile.api().get('/api/v1/licence').set(bearer(driver.token))],
      ['feedback', () => hostile.api().get('/api/v1/hot-topics').query({ status: 'listed' })],
    ])('when the %s system answers a truncated body, then a clear 503 without its text', async (system, call) => {
      // Arrange
      await hostile.sandbox.setFault(system, { malformed: true });

      // Act
      const res = await call();

      // Assert
      expectErrorShape(res, 503, 'UPSTREAM_UNAVAILABLE');
      expect(errorOf(res).message).not.toMatch(/JSON|Unexpected|HTTP|position/);
    });

    it('when the approval system pushes events with wrong types, extra fields or script tags, then 400, never 5xx, and the case is unchanged', async () => {
      // Arrange
      const before = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;
      const base = { sjsj: '20260101120000', bjbh: w.openCase, sfzmhm: w.a.person.idNumber, hjmc: '受理' };
      const events = [
        { ...base, sjbh: `bad-${randomUUID()}`, zt: 5 },
        { ...base, sjbh: `bad-${randomUUID()}`, zt: '05', bj: 'not-an-object' },
        { ...base, sjbh: ['an', 'array'], zt: '05' },
        { ...base, sjbh: `bad-${randomUUID()}`, zt: { $ne: null } },
        { ...base, sjbh: `bad-${randomUUID()}`, zt: SCRIPT, hjmc: SCRIPT },
      ];

      // Act
      const answers = [];
      for (const event of events) answers.push(await postApprovalEvent(stack, JSON.stringify(event)));

      // Assert
      for (const res of answers) expect(res.status).toBeLessThan(500);
      expect(answers.filter((res) => res.status === 400)).toHaveLength(answers.length);
      const after = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;
      expect(after.status).toBe(before.status);
      expect(JSON.stringify(after)).not.toContain('<script>');
    });
  });
});
