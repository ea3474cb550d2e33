import { createHmac } from 'node:crypto';
import { isNontaxSignature, nontaxCanonical, nontaxSign, signedRequest } from './nontax.dialect';

const APP = { appId: 'nontax-unit-app', appSecret: 'nontax-unit-secret' };
const NOW = new Date('2026-12-01T04:00:00.000Z');

describe('非税 request signatures', () => {
  it('when parameters are signed, then sign and empty values are left out and the rest sorted by name', () => {
    // Arrange
    const params = { tzdz: 'http://x/y?a=1&b=2', jkm: '44010026000000000017', sign: 'OLD', fhdz: '', ddh: 'D1' };

    // Act
    const canonical = nontaxCanonical(params);

    // Assert
    expect(canonical).toBe('ddh=D1&jkm=44010026000000000017&tzdz=http://x/y?a=1&b=2');
  });

  it('when an answer carries data, then the data enters as its JSON text', () => {
    // Arrange
    const answer = { code: '0000', msg: '成功', data: { b: '2', a: ['x'] }, nonce: 'n1', timestamp: '1' };

    // Act
    const canonical = nontaxCanonical(answer);

    // Assert
    expect(canonical).toBe('code=0000&data={"b":"2","a":["x"]}&msg=成功&nonce=n1&timestamp=1');
  });

  it('when signed, then the sign is the upper-case hex HMAC-SHA256 of the canonical string', () => {
    // Arrange
    const params = { b: '2', a: '1' };

    // Act
    const sign = nontaxSign(APP.appSecret, params);

    // Assert
    expect(sign).toBe(createHmac('sha256', APP.appSecret).update('a=1&b=2').digest('hex').toUpperCase());
  });

  it('when a request is built, then it carries the app, the time in ms, a fresh nonce and a sign that verifies', () => {
    // Arrange / Act
    const first = signedRequest(APP, NOW, { jdsbh: '4401062026000123' });
    const second = signedRequest(APP, NOW, { jdsbh: '4401062026000123' });

    // Assert
    expect(first).toMatchObject({
      appId: APP.appId,
      timestamp: String(NOW.getTime()),
      signType: 'HMAC-SHA256',
      jdsbh: '4401062026000123',
    });
    expect(first.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(second.nonce).not.toBe(first.nonce);
    expect(isNontaxSignature(APP.appSecret, first)).toBe(true);
  });

  it.each([
    { name: 'another secret', check: (p: Record<string, string>) => isNontaxSignature('other', p) },
    {
      name: 'a changed value',
      check: (p: Record<string, string>) => isNontaxSignature(APP.appSecret, { ...p, jdsbh: 'X' }),
    },
    {
      name: 'an added value',
      check: (p: Record<string, string>) => isNontaxSignature(APP.appSecret, { ...p, extra: '1' }),
    },
    { name: 'no sign', check: (p: Record<string, string>) => isNontaxSignature(APP.appSecret, { ...p, sign: '' }) },
  ])('when checked with $name, then the signature does not hold', ({ check }) => {
    // Arrange
    const params = signedRequest(APP, NOW, { jdsbh: '4401062026000123' });

    // Act / Assert
    expect(check(params)).toBe(false);
  });
});
