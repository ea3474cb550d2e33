import { toLicenceOnFile, toVerifiedMatch } from './identity.mapping';

describe('identity dialect translation', () => {
  it('when a licence is translated, then days read yyyy-MM-dd, 长期 stays, and only a valid one is usable', () => {
    // Arrange
    const record = {
      zzbs: 'z1',
      zzlxdm: 'SFZ',
      zzmc: '居民身份证',
      zzbh: '440106199001011234',
      fzjg: '广州市公安局天河分局',
      fzrq: '20200105',
      yxqz: '长期',
    };

    // Act
    const [valid, cancelled] = [toLicenceOnFile({ ...record, zt: '1' }), toLicenceOnFile({ ...record, zt: '3' })];

    // Assert
    expect(valid).toEqual({
      licenceId: 'z1',
      typeCode: 'SFZ',
      name: '居民身份证',
      number: '440106199001011234',
      issuer: '广州市公安局天河分局',
      issuedOn: '2020-01-05',
      validUntil: '长期',
      usable: true,
    });
    expect(cancelled.usable).toBe(false);
  });

  it('when the register matches, then sex and birth date come in our words', () => {
    // Act
    const outcome = toVerifiedMatch({ hyjg: '1', xb: '2', csrq: '19900101', hjdqh: '440106' });

    // Assert
    expect(outcome).toEqual({ matched: true, gender: 'female', birthDate: '1990-01-01', regionCode: '440106' });
  });
});
