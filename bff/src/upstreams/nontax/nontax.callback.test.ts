import { randomBytes } from 'node:crypto';
import { openNontaxCallback } from './nontax.callback';
import { nontaxSign } from './nontax.dialect';

const APP = { appId: 'nontax-unit-app', appSecret: 'nontax-unit-secret' };
const PAID_AT = new Date('2026-12-01T04:00:05.000Z'); // 2026-12-01 12:00:05 Beijing
const NOW = new Date('2026-12-01T04:00:07.000Z');

const FIELDS = {
  tzlx: 'PAY',
  ddh: 'FINE-ORDER-0001',
  jkm: '44010026000000000017',
  jdsbh: '4401062026000123',
  jyje: '206.00',
  jylsh: 'FS20261201120005000001',
  zfsj: '20261201120005',
  pjh: '440100260000000001',
  zt: '1',
};

/** A callback as the platform sends it, signed with `secret` at `at`. */
function callback(
  fields: Record<string, string> = FIELDS,
  options: { secret?: string; at?: Date; appId?: string } = {},
): Record<string, string> {
  const params: Record<string, string> = {
    ...fields,
    appId: options.appId ?? APP.appId,
    timestamp: String((options.at ?? PAID_AT).getTime()),
    nonce: randomBytes(16).toString('hex'),
    signType: 'HMAC-SHA256',
  };
  return { ...params, sign: nontaxSign(options.secret ?? APP.appSecret, params) };
}

describe('非税 payment callbacks', () => {
  it('when the callback is signed with our secret and fresh, then it gives the settlement in fen', () => {
    // Arrange
    const raw = JSON.stringify(callback());

    // Act
    const opened = openNontaxCallback(APP, raw, NOW);

    // Assert
    expect(opened).toEqual({
      ok: true,
      settlement: {
        paymentCode: FIELDS.jkm,
        outTradeNo: FIELDS.ddh,
        amountFen: 20_600,
        paidAt: PAID_AT,
        platformTradeNo: FIELDS.jylsh,
        receiptNo: FIELDS.pjh,
        state: 'paid',
      },
    });
  });

  it('when the callback is signed with another secret (forged), then it is rejected as bad-signature', () => {
    // Arrange
    const raw = JSON.stringify(callback(FIELDS, { secret: 'someone-elses-secret' }));

    // Act / Assert
    expect(openNontaxCallback(APP, raw, NOW)).toEqual({ ok: false, rejection: 'bad-signature' });
  });

  it('when the callback names another app, then it is rejected as bad-signature', () => {
    // Arrange
    const raw = JSON.stringify(callback(FIELDS, { appId: 'another-app' }));

    // Act / Assert
    expect(openNontaxCallback(APP, raw, NOW)).toEqual({ ok: false, rejection: 'bad-signature' });
  });

  it.each([
    { field: 'jyje', value: '0.01' },
    { field: 'ddh', value: 'FINE-ORDER-0002' },
    { field: 'timestamp', value: String(NOW.getTime()) },
  ])('when $field is changed after signing (tampered), then it is rejected as bad-signature', ({ field, value }) => {
    // Arrange
    const raw = JSON.stringify({ ...callback(), [field]: value });

    // Act / Assert
    expect(openNontaxCallback(APP, raw, NOW)).toEqual({ ok: false, rejection: 'bad-signature' });
  });

  it.each([
    { name: 'six minutes old', at: new Date(NOW.getTime() - 6 * 60_000) },
    { name: 'six minutes ahead', at: new Date(NOW.getTime() + 6 * 60_000) },
  ])('when the callback is $name, then it is rejected as stale', ({ at }) => {
    // Arrange
    const raw = JSON.stringify(callback(FIELDS, { at }));

    // Act / Assert
    expect(openNontaxCallback(APP, raw, NOW)).toEqual({ ok: false, rejection: 'stale' });
  });

  it('when the callback is four minutes old, then it is still accepted', () => {
    // Arrange
    const raw = JSON.stringify(callback(FIELDS, { at: new Date(NOW.getTime() - 4 * 60_000) }));

    // Act / Assert
    expect(openNontaxCallback(APP, raw, NOW).ok).toBe(true);
  });

  it.each([
    { name: 'not JSON', raw: 'tzlx=PAY&ddh=1' },
    { name: 'an array', raw: '[]' },
    { name: 'a number among the fields', raw: JSON.stringify({ ...callback(), jyje: 206 }) },
    { name: 'signed but without its receipt', raw: JSON.stringify(callback({ ...FIELDS, pjh: '' })) },
    { name: 'signed but not a payment', raw: JSON.stringify(callback({ ...FIELDS, zt: '0' })) },
    { name: 'signed with an amount in fen', raw: JSON.stringify(callback({ ...FIELDS, jyje: '20600' })) },
  ])('when the body is $name, then it is rejected as malformed', ({ raw }) => {
    // Arrange / Act
    const opened = openNontaxCallback(APP, raw, NOW);

    // Assert
    expect(opened).toEqual({ ok: false, rejection: 'malformed' });
  });
});
