import { randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, verifyIdentity } from '../support/auth-helpers';

type Method = 'get' | 'post' | 'put' | 'delete';

interface Operation {
  method: Method;
  path: string;
  auth: boolean;
  hasBody: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Partial<Record<Method, { security?: unknown[]; requestBody?: unknown }>>>;
}

/** Path parameters nobody should send: too long, traversal, control and direction characters, SQL, emoji. */
const TRICKY_PARAMS = [
  'x'.repeat(300),
  '../../etc/passwd',
  '%00',
  '\u202e\u200b\u0000',
  "1' OR '1'='1",
  '😀'.repeat(10),
  '__proto__',
  '-1',
];

/** Values of the wrong kind for any field. */
const WRONG_TYPES: unknown[] = [null, 12345, true, [], {}, ['a'], { $gt: '' }];

/** Strings that break naive code: huge, RTL override, zero width, NUL, lone surrogate, emoji. */
const TRICKY_STRINGS = ['长'.repeat(20_000), '\u202eabc', 'a\u200bb', 'nul\u0000byte', '\ud800', '👨‍👩‍👧‍👦'.repeat(50)];

/**
 * Every route in /openapi.json, fed what an attacker or a broken client
 * sends: tricky path parameters, junk and unknown query parameters, bodies
 * missing, of the wrong type, with extra and prototype-polluting fields,
 * huge or unicode-tricky. Each answer must be below 500, in the error shape
 * when it is an error, and never show a stack trace.
 */
describe('bad input on every route: 4xx with the error shape, never 5xx, never a stack trace', () => {
  let stack: TestStack;
  let token: string;
  let operations: Operation[];
  const failures: string[] = [];
  const statuses: Record<number, number> = {};

  beforeAll(async () => {
    stack = await startTestStack();
    const person = await stack.sandbox.citizen('primary');
    token = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, token, person);
    const doc = (await stack.api().get('/openapi.json').expect(200)).body as OpenApiDocument;
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      (Object.entries(methods) as Array<[Method, { security?: unknown[]; requestBody?: unknown }]>).map(
        ([method, op]) => ({ method, path, auth: Boolean(op.security?.length), hasBody: Boolean(op.requestBody) }),
      ),
    );
    // Logging out would end the session the other requests use: last.
    operations.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
  }, 60_000);
  afterAll(() => stack.close());

  /** Sends one request and records what is wrong with its answer. */
  async function probe(
    op: Operation,
    label: string,
    options: { path?: string; query?: Record<string, string>; body?: unknown; rawBody?: string },
  ): Promise<void> {
    const url = options.path ?? op.path.replace(/\{[^}]+\}/g, 'A1b2C3d4E5f6G7h8J9k0Lm');
    let req = stack.api()[op.method](url).set('Idempotency-Key', randomUUID()).set('X-Forwarded-For', '10.20.30.40');
    if (op.auth) req = req.set(bearer(token));
    if (options.query) req = req.query(options.query);
    if (options.rawBody !== undefined) req = req.set('content-type', 'application/json').send(options.rawBody);
    else if (options.body !== undefined) req = req.send(options.body as object);
    const res = await req;
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    const text = res.text ?? '';
    const where = `${op.method.toUpperCase()} ${op.path} [${label}] -> ${res.status}`;
    if (res.status >= 500) failures.push(`${where}: ${text.slice(0, 200)}`);
    if (/\n\s+at |node_modules|Error: /.test(text)) failures.push(`${where}: looks like a stack trace`);
    if (res.status >= 400) {
      const body = res.body as { error?: { code?: unknown; message?: unknown } };
      if (
        res.type === 'application/json' &&
        (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string')
      ) {
        failures.push(`${where}: not the error shape: ${text.slice(0, 200)}`);
      }
    }
  }

  it('when path parameters are tricky, then every route answers below 500', async () => {
    for (const op of operations.filter((o) => o.path.includes('{'))) {
      for (const value of TRICKY_PARAMS) {
        const path = op.path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
        await probe(op, `param ${JSON.stringify(value.slice(0, 12))}`, { path, body: {} });
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('when query parameters are junk, unknown or huge, then every GET answers below 500', async () => {
    const queries: Array<Record<string, string>> = [
      { page: '-1', pageSize: '999999' },
      { unknown: '1' },
      { q: '长'.repeat(5000) },
      { status: '\u202e', lat: 'NaN', lng: 'Infinity' },
      { business: "' OR 1=1 --", date: '2026-02-30' },
    ];
    for (const op of operations.filter((o) => o.method === 'get')) {
      for (const [i, query] of queries.entries()) await probe(op, `query ${i}`, { query });
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('when bodies are missing, of the wrong type, polluted, huge or unicode-tricky, then every route answers 4xx', async () => {
    for (const op of operations.filter((o) => o.hasBody)) {
      await probe(op, 'no body', {});
      await probe(op, 'not JSON', { rawBody: '{"a":' });
      await probe(op, 'array', { rawBody: '[1,2,3]' });
      await probe(op, 'prototype pollution', {
        rawBody: '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}',
      });
      await probe(op, 'over the body limit', { rawBody: JSON.stringify({ a: 'x'.repeat(200_000) }) });
      for (const [i, value] of WRONG_TYPES.entries()) {
        await probe(op, `wrong type ${i}`, {
          body: { phone: value, name: value, idNumber: value, data: value, code: value },
        });
      }
      for (const [i, value] of TRICKY_STRINGS.entries()) {
        await probe(op, `tricky string ${i}`, {
          body: {
            phone: value,
            name: value,
            idNumber: value,
            title: value,
            content: value,
            comment: value,
            payload: value,
          },
        });
      }
    }
    expect(failures).toEqual([]);
    // The probes reached validation (not stopped at the door by a lost session) …
    expect(statuses[400] ?? 0).toBeGreaterThan(operations.length);
    expect(statuses[500] ?? 0).toBe(0);
    // … and the account still works after all that: nothing was corrupted.
    const me = await stack.api().get('/api/v1/me').set(bearer(token));
    expect([200, 401]).toContain(me.status);
  }, 600_000);
});
