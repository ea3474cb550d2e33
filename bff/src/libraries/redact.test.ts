import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { holdsNothingPersonal, scrubText } from './redact';

describe('log redaction', () => {
  it('when free text holds an ID number and a phone, then both are masked', () => {
    expect(scrubText('/x?phone=13812341234&id=44010519900101123X')).toBe('/x?phone=138****1234&id=4401**********123X');
  });

  it('when free text holds a plate, then it is masked like on screen', () => {
    expect(scrubText('违法车辆 粤A12345 与 粤B·D12345')).toBe('违法车辆 粤A·***45 与 粤B·****45');
  });

  it('when a URL carries a position, then it is logged to two decimals only', () => {
    const url = '/api/v1/halls/recommend?business=HZ01&lat=23.129163&lng=113.264435&x=1';

    const scrubbed = scrubText(url);

    expect(scrubbed).toBe('/api/v1/halls/recommend?business=HZ01&lat=23.12&lng=113.26&x=1');
  });

  it('when a text holds no personal number, then it is reported as such and left as it is', () => {
    expect(holdsNothingPersonal('6bc658bc-5eef-4ef2-af46-00e3968f19c6')).toBe(true);
    expect(holdsNothingPersonal('req-13812345678')).toBe(false);
    expect(holdsNothingPersonal('440105199001011234')).toBe(false);
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
