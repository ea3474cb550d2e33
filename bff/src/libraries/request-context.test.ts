import { Writable } from 'node:stream';
import Koa from 'koa';
import request from 'supertest';
import type { AppState } from './context';
import { createLogger } from './logger';
import { newRequestId, requestContext } from './request-context';

function appLoggingTo(lines: string[]) {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const app = new Koa<AppState>();
  app.use(requestContext(createLogger({ level: 'info', destination })));
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  return app;
}

describe('request ids', () => {
  it('when a caller sends a well-formed request id, then the answer and the log line carry it unchanged', async () => {
    // Arrange
    const lines: string[] = [];
    const app = appLoggingTo(lines);

    // Act
    const res = await request(app.callback()).get('/ping').set('X-Request-Id', 'h5-20261128-a1b2c3d4');

    // Assert
    expect(res.headers['x-request-id']).toBe('h5-20261128-a1b2c3d4');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ requestId: 'h5-20261128-a1b2c3d4' });
  });

  it('when a caller puts a phone number in its request id, then it gets a fresh id and the log holds no phone', async () => {
    // Arrange
    const lines: string[] = [];
    const app = appLoggingTo(lines);

    // Act
    const res = await request(app.callback()).get('/ping').set('X-Request-Id', 'user-13812345678');

    // Assert
    const given = res.headers['x-request-id'];
    expect(given).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ requestId: given });
    expect(lines.join('')).not.toContain('13812345678');
  });

  it('when a fresh id would look like a phone number, then another is drawn', () => {
    // Arrange
    const draws = ['0e8c5001-ee45-47af-b22b-e14295718566', '6bc658bc-5eef-4ef2-af46-00e3968f19c6'];

    // Act
    const id = newRequestId(() => draws.shift() ?? '');

    // Assert
    expect(id).toBe('6bc658bc-5eef-4ef2-af46-00e3968f19c6');
  });
});
