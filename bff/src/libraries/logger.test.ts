import { Writable } from 'node:stream';
import { runInNewContext } from 'node:vm';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

describe('logger', () => {
  it('when an error is logged, then its type, message, code and cause are kept, with phones masked', () => {
    // Arrange
    const { logger, lines } = capture();
    const error = Object.assign(new Error('sms to 13812345678 failed', { cause: new Error('socket hang up') }), {
      code: 'ECONNRESET',
    });

    // Act
    logger.warn({ err: error }, 'upstream failed');

    // Assert
    const line = JSON.parse(lines[0] ?? '{}') as { err: Record<string, unknown> };
    expect(line.err).toMatchObject({
      type: 'Error',
      message: expect.stringContaining('138****5678'),
      code: 'ECONNRESET',
      cause: { type: 'Error', message: 'socket hang up' },
    });
    expect(lines[0]).not.toContain('13812345678');
  });

  it('when an error made in another realm is logged, then its type and message are kept too', () => {
    // Arrange: Node's own socket errors are not instances of a vm context's Error (as under jest).
    const { logger, lines } = capture();
    const foreign = runInNewContext("Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })") as unknown;

    // Act
    logger.error({ err: foreign }, 'request failed');

    // Assert
    const line = JSON.parse(lines[0] ?? '{}') as { err: Record<string, unknown> };
    expect(line.err).toMatchObject({ type: 'Error', message: 'write EPIPE', code: 'EPIPE' });
  });

  it('when secret keys are logged at any depth, then their values are censored', () => {
    const { logger, lines } = capture();

    logger.info({ request: { body: { refreshToken: 'abc.def', code: '123456' } } }, 'login');

    expect(lines[0]).not.toContain('abc.def');
    expect(lines[0]).not.toContain('123456');
  });
});
