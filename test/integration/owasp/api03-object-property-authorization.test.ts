import { randomUUID } from 'node:crypto';
import { bearer, loginBySms, loginByWechat, requiredMaterials, uniquePhone } from '../../support/auth-helpers';
import { operationKey, resolveSchema, type SchemaObject } from '../../support/openapi';
import { errorOf, expectErrorShape, keysOf } from '../../support/owasp/checks';
import { tourOfReads } from '../../support/owasp/tour';
import { A_ADDRESS, applyFor, buildWorld, owaspSuite } from '../../support/owasp/world';

/** OWASP API Security Top 10 (2023), API3: what answers show of a property, and what bodies may set. */

const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
/** Field names of secrets that never belong in an answer. */
const SECRET_WORDS = /session_?key|openid|unionid|password|passwd|refresh_?hash|idHash|sealed|secret|jwt/i;

describe('OWASP API Security Top 10 (2023)', () => {
  const { stack, doc, operations, w, api, as } = owaspSuite(buildWorld);

  describe('API3:2023 Broken Object Property Level Authorization', () => {
    /** Answers meant to show A's own numbers in full, and why. */
    const SHOWN_IN_FULL: Record<string, string> = {
      'GET /api/v1/drafts/{itemCode}':
        'a draft is the form as A typed it (their own ID number and phone), given back to go on typing',
      'GET /api/v1/identity/full': 'the one screen that shows A their own ID number, after a check within 5 minutes',
      'GET /api/v1/me/export': "A's copy of everything held about them (PIPL), after a check within 5 minutes",
    };
    /** Numbers A typed for others (their address book's mobile): in full in A's own copy only. */
    const OWN_BOOK: Record<string, string[]> = { 'GET /api/v1/me/export': [A_ADDRESS.mobile] };
    /** Secret-looking keys a route may carry because it shows the person their own account. */
    const OWN_KEYS: Record<string, RegExp> = { 'GET /api/v1/me/export': /^wechatOpenid$/ };

    it('when A tours every GET route, then no full ID number, phone, openid, session key or secret is in any answer', async () => {
      // Act
      const { answers, unknown } = await tourOfReads(stack, operations, w);

      // Assert
      expect(unknown).toEqual([]);
      expect(answers.filter((a) => a.res.status !== 200).map((a) => `${a.key} -> ${a.res.status}`)).toEqual([]);
      const leaks = answers.flatMap(({ key, res }) => {
        // An image (a violation's photo) is read as its bytes' text: an SVG could carry numbers too.
        const body = res.text ?? (Buffer.isBuffer(res.body) ? res.body.toString('utf8') : '');
        // Where A's own numbers are meant to show, only A's own may: anyone else's is still a leak.
        const own =
          key in SHOWN_IN_FULL ? [w.a.person.idNumber, w.a.person.phone, w.a.phone, ...(OWN_BOOK[key] ?? [])] : [];
        const text = own.reduce((rest, value) => rest.replaceAll(value, ''), body);
        const found = [];
        if (text.includes(w.a.person.idNumber) || ID_NUMBER.test(text)) found.push(`${key}: an ID number`);
        if (text.includes(w.a.phone) || text.includes(w.a.person.phone) || MOBILE.test(text))
          found.push(`${key}: a phone`);
        const secretKeys = [...keysOf(res.body)].filter((k) => SECRET_WORDS.test(k) && !OWN_KEYS[key]?.test(k));
        if (secretKeys.length > 0) found.push(`${key}: ${secretKeys.join(', ')}`);
        return found;
      });
      expect(leaks).toEqual([]);
      expect(Object.keys(SHOWN_IN_FULL).filter((key) => !answers.some((a) => a.key === key))).toEqual([]);
    });

    it('when a citizen logs in by WeChat or SMS, then the answer has tokens and a masked phone, never the openid or session key', async () => {
      // Arrange
      const openid = `owasp-openid-${randomUUID()}`;
      const phone = uniquePhone();

      // Act
      const wechat = await loginByWechat(stack, openid);
      const sms = await loginBySms(stack, phone);

      // Assert
      for (const answer of [wechat, sms]) {
        const text = JSON.stringify(answer);
        expect(text).not.toContain(openid);
        expect(text).not.toMatch(SECRET_WORDS);
        expect(Object.keys(answer).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'user']);
      }
      expect(JSON.stringify(sms)).not.toContain(phone);
      expect(sms.user.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    });

    /** Bodies read tolerantly on purpose, and why. */
    const TOLERANT_BODIES: Record<string, string> = {
      'POST /api/v1/hooks/approval':
        "the approval system's own signed event: fields it adds later must not break us; the BFF maps the fields it knows one by one",
    };

    it('when the request bodies of /openapi.json are read, then every object in them is closed (additionalProperties: false)', () => {
      // Arrange
      const open: string[] = [];
      const visit = (schema: SchemaObject | undefined, where: string, seen: Set<SchemaObject>): void => {
        if (!schema) return;
        const resolved = resolveSchema(doc, schema);
        if (seen.has(resolved)) return;
        seen.add(resolved);
        if (resolved.properties) {
          if (resolved.additionalProperties !== false) open.push(where);
          for (const [name, property] of Object.entries(resolved.properties)) visit(property, `${where}.${name}`, seen);
        }
        if (typeof resolved.additionalProperties === 'object')
          visit(resolved.additionalProperties, `${where}[*]`, seen);
        visit(resolved.items, `${where}[]`, seen);
        for (const branch of [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])]) {
          visit(branch, where, seen);
        }
      };

      // Act
      const withBodies = operations.filter((op) => op.body && !(operationKey(op) in TOLERANT_BODIES));
      for (const op of withBodies) visit(op.body, operationKey(op), new Set());

      // Assert
      expect(withBodies.length).toBeGreaterThan(15);
      expect(open).toEqual([]);
    });

    it('when an unverified user claims to be verified in the body (fields or __proto__), then 400 and still unverified', async () => {
      // Arrange: a name that does not match the ID number, so nothing but the extra fields could verify.
      const { accessToken } = await loginBySms(stack);
      const claim = { name: '错误姓名', idNumber: w.b.person.idNumber };

      // Act
      const fields = await api()
        .post('/api/v1/identity/verify')
        .set(bearer(accessToken))
        .send({ ...claim, verified: true, realNameStatus: 'verified', userId: w.a.userId, realName: w.a.person.name });
      const proto = await api()
        .post('/api/v1/identity/verify')
        .set(bearer(accessToken))
        .set('content-type', 'application/json')
        .send(
          `{"name":"错误姓名","idNumber":"${w.b.person.idNumber}","__proto__":{"realNameStatus":"verified","matched":true}}`,
        );
      const status = await api().get('/api/v1/me').set(bearer(accessToken)).expect(200);
      const someoneElse = await api()
        .get('/api/v1/me')
        .set(bearer((await loginBySms(stack)).accessToken))
        .expect(200);

      // Assert
      expectErrorShape(fields, 400, 'VALIDATION_FAILED');
      expect(errorOf(fields).message).toContain('verified');
      expect(proto.status).toBe(400);
      expect((status.body as { realNameStatus: string }).realNameStatus).toBe('unverified');
      expect((someoneElse.body as { realNameStatus: string }).realNameStatus).toBe('unverified');
      expect(({} as Record<string, unknown>)['realNameStatus']).toBeUndefined();
    });

    /** How many drafts, bookings, complaints and cases B has. */
    const countsOfB = async () => ({
      drafts: ((await api().get('/api/v1/drafts').set(as(w.b)).expect(200)).body as { drafts: unknown[] }).drafts
        .length,
      appointments: ((await api().get('/api/v1/appointments').set(as(w.b)).expect(200)).body as { items: unknown[] })
        .items.length,
      complaints: ((await api().get('/api/v1/complaints').set(as(w.b)).expect(200)).body as { items: unknown[] }).items
        .length,
      cases: (await stack.sandbox.approvalCases(w.b.person.idNumber)).length,
    });

    it.each([
      [
        'PUT /drafts/{code} with userId and revision',
        () =>
          api()
            .put(`/api/v1/drafts/${w.item.code}`)
            .set(as(w.b))
            .send({ data: {}, formVersion: w.item.form.version, userId: w.a.userId, revision: 99 }),
      ],
      [
        'POST /appointments with status and greenChannel',
        () =>
          api().post('/api/v1/appointments').set(as(w.b)).set('Idempotency-Key', randomUUID()).send({
            hallId: w.hallId,
            business: w.business,
            date: w.day,
            slotId: w.freeSlotId,
            phone: w.b.phone,
            status: 'checked-in',
            greenChannel: true,
          }),
      ],
      [
        'POST /complaints with stage, userId and sfzmhm',
        () =>
          api().post('/api/v1/complaints').set(as(w.b)).set('Idempotency-Key', randomUUID()).send({
            kind: 'complaint',
            category: 'other',
            title: '批量赋值尝试',
            content: '这是一条带有多余字段的诉求内容。',
            photos: [],
            phone: w.b.person.phone,
            stage: 'handled',
            userId: w.a.userId,
            sfzmhm: w.a.person.idNumber,
          }),
      ],
      [
        'POST /applications with a material carrying userId',
        async () =>
          applyFor(
            stack,
            w.b,
            w.item,
            (await requiredMaterials(stack, w.b.token, w.item.code)).map((m) => ({ ...m, userId: w.a.userId })),
          ),
      ],
      [
        'POST /auth/sms/login with userId',
        () => api().post('/api/v1/auth/sms/login').send({ phone: w.a.phone, code: '123456', userId: w.a.userId }),
      ],
      ['GET /applications?userId=', () => api().get('/api/v1/applications').query({ userId: w.a.userId }).set(as(w.b))],
    ])(
      'when a valid request carries extra fields (%s), then 400 names them and nothing is created',
      async (_label, send) => {
        // Arrange
        const before = await countsOfB();

        // Act
        const res = await send();

        // Assert
        expectErrorShape(res, 400, 'VALIDATION_FAILED');
        expect(errorOf(res).message).toContain('不支持的字段');
        expect(await countsOfB()).toEqual(before);
      },
    );
  });
});
