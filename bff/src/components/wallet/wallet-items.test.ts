import { eLicenceItem, identityItem, permitItem, type WalletPermit } from './wallet-items';

const HOLDER = { name: '陈小红', idNumber: '440106199001011236', idHash: 'h' };
const DAY_MS = 86_400_000;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const NOW = Date.parse('2026-12-06T04:00:00Z');
const PERMIT: WalletPermit = {
  numberMasked: '4401**********1236',
  issuer: '广州市公安局天河分局',
  issuedOn: '2026-06-01',
  validUntil: '2029-06-01',
  endorsedUntil: '2027-06-01',
  status: 'valid',
  statusText: '有效',
  districtName: '天河区',
};

describe('wallet items: each certificate with its status and share values', () => {
  it('when the in-person check is 29 days old, then the credential is valid; at 31 days it must be redone', () => {
    // Act
    const fresh = identityItem(HOLDER, { atMs: NOW - 29 * DAY_MS, method: 'ctid' }, NOW, 30 * DAY_MS, day, day(NOW));
    const stale = identityItem(HOLDER, { atMs: NOW - 31 * DAY_MS, method: 'ctid' }, NOW, 30 * DAY_MS, day, day(NOW));

    // Assert
    expect(fresh.item).toMatchObject({ status: 'valid', numberMasked: '4401**********1236' });
    expect(fresh.values).toEqual({ name: '陈小红', verified: '是', adult: '是' });
    expect(stale.item).toMatchObject({
      status: 'expired',
      statusText: '认证已超过 30 天，请重新刷脸',
      shareFields: [],
    });
  });

  it('when the permit is valid with a 签注 due within 30 days, then it is expiring and says to endorse', () => {
    // Act
    const held = permitItem(HOLDER, { ...PERMIT, endorsedUntil: '2026-12-20' }, '2026-12-06');

    // Assert
    expect(held.item).toMatchObject({ status: 'expiring', statusText: '有效，请于 2026-12-20 前办理签注' });
    expect(held.values).toMatchObject({ permitValid: '是', district: '天河区' });
  });

  it('when the permit is suspended or replaced, then it reads suspended / revoked and offers nothing to show', () => {
    // Act
    const suspended = permitItem(
      HOLDER,
      { ...PERMIT, status: 'suspended', statusText: '中止（请签注）' },
      '2026-12-06',
    );
    const replaced = permitItem(HOLDER, { ...PERMIT, status: 'replaced', statusText: '已换领' }, '2026-12-06');

    // Assert
    expect(suspended.item).toMatchObject({ status: 'suspended', statusText: '中止（请签注）', shareFields: [] });
    expect(suspended.values['permitValid']).toBe('否');
    expect(replaced.item.status).toBe('revoked');
  });

  it('when an e-licence is not usable, then it is expired if its date passed, else revoked (注销)', () => {
    // Arrange
    const licence = {
      licenceId: 'x',
      typeCode: 'HKB',
      name: '居民户口簿',
      number: '440106123456789',
      issuer: '广州市公安局天河分局',
      issuedOn: '2010-01-01',
      validUntil: '长期',
      usable: true,
    };

    // Act
    const valid = eLicenceItem(HOLDER, licence, '2026-12-06');
    const cancelled = eLicenceItem(HOLDER, { ...licence, usable: false }, '2026-12-06');
    const expired = eLicenceItem(HOLDER, { ...licence, validUntil: '2026-01-01', usable: false }, '2026-12-06');

    // Assert
    expect(valid.item).toMatchObject({ status: 'valid', typeCode: 'HKB', holderNameMasked: '陈**' });
    expect(valid.item.numberMasked).not.toContain('123456');
    expect([cancelled.item.status, expired.item.status]).toEqual(['revoked', 'expired']);
  });
});
