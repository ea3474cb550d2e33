import { randomUUID } from 'node:crypto';
import { MAX_QUERY_LENGTH, type ItemListResponse } from '@suijing/shared';
import type { Response } from 'supertest';
import { sendCode, uniquePhone } from '../../support/auth-helpers';
import { TINY_PNG } from '../../support/forms';
import { errorOf, expectErrorShape, expectRetryAfter } from '../../support/owasp/checks';
import { citizens, findItem, owaspSuite } from '../../support/owasp/world';

/** OWASP API Security Top 10 (2023), API4: body, page, upload and rate limits. */

describe('OWASP API Security Top 10 (2023)', () => {
  const { stack, w, api, as } = owaspSuite(async (started) => ({
    ...(await citizens(started)),
    item: await findItem(started),
  }));

  describe('API4:2023 Unrestricted Resource Consumption', () => {
    it('when a JSON body is over 64 kB, then 413 BODY_TOO_LARGE with the error shape, logged in or not', async () => {
      const pad = 'x'.repeat(70 * 1024);

      const anonymous = await api().post('/api/v1/auth/sms/send').send({ phone: '13800000000', pad });
      const loggedIn = await api()
        .put(`/api/v1/drafts/${w.item.code}`)
        .set(as(w.b))
        .send({ data: { pad }, formVersion: w.item.form.version });

      expectErrorShape(anonymous, 413, 'BODY_TOO_LARGE');
      expectErrorShape(loggedIn, 413, 'BODY_TOO_LARGE');
    });

    it.each([
      ['/api/v1/items', { pageSize: 51 }, 'pageSize'],
      ['/api/v1/items', { page: 1001 }, 'page'],
      ['/api/v1/items', { q: '身'.repeat(MAX_QUERY_LENGTH + 1) }, 'q'],
      ['/api/v1/search', { q: '护照', pageSize: 51 }, 'pageSize'],
      ['/api/v1/search', { q: '护照', page: 1001 }, 'page'],
      ['/api/v1/search', { q: '身'.repeat(MAX_QUERY_LENGTH + 1) }, 'q'],
      ['/api/v1/search/suggest', { q: '身'.repeat(MAX_QUERY_LENGTH + 1) }, 'q'],
      ['/api/v1/stations', { pageSize: 51 }, 'pageSize'],
      ['/api/v1/applications', { pageSize: 51 }, 'pageSize'],
    ])('when %s is asked for %j, then 400 names %s', async (path, query, field) => {
      const res = await api().get(path).query(query).set(as(w.a));

      expectErrorShape(res, 400, 'VALIDATION_FAILED');
      expect(errorOf(res).fields?.map((f) => f.path)).toContain(field);
    });

    it('when the largest page is asked for, then at most 50 items come back', async () => {
      const items = (await api().get('/api/v1/items').query({ pageSize: 50 }).expect(200)).body as ItemListResponse;
      const stations = (await api().get('/api/v1/stations').query({ pageSize: 50 }).expect(200)).body as {
        items: unknown[];
      };

      expect(items.items.length).toBeLessThanOrEqual(50);
      expect(items.items.length).toBeGreaterThan(0);
      expect(stations.items).toHaveLength(50);
    });

    it('when a material is over 10 MB, two files come at once, or an array is too long, then 413 or 400 with the error shape', async () => {
      // Arrange
      const big = Buffer.concat([TINY_PNG, Buffer.alloc(10 * 1024 * 1024, 0)]);

      // Act
      const tooBig = await api().post('/api/v1/materials').set(as(w.b)).attach('file', big, 'big.png');
      const two = await api()
        .post('/api/v1/materials')
        .set(as(w.b))
        .attach('file', TINY_PNG, 'a.png')
        .attach('file', TINY_PNG, 'b.png');
      const manyPhotos = await api()
        .post('/api/v1/complaints')
        .set(as(w.b))
        .set('Idempotency-Key', randomUUID())
        .send({
          kind: 'complaint',
          category: 'other',
          title: '照片太多了',
          content: '这条诉求带了七张照片，超过上限。',
          photos: Array.from({ length: 7 }, (_, i) => `photo-${i}`),
          phone: w.b.person.phone,
        });

      // Assert
      expectErrorShape(tooBig, 413, 'BODY_TOO_LARGE');
      expectErrorShape(two, 400, 'VALIDATION_FAILED');
      expectErrorShape(manyPhotos, 400, 'VALIDATION_FAILED');
    });

    it('when codes are asked for too often (per phone, per address), then 429 with the error shape and when to retry', async () => {
      // Arrange
      const phone = uniquePhone();
      const address = '192.0.2.77';
      await sendCode(stack, phone).expect(200);

      // Act
      const again = await sendCode(stack, phone);
      const fromOneAddress = [];
      for (let i = 0; i < 31; i += 1) {
        fromOneAddress.push(
          await api().post('/api/v1/auth/sms/send').set('X-Forwarded-For', address).send({ phone: uniquePhone() }),
        );
      }

      // Assert
      expectErrorShape(again, 429, 'SMS_TOO_FREQUENT');
      expectRetryAfter(again, 60);
      expect(errorOf(again).message).toMatch(/\d+ 秒/);
      expect(fromOneAddress.slice(0, 30).every((res) => res.status === 200)).toBe(true);
      expectErrorShape(fromOneAddress[30] as Response, 429, 'RATE_LIMITED');
      expectRetryAfter(fromOneAddress[30] as Response, 3600);
    });

    it('when an officer device verifies e-licences too fast, then 429 after 120 a minute', async () => {
      const address = '192.0.2.78';
      const answers = [];

      for (let i = 0; i < 121; i += 1) {
        answers.push(
          await api()
            .post('/api/v1/verify/e-licence')
            .set('X-Forwarded-For', address)
            .send({ payload: `SJDL1.x${i}` }),
        );
      }

      expect(answers.slice(0, 120).every((res) => res.status === 200)).toBe(true);
      expectErrorShape(answers[120] as Response, 429, 'RATE_LIMITED');
      expectRetryAfter(answers[120] as Response, 60);
    });
  });
});
