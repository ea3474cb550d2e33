import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestStack, type TestStack } from '../support/stack';
import { loginBySms } from '../support/auth-helpers';
import { fetchOpenApi, operationKey, operationsOf, type HttpMethod, type OperationObject } from '../support/openapi';

/** A two-file H5 build for the BFF to serve beside the API. */
function tinyH5(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'suijing-platform-h5-'));
  mkdirSync(path.join(dir, 'js'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><body><div id="app"></div></body></html>');
  writeFileSync(path.join(dir, 'js/app.1c6a7bb5.js'), 'console.log(1);');
  return dir;
}

/** The log lines written since `from`, parsed (pino: one JSON object a line). */
function logLinesSince(stack: TestStack, from: number): Array<{ level: number; msg?: string; url?: string }> {
  return stack.logs.slice(from).flatMap((chunk) =>
    chunk
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg?: string; url?: string }),
  );
}

describe('platform: health, docs, errors, headers, logs', () => {
  const h5 = tinyH5();
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ CORS_ORIGINS: 'http://localhost:10086', STATIC_DIR: h5 });
  });
  afterAll(async () => {
    await stack.close();
    rmSync(h5, { recursive: true, force: true });
  });

  it('when liveness and readiness are asked, then both answer with MongoDB and each upstream checked', async () => {
    const live = await stack.api().get('/healthz');
    const ready = await stack.api().get('/readyz');

    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(Object.keys(ready.body.checks).sort()).toEqual([
      'approval',
      'catalog',
      'ctid',
      'ems',
      'feedback',
      'hall',
      'identity',
      'mongodb',
      'nontax',
      'sms',
      'traffic',
      'wechat',
      'wxpay',
    ]);
  });

  it('when the OpenAPI document is fetched, then every route is described with its error shape', async () => {
    const res = await stack.api().get('/openapi.json');

    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        '/api/v1/addresses',
        '/api/v1/addresses/{id}',
        '/api/v1/applications',
        '/api/v1/applications/{caseNo}',
        '/api/v1/applications/{caseNo}/supplements',
        '/api/v1/applications/{caseNo}/withdraw',
        '/api/v1/auth/logout',
        '/api/v1/auth/refresh',
        '/api/v1/auth/sms/login',
        '/api/v1/auth/sms/send',
        '/api/v1/auth/wechat',
        '/api/v1/categories',
        '/api/v1/drafts',
        '/api/v1/drafts/{itemCode}',
        '/api/v1/favorites',
        '/api/v1/favorites/{code}',
        '/api/v1/identity',
        '/api/v1/identity/verify',
        '/api/v1/identity/checks',
        '/api/v1/identity/checks/{checkId}/complete',
        '/api/v1/identity/wechat-link',
        '/api/v1/identity/binding/history',
        '/api/v1/identity/binding',
        '/api/v1/identity/full',
        '/api/v1/me/data-usage',
        '/api/v1/me/deletion',
        '/api/v1/me/export',
        '/api/v1/items',
        '/api/v1/items/hot',
        '/api/v1/items/{code}',
        '/api/v1/licences',
        '/api/v1/materials',
        '/api/v1/messages',
        '/api/v1/messages/{id}/read',
        '/api/v1/hooks/approval',
        '/api/v1/hooks/wxpay',
        '/api/v1/hooks/nontax',
        '/api/v1/payments/fines/{decisionNo}',
        '/api/v1/payments/orders',
        '/api/v1/payments/orders/{id}',
        '/api/v1/payments/orders/{id}/receipt',
        '/api/v1/me',
        '/api/v1/packages',
        '/api/v1/packages/{code}',
        '/api/v1/packages/{code}/form',
        '/api/v1/privacy-notice',
        '/api/v1/packages/{code}/applications',
        '/api/v1/package-applications/{packageCaseNo}',
        '/api/v1/package-applications/{packageCaseNo}/retry',
        '/api/v1/progress/lookup',
        '/api/v1/search',
        '/api/v1/search/suggest',
        '/api/v1/sessions',
        '/api/v1/sessions/{id}',
        '/api/v1/vehicles',
        '/api/v1/vehicles/{id}',
        '/api/v1/vehicles/{id}/mortgage-release',
        '/api/v1/licence',
        '/api/v1/licence/downgrade',
        '/api/v1/licence/e-card',
        '/api/v1/violations',
        '/api/v1/violations/{id}',
        '/api/v1/violations/{id}/photos/{n}',
        '/api/v1/violations/{id}/handling',
        '/api/v1/verify/e-licence',
        '/api/v1/verify/residence-permit',
        '/api/v1/residence',
        '/api/v1/residence/e-card',
        '/api/v1/verify/shares',
        '/api/v1/wallet',
        '/api/v1/wallet/items/{itemId}',
        '/api/v1/wallet/shares',
        '/api/v1/wallet/shares/{shareId}',
        '/api/v1/family',
        '/api/v1/family/children',
        '/api/v1/family/adults',
        '/api/v1/family/members/{memberId}',
        '/api/v1/family/members/{memberId}/confirm',
        '/api/v1/family/invitations',
        '/api/v1/family/invitations/{invitationId}/accept',
        '/api/v1/family/invitations/{invitationId}/decline',
        '/api/v1/family/authorisations',
        '/api/v1/family/authorisations/{authorisationId}/withdraw',
        '/api/v1/family/members/{memberId}/cases',
        '/api/v1/family/members/{memberId}/wallet',
        '/api/v1/halls',
        '/api/v1/halls/recommend',
        '/api/v1/halls/{id}',
        '/api/v1/halls/{id}/slots',
        '/api/v1/halls/{id}/tickets',
        '/api/v1/tickets/{id}',
        '/api/v1/stations',
        '/api/v1/appointments',
        '/api/v1/appointments/{id}',
        '/api/v1/appointments/{id}/cancel',
        '/api/v1/appointments/{id}/reschedule',
        '/api/v1/applications/{caseNo}/rating',
        '/api/v1/complaints',
        '/api/v1/complaints/{id}',
        '/api/v1/complaints/{id}/rating',
        '/api/v1/hot-topics',
        '/healthz',
        '/readyz',
      ].sort(),
    );
    expect(res.body.components.schemas.ErrorResponse).toBeDefined();
  });

  it('when the OpenAPI document is read, then it states what the server enforces beyond the bodies', async () => {
    // Arrange
    const doc = await fetchOpenApi(stack);
    const ops = operationsOf(doc);
    const raw = (method: HttpMethod, path: string) => doc.paths[path]?.[method] as OperationObject;

    // Act
    const keyed = ops.filter((op) =>
      raw(op.method, op.path).parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
    );
    const writes = ops.filter((op) => ['post', 'put', 'patch'].includes(op.method));
    const upload = raw('post', '/api/v1/materials').requestBody?.content?.['multipart/form-data'];
    const halls = raw('get', '/api/v1/halls').parameters?.find((p) => p.in === 'query');
    const smsSend = raw('post', '/api/v1/auth/sms/send').responses?.['429'] as { headers?: object } | undefined;

    // Assert: the submissions, the header required and shaped as checked.
    expect(keyed.map(operationKey).sort()).toEqual([
      'POST /api/v1/addresses',
      'POST /api/v1/applications',
      'POST /api/v1/appointments',
      'POST /api/v1/complaints',
      'POST /api/v1/family/adults',
      'POST /api/v1/family/children',
      'POST /api/v1/halls/{id}/tickets',
      'POST /api/v1/licence/downgrade',
      'POST /api/v1/packages/{code}/applications',
      'POST /api/v1/payments/orders',
      'POST /api/v1/vehicles/{id}/mortgage-release',
      'POST /api/v1/violations/{id}/handling',
      'POST /api/v1/wallet/shares',
    ]);
    for (const op of keyed) {
      const header = raw(op.method, op.path).parameters?.find((p) => p.name === 'Idempotency-Key');
      expect(header).toMatchObject({ required: true, schema: { pattern: '^[A-Za-z0-9_-]{8,64}$' } });
      expect(op.statuses).toEqual(expect.arrayContaining([409, 422]));
    }
    // Every write can meet the body parser's 413 and 415; every route but liveness an unreachable system.
    expect(writes.filter((op) => !op.statuses.includes(413) || !op.statuses.includes(415))).toEqual([]);
    expect(ops.filter((op) => !op.statuses.includes(503)).map(operationKey)).toEqual(['GET /healthz']);
    // The upload: one file, by its field, within the limit.
    expect(upload?.schema).toMatchObject({ required: ['file'], properties: { file: { format: 'binary' } } });
    expect(raw('post', '/api/v1/materials').requestBody?.description).toContain('10485760 bytes');
    // Formats checked by refinements are stated too: lat and lng only together.
    expect(halls).toMatchObject({ style: 'form', explode: true });
    expect(halls?.schema).toMatchObject({ dependentRequired: { lat: ['lng'], lng: ['lat'] } });
    expect(doc.components?.schemas?.['SmsSendRequest']?.properties?.['phone']).toMatchObject({
      pattern: '^1[3-9]\\d{9}$',
    });
    expect(smsSend?.headers).toHaveProperty('Retry-After');
  });

  it('when the docs page is opened, then it is self-hosted (no outside hosts) under a strict CSP', async () => {
    const page = await stack.api().get('/docs');
    const css = await stack.api().get('/docs/assets/swagger-ui.css');

    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toMatch(/connect-src 'self'(;|$)/);
    expect(css.status).toBe(200);
  });

  it('when extra connect sources are configured (the demo sandbox), then pages may call exactly those', async () => {
    const demo = await startTestStack({ CSP_CONNECT_SOURCES: 'http://localhost:8090' });
    try {
      const page = await demo.api().get('/docs');

      expect(page.headers['content-security-policy']).toMatch(/connect-src 'self' http:\/\/localhost:8090(;|$)/);
    } finally {
      await demo.close();
    }
  });

  it('when docs are disabled (production), then /docs is not served but /openapi.json is', async () => {
    const prod = await startTestStack({ NODE_ENV: 'production' });
    try {
      expect((await prod.api().get('/docs')).status).toBe(404);
      expect((await prod.api().get('/openapi.json')).status).toBe(200);
    } finally {
      await prod.close();
    }
  });

  it('when any response goes out, then security headers and a request id are on it', async () => {
    const page = await stack.api().get('/healthz').set('X-Request-Id', 'trace-abc-12345');
    const api = await stack.api().get('/api/v1/me');

    expect(page.headers['x-request-id']).toBe('trace-abc-12345');
    expect(api.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    for (const res of [page, api]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['x-frame-options']).toBeDefined();
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    // Personal data is never kept by a cache or a shared device's browser.
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('when an allowed origin calls, then CORS allows it; another origin gets no CORS header', async () => {
    const allowed = await stack
      .api()
      .options('/api/v1/me')
      .set('Origin', 'http://localhost:10086')
      .set('Access-Control-Request-Method', 'GET');
    const denied = await stack.api().get('/healthz').set('Origin', 'https://evil.example');

    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:10086');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when the body is not JSON, too big, malformed or has extra fields, then a 4xx with the error shape', async () => {
    const text = await stack
      .api()
      .post('/api/v1/auth/sms/send')
      .set('Content-Type', 'text/plain')
      .send('phone=13800000000');
    const huge = await stack
      .api()
      .post('/api/v1/auth/sms/send')
      .send({ phone: '13800000000', pad: 'x'.repeat(100_000) });
    const broken = await stack
      .api()
      .post('/api/v1/auth/sms/send')
      .set('Content-Type', 'application/json')
      .send('{"phone":');
    const extra = await stack.api().post('/api/v1/auth/sms/send').send({ phone: '13800000000', admin: true });
    const bare = await stack
      .api()
      .post('/api/v1/auth/sms/send')
      .set('Content-Type', 'application/json')
      .send('"13800000000"');

    expect([text.status, text.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect([huge.status, huge.body.error.code]).toEqual([413, 'BODY_TOO_LARGE']);
    expect([broken.status, broken.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([extra.status, extra.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(extra.body.error.message).toContain('admin');
    expect([bare.status, bare.body.error.code, bare.body.error.message]).toEqual([
      400,
      'VALIDATION_FAILED',
      '请求内容应为 JSON 对象，请检查后重试',
    ]);
  });

  it('when a path is asked with a method it does not have, then 405 naming the ones it has, never a 500 or an error log', async () => {
    // Arrange: pages and files, health, the contract and its docs, API routes (one with a body parser in the way).
    const paths = [
      '/',
      '/index.html',
      '/js/app.1c6a7bb5.js',
      '/healthz',
      '/readyz',
      '/docs',
      '/openapi.json',
      '/api/v1/items/hot',
      '/api/v1/me',
    ];
    const methods = ['propfind', 'trace', 'patch', 'delete', 'put', 'post'] as const;
    const logsBefore = stack.logs.length;

    // Act
    const answers = [];
    for (const where of paths) {
      for (const method of methods) {
        const res = await stack.api()[method](where).set('Content-Type', 'text/plain').send('x');
        answers.push({
          key: `${method.toUpperCase()} ${where}`,
          status: res.status,
          allow: String(res.headers['allow'] ?? '')
            .split(/,\s*/)
            .sort()
            .join(','),
          code: (res.body as { error?: { code?: string } }).error?.code,
        });
      }
    }
    const options = await stack.api().options('/healthz');

    // Assert
    // Every one of these paths answers GET (and so HEAD) only.
    const wrong = answers.filter((a) => a.status !== 405 || a.code !== 'METHOD_NOT_ALLOWED' || a.allow !== 'GET,HEAD');
    expect(wrong).toEqual([]);
    expect(options.status).toBe(204);
    expect(String(options.headers['allow']).split(/,\s*/).sort()).toEqual(['GET', 'HEAD']);
    const lines = logLinesSince(stack, logsBefore);
    expect(lines.filter((line) => line.msg === 'request')).toHaveLength(paths.length * methods.length + 1);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('when an unknown API path is called, then 404 ROUTE_NOT_FOUND in JSON', async () => {
    const res = await stack.api().get('/api/v1/nothing-here');

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('when MongoDB is unreachable, then requests get 503 DATABASE_UNAVAILABLE and readiness says unavailable', async () => {
    // Arrange: an instance pointed at a port where nothing listens.
    const broken = await startTestStack();
    const tokens = await loginBySms(broken);
    await broken.connection.close();

    // Act (a route that must read the database: the session just made answers /me from memory)
    const me = await broken.api().get('/api/v1/favorites').set('Authorization', `Bearer ${tokens.accessToken}`);
    const ready = await broken.api().get('/readyz');

    // Assert
    expect(me.status).toBe(503);
    expect(me.body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(JSON.stringify(me.body)).not.toMatch(/Mongo|stack|at /);
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('unavailable');
    await broken.close().catch(() => undefined);
  });

  it('when the suite has logged in and failed in many ways, then no phone, token or code is in the logs', async () => {
    const tokens = await loginBySms(stack);
    await stack.api().get('/api/v1/me').set('Authorization', `Bearer ${tokens.accessToken}`);

    const logs = stack.logs.join('');

    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(logs).not.toContain(tokens.accessToken);
    expect(logs).not.toContain(tokens.refreshToken);
  });
});
