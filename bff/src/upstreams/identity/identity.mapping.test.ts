import { toLicenceOnFile, toResidenceFile, toVerifiedMatch } from './identity.mapping';

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

  it('when a 出生医学证明 carries its 照面信息, then the parents as printed come with it', () => {
    // Arrange
    const record = {
      zzbs: 'z2',
      zzlxdm: 'CSZM',
      zzmc: '出生医学证明',
      zzbh: 'Q440100001',
      fzjg: '广州市妇女儿童医疗中心',
      fzrq: '20180101',
      yxqz: '长期',
      zt: '1' as const,
      zzxx: { xsexm: '张小明', fqxm: '张三', fqsfzh: '440106198001011234', mqxm: '李四', mqsfzh: '440106198201011220' },
    };

    // Act
    const licence = toLicenceOnFile(record);

    // Assert
    expect(licence.birthCertificate).toEqual({
      childName: '张小明',
      fatherName: '张三',
      fatherIdNumber: '440106198001011234',
      motherName: '李四',
      motherIdNumber: '440106198201011220',
    });
    expect(licence).not.toHaveProperty('household');
  });

  it('when a 户口簿 carries its 户号 and 与户主关系, then they read in our words; an unlisted relation is other', () => {
    // Arrange
    const record = {
      zzbs: 'z3',
      zzlxdm: 'HKB',
      zzmc: '居民户口簿',
      zzbh: '440106001234',
      fzjg: '广州市公安局天河分局',
      fzrq: '20150101',
      yxqz: '长期',
      zt: '1' as const,
    };

    // Act
    const [son, cousin, older] = [
      toLicenceOnFile({ ...record, zzxx: { hh: '440106001234', hzxm: '张三', yhzgx: '子' } }),
      toLicenceOnFile({ ...record, zzxx: { hh: '440106001234', hzxm: '张三', yhzgx: '其他' } }),
      toLicenceOnFile(record),
    ];

    // Assert
    expect(son.household).toEqual({ householdNo: '440106001234', headName: '张三', relationToHead: 'son' });
    expect(cousin.household?.relationToHead).toBe('other');
    expect(older).not.toHaveProperty('household');
  });

  it('when a residence file is translated, then registrations, the permit with its 签注 and its status read in our words', () => {
    // Arrange
    const record = {
      hjdqh: '430102',
      djxx: [
        { djbh: 'D1', jzdz: '天河区天河路1号', jzdzqh: '440106', djrq: '20250301', zt: '1' as const },
        { djbh: 'D0', jzdz: '海珠区江南大道2号', jzdzqh: '440105', djrq: '20230101', zt: '0' as const },
      ],
      jzz: {
        jzzh: '430102199501011226',
        qfjg: '广州市公安局天河分局',
        qfrq: '20250901',
        yxqz: '20280901',
        zt: '3' as const,
        qzjl: [{ qzrq: '20260815', zn: '20260901' }],
      },
    };

    // Act
    const [file, withoutPermit] = [toResidenceFile(record), toResidenceFile({ ...record, jzz: null })];

    // Assert
    expect(file).toEqual({
      hukouRegionCode: '430102',
      registrations: [
        { registeredOn: '2025-03-01', active: true, address: '天河区天河路1号', districtCode: '440106' },
        { registeredOn: '2023-01-01', active: false, address: '海珠区江南大道2号', districtCode: '440105' },
      ],
      permit: {
        number: '430102199501011226',
        issuer: '广州市公安局天河分局',
        issuedOn: '2025-09-01',
        validUntil: '2028-09-01',
        endorsements: [{ on: '2026-08-15', anniversary: '2026-09-01' }],
        statusCode: 'suspended',
      },
    });
    expect(withoutPermit).not.toHaveProperty('permit');
  });
});
