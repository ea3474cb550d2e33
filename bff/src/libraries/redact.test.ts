import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { scrubText } from './redact';

describe('log redaction', () => {
  it('when free text holds an ID number and a phone, then both are masked', () => {
    expect(scrubText('/x?phone=13812341234&id=44010519900101123X')).toBe('/x?phone=138****1234&id=4401**********123X');
  });

  it('when a logged object carries tokens, phones or a session_key, then none reaches the output', () => {
    // Arrange
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination: sink });

    // Act
    logger.info(
      { body: { phone: '13812341234', refreshToken: 'rt-secret', session_key: 'sk-secret' }, url: '/a?m=13812341234' },
      'login for 13812341234',
    );

    // Assert
    const output = lines.join('');
    expect(output).not.toContain('13812341234');
    expect(output).not.toContain('rt-secret');
    expect(output).not.toContain('sk-secret');
    expect(output).toContain('138****1234');
  });
});
