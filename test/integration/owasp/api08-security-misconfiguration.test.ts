import type { Response } from 'supertest';
import { startTestStack } from '../../support/stack';
import { expectErrorShape } from '../../support/owasp/checks';
import { tourOfReads } from '../../support/owasp/tour';
import { ALLOWED_ORIGIN, buildWorld, owaspSuite } from '../../support/owasp/world';

/** OWASP API Security Top 10 (2023), API8: security headers, CORS and production mode. */

describe('OWASP API Security Top 10 (2023)', () => {
  const { stack, operations, w, api, as } = owaspSuite(buildWorld);

  describe('API8:2023 Security Misconfiguration', () => {
    function expectApiHeaders(res: Response, where: string): void {
      const h = res.headers;
      expect({ where, nosniff: h['x-content-type-options'] }).toEqual({ where, nosniff: 'nosniff' });
      expect({ where, frame: h['x-frame-options'] }).toEqual({ where, frame: 'DENY' });
      expect({ where, csp: h['content-security-policy'] }).toEqual({
        where,
        csp: "default-src 'none'; frame-ancestors 'none'",
      });
      expect({ where, hsts: h['strict-transport-security'] }).toEqual({
        where,
        hsts: expect.stringContaining('max-age='),
      });
      expect({ where, cache: h['cache-control'] }).toEqual({ where, cache: 'no-store' });
      expect({ where, poweredBy: h['x-powered-by'], server: h['server'] }).toEqual({ where });
    }

    it('when every read and a range of errors are answered, then each carries the security headers and no x-powered-by', async () => {
      // Arrange
      const { answers } = await tourOfReads(stack, operations, w);

      // Act
      const errors = [
        await api().get('/api/v1/me'),
        await api().get('/api/v1/nothing-here'),
        await api().delete('/api/v1/me').set(as(w.a)),
        await api().post('/api/v1/auth/sms/send').set('content-type', 'application/json').send('{"phone":'),
        await api()
          .post('/api/v1/auth/sms/send')
          .send({ phone: '1', pad: 'x'.repeat(70_000) }),
        await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.b)),
      ];
      const pages = [
        ...answers.filter(({ key }) => !key.includes(' /api/v1/')).map(({ res }) => res),
        await api().get('/openapi.json'),
      ];

      // Assert
      expect(answers.length).toBeGreaterThan(25);
      const apiAnswers = answers.filter(({ key }) => key.includes(' /api/v1/'));
      for (const { key, res } of [...apiAnswers, ...errors.map((res, i) => ({ key: `error ${i}`, res }))]) {
        expectApiHeaders(res, key);
      }
      for (const res of errors) expectErrorShape(res, res.status);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const res of pages) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it.each([
      ['an allowed origin', ALLOWED_ORIGIN, ALLOWED_ORIGIN],
      ['another origin', 'https://evil.example', undefined],
      ['the allowed host as a suffix of another', `${ALLOWED_ORIGIN}.evil.example`, undefined],
      ['the allowed host over http', ALLOWED_ORIGIN.replace('https:', 'http:'), undefined],
      ['the null origin (sandboxed frames, files)', 'null', undefined],
    ])('when %s asks for CORS, then Access-Control-Allow-Origin is %s', async (_label, origin, allowed) => {
      // Act
      const preflight = await api()
        .options('/api/v1/me')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'authorization');
      const read = await api().get('/api/v1/me').set('Origin', origin).set(as(w.a));

      // Assert
      expect(preflight.headers['access-control-allow-origin']).toBe(allowed);
      expect(read.headers['access-control-allow-origin']).toBe(allowed);
      expect(read.headers['access-control-allow-credentials']).toBeUndefined();
      if (allowed) expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/i);
    });

    it('when the BFF runs in production mode, then the docs UI is not served, /openapi.json is, and errors stay bare', async () => {
      // Arrange
      const production = await startTestStack({ NODE_ENV: 'production' });
      try {
        // Act
        const docs = await production.api().get('/docs');
        const init = await production.api().get('/docs/init.js');
        const asset = await production.api().get('/docs/assets/swagger-ui-bundle.js');
        const contract = await production.api().get('/openapi.json');
        const broken = await production
          .api()
          .post('/api/v1/auth/refresh')
          .set('content-type', 'application/json')
          .send('{"refreshToken":');
        const trace = await production.api().trace('/api/v1/me').set('X-Secret-Header', 'echo-me');

        // Assert
        for (const res of [docs, init, asset]) expect(res.status).toBe(404);
        expect(contract.status).toBe(200);
        expectErrorShape(broken, 400, 'VALIDATION_FAILED');
        expect(trace.status).toBeGreaterThanOrEqual(400);
        expect(trace.text).not.toContain('echo-me');
      } finally {
        await production.close();
      }
    });
  });
});
