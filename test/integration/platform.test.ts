import { startTestStack, type TestStack } from '../support/stack';
import { loginBySms } from '../support/auth-helpers';

describe('platform: health, docs, errors, headers, logs', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ CORS_ORIGINS: 'http://localhost:10086' });
  });
  afterAll(() => stack.close());

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
      'feedback',
      'hall',
      'identity',
      'mongodb',
      'sms',
      'traffic',
      'wechat',
    ]);
  });

  it('when the OpenAPI document is fetched, then every route is described with its error shape', async () => {
    const res = await stack.api().get('/openapi.json');

    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
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
        '/api/v1/me',
        '/api/v1/packages',
        '/api/v1/packages/{code}',
        '/api/v1/packages/{code}/form',
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
        '/api/v1/verify/e-licence',
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

    expect([text.status, text.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect([huge.status, huge.body.error.code]).toEqual([413, 'BODY_TOO_LARGE']);
    expect([broken.status, broken.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([extra.status, extra.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(extra.body.error.message).toContain('admin');
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

    // Act
    const me = await broken.api().get('/api/v1/me').set('Authorization', `Bearer ${tokens.accessToken}`);
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
