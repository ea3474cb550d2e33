import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { bearer, loginBySms, sendCode, uniquePhone } from '../../support/auth-helpers';
import { errorOf, expectErrorShape, expectRetryAfter } from '../../support/owasp/checks';
import {
  bookTomorrow,
  citizens,
  fileCase,
  findItem,
  finish,
  firstHall,
  GOOD_RATING,
  owaspSuite,
  rate,
} from '../../support/owasp/world';

/** OWASP API Security Top 10 (2023), API6: guessing codes and ID numbers, booking and rating twice. */

describe('OWASP API Security Top 10 (2023)', () => {
  const { stack, w, api, as } = owaspSuite(async (started) => {
    const { a, b } = await citizens(started);
    const ratedCase = await rate(
      started,
      a,
      await finish(started, await fileCase(started, a, await findItem(started))),
    );
    const hall = await firstHall(started);
    return { a, b, ratedCase, ...hall, ...(await bookTomorrow(started, a, hall)) };
  });

  describe('API6:2023 Unrestricted Access to Sensitive Business Flows', () => {
    it('when an SMS code is guessed five times, then even the right code is refused (429 SMS_CODE_LOCKED)', async () => {
      // Arrange
      const phone = uniquePhone();
      await sendCode(stack, phone).expect(200);
      const code = await stack.sandbox.latestSmsCode(phone);
      const wrong = code === '000000' ? '111111' : '000000';
      const login = (c: string) => api().post('/api/v1/auth/sms/login').send({ phone, code: c });

      // Act
      const guesses = [];
      for (let i = 0; i < 5; i += 1) guesses.push(await login(wrong));
      const right = await login(code);

      // Assert
      expect(guesses.slice(0, 4).map((g) => errorOf(g).code)).toEqual(Array(4).fill('SMS_CODE_INVALID'));
      expect(errorOf(guesses[4] as Response).code).toBe('SMS_CODE_LOCKED');
      expectErrorShape(right, 429, 'SMS_CODE_LOCKED');
    });

    it('when ID numbers are tried for real-name verification, then after five a day even the right one is refused', async () => {
      // Arrange
      const { accessToken } = await loginBySms(stack);
      const verify = (name: string) =>
        api().post('/api/v1/identity/verify').set(bearer(accessToken)).send({ name, idNumber: w.b.person.idNumber });

      // Act
      const tries = [];
      for (let i = 0; i < 5; i += 1) tries.push(await verify('错误姓名'));
      const right = await verify(w.b.person.name);

      // Assert
      expect(tries.map((t) => errorOf(t).code)).toEqual(Array(5).fill('IDENTITY_MISMATCH'));
      expectErrorShape(right, 429, 'IDENTITY_TOO_MANY_TRIES');
      expectRetryAfter(right, 86_400);
    });

    it('when a case number is known and the last six ID digits are guessed, then after five guesses it is locked', async () => {
      const lookup = (idLast6: string, i: number) =>
        api()
          .post('/api/v1/progress/lookup')
          .set('X-Forwarded-For', `203.0.113.${i + 1}`)
          .send({ caseNo: w.ratedCase, idLast6 });

      const guesses = [];
      for (let i = 0; i < 5; i += 1) guesses.push(await lookup(`00000${i}`, i));
      const right = await lookup(w.a.person.idNumber.slice(-6), 9);

      expect(guesses.map((g) => g.status)).toEqual([404, 404, 404, 404, 404]);
      expectErrorShape(right, 429, 'RATE_LIMITED');
      expectRetryAfter(right, 3600);
    });

    it('when A books the same business again, then 409 APPOINTMENT_DUPLICATE: one active booking per business', async () => {
      const res = await api()
        .post('/api/v1/appointments')
        .set(as(w.a))
        .set('Idempotency-Key', randomUUID())
        .send({ hallId: w.hallId, business: w.business, date: w.day, slotId: w.freeSlotId, phone: w.a.phone });

      expectErrorShape(res, 409, 'APPOINTMENT_DUPLICATE');
    });

    it('when a finished case is rated again, then 409 ALREADY_RATED: one rating per case', async () => {
      const res = await api()
        .post(`/api/v1/applications/${w.ratedCase}/rating`)
        .set(as(w.a))
        .send({ ...GOOD_RATING, level: 1, comment: '改成差评试试看' });

      expectErrorShape(res, 409, 'ALREADY_RATED');
    });
  });
});
