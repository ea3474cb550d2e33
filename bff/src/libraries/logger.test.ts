import { Writable } from 'node:stream';
import { runInNewContext } from 'node:vm';
import { accessLog, createLogger, type AccessLine } from './logger';

function capture(level = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

/** An anonymous request's access line, with what a test changes. */
const accessLine = (change: Partial<AccessLine> = {}): AccessLine => ({
  requestId: 'req-00000001',
  method: 'GET',
  url: '/healthz',
  status: 200,
  ms: 0.1,
  userId: undefined,
  ...change,
});

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

  it('when a request is rejected with an error code, then the code is logged as it is', () => {
    const { logger, lines } = capture();

    logger.info(
      { requestId: 'req-00000001', code: 'SMS_TOO_FREQUENT', reason: '请 59 秒后再获取' },
      'request rejected',
    );

    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line['code']).toBe('SMS_TOO_FREQUENT');
  });

  it('when a code is an SMS code or a WeChat login code, then it stays censored', () => {
    const { logger, lines } = capture();

    logger.info({ body: { code: '081aBcDeFgHiJ' }, sms: { code: '482913' } }, 'login');

    expect(lines[0]).not.toContain('081aBcDeFgHiJ');
    expect(lines[0]).not.toContain('482913');
  });

  it('when a request id holds eleven digits in a row, then the line carries it unchanged', () => {
    // Arrange: a random UUID can end in a letter then eleven digits shaped like a mobile number.
    const { logger, lines } = capture();
    const requestId = '6bc658bc-5eef-4ef2-af46-a13812345678';

    // Act
    logger.error({ requestId, url: '/api/v1/me?m=13812345678', code: 'INTERNAL' }, 'request failed');

    // Assert
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line['requestId']).toBe(requestId);
    expect(line['url']).toBe('/api/v1/me?m=138****5678');
  });

  it('when a plate is logged under its key or inside a message, then it is not in the line', () => {
    const { logger, lines } = capture();

    logger.warn({ vehicle: { hphm: '粤A12345' }, reason: '粤B54321 查询失败' }, 'traffic lookup failed');

    expect(lines[0]).not.toContain('粤A12345');
    expect(lines[0]).not.toContain('粤B54321');
  });

  it('when a request is access-logged, then its line is the one logger.info would write, censored the same', () => {
    // Arrange
    const { logger, lines } = capture();
    const line: AccessLine = {
      requestId: '6bc658bc-5eef-4ef2-af46-a13812345678',
      method: 'GET',
      url: '/api/v1/halls?phone=13812345678&lat=23.129163&q="粤A12345"',
      status: 200,
      ms: 0.7,
      userId: '0e8c5001-ee45-47af-b22b-e14295718566',
    };

    // Act
    accessLog(logger)(line);
    logger.info(line, 'request');

    // Assert
    const [fast, ordinary] = lines.map((text) => {
      const { time, ...rest } = JSON.parse(text) as Record<string, unknown>;
      return { time, rest, text: text.replace(/"time":\d+/, '') };
    });
    expect(fast?.text).toBe(ordinary?.text);
    expect(fast?.rest['url']).not.toContain('13812345678');
    expect(fast?.rest['requestId']).toBe(line.requestId);
    expect(typeof fast?.time).toBe('number');
  });

  it('when a request without a login is access-logged, then the line has no userId', () => {
    // Arrange
    const { logger, lines } = capture();

    // Act
    accessLog(logger)(accessLine());

    // Assert
    expect(JSON.parse(lines[0] ?? '{}')).not.toHaveProperty('userId');
  });

  it('when a request ends in a server error, then its access line is logged at error level', () => {
    // Arrange
    const { logger, lines } = capture();

    // Act
    accessLog(logger)(accessLine({ url: '/api/v1/me', status: 503, ms: 2 }));

    // Assert
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 50, msg: 'request', status: 503 });
  });

  it('when the logger is above info, then successful requests write no access line', () => {
    // Arrange
    const { logger, lines } = capture('warn');

    // Act
    accessLog(logger)(accessLine());

    // Assert
    expect(lines).toEqual([]);
  });
});
