import type { PackageRecord } from './catalog.dialect';
import { itemRecord } from './catalog.fixtures';
import { splitNumberedLines, toItemGuide, toPackageDetail } from './catalog.mapping';

describe('catalog dialect translation', () => {
  it('when a record says who may file for another, then 代办方式 reads none, minors or family; absent is none', () => {
    // Arrange
    const records = [itemRecord({ dbfs: '0' }), itemRecord({ dbfs: '1' }), itemRecord({ dbfs: '2' }), itemRecord()];

    // Act
    const onBehalf = records.map((record) => toItemGuide(record).onBehalf);

    // Assert
    expect(onBehalf).toEqual(['none', 'minors', 'family', 'none']);
  });

  it('when a guide is translated, then flags, numbers, lists and codes become plain Chinese-labelled data', () => {
    // Act
    const guide = toItemGuide(itemRecord());

    // Assert
    expect(guide).toMatchObject({
      code: '11440100007502082X0700001001001',
      policeType: { code: 'hz', name: '户政' },
      lifeEvents: [{ code: 'cx', name: '出行' }],
      caseType: 'promised',
      promisedDays: 15,
      statutoryDays: 60,
      visits: 1,
      channels: ['网上办理', '窗口办理'],
      fee: { charged: true, standard: '20元/证' },
      onlineDepth: '网上受理',
      crossRegion: { scope: 'national', description: '跨省通办' },
      aliases: ['身份证', '二代证'],
      conditions: ['有效期满', '证件损坏无法辨认', '登记项目变更'],
      updatedAt: '2026-11-01T01:30:00.000Z',
    });
    expect(guide.materials[0]).toMatchObject({
      necessity: 'required',
      eLicence: { reusable: true, name: '居民户口簿' },
    });
    expect(guide.materials[1]).toEqual(
      expect.objectContaining({ necessity: 'waivable', eLicence: { reusable: false }, paperCopies: 1 }),
    );
    expect(guide.materials[1]).not.toHaveProperty('note');
    expect(guide.steps[0]).not.toHaveProperty('days');
    expect(guide.steps[1]?.days).toBe(1);
  });

  it('when a guide carries the portal notice fields, then lists, procedures, the sample and FAQs come through trimmed', () => {
    // Act
    const guide = toItemGuide(itemRecord());

    // Assert
    expect(guide.serviceObjects).toEqual(['自然人', '企业法人']);
    expect(guide.quantityLimit).toBe('每人只能持有一个有效的居民身份证');
    expect(guide.refusalCases).toEqual([
      '申请事项依法不属于本机关职权范围的。',
      '申请人隐瞒有关情况或者提供虚假材料的。',
    ]);
    expect(guide.intermediaryService).toBe('无');
    expect(guide.specialProcedures).toEqual([
      { name: '现场核查', description: '实地核查经营场所', days: 5 },
      { name: '公示', description: '结果公示' },
    ]);
    expect(guide.result).toEqual({
      name: '居民身份证',
      type: '证照',
      sample: { available: true, description: '居民身份证（证件式样）' },
    });
    expect(guide.faqs).toEqual([
      { question: '身份证有效期满前多久可以换领？', answer: '有效期满前三个月内即可申请换领。' },
    ]);
  });

  it('when an older record has none of the notice fields, then the guide has empty lists, no sample and no limits', () => {
    // Arrange
    const {
      fwdx: _a,
      slxd: _b,
      byslqx: _c,
      zjfw: _d,
      tbcx: _e,
      jgyb: _f,
      jgybsm: _g,
      cjwt: _h,
      ...older
    } = itemRecord();

    // Act
    const guide = toItemGuide(older);

    // Assert
    expect(guide).toMatchObject({ serviceObjects: [], refusalCases: [], specialProcedures: [], faqs: [] });
    expect(guide.result.sample).toEqual({ available: false });
    expect(guide).not.toHaveProperty('quantityLimit');
    expect(guide).not.toHaveProperty('intermediaryService');
  });

  it('when a form is translated, then types, rules and identity map, and a pattern that does not compile is dropped', () => {
    const [name, reason, bad] = toItemGuide(itemRecord()).form.sections[0]?.fields ?? [];

    expect(name).toEqual({ key: 'xm', label: '姓名', type: 'text', required: true, maxLength: 30, identity: 'name' });
    expect(reason?.options).toEqual([{ value: '1', label: '有效期满' }]);
    expect(reason).not.toHaveProperty('identity');
    expect(bad).not.toHaveProperty('pattern');
  });

  it("when fields declare the applicant's identity elements, then each becomes its kind", () => {
    // Arrange
    const record = itemRecord({
      bdjg: {
        bbh: 'F2',
        fz: [
          {
            fzmc: '申请人信息',
            zd: [
              { zddm: 'sfzh', zdmc: '公民身份号码', zdlx: 'SFZH', bt: '1', sqrys: 'SFZH' },
              { zddm: 'sjhm', zdmc: '手机号码', zdlx: 'SJHM', bt: '1', sqrys: 'SJHM' },
              { zddm: 'xb', zdmc: '性别', zdlx: 'RADIO', bt: '1', sqrys: 'XB', xx: [{ dm: '1', mc: '男' }] },
              { zddm: 'csrq', zdmc: '出生日期', zdlx: 'DATE', bt: '1', sqrys: 'CSRQ' },
              { zddm: 'mq_sfzh', zdmc: '母亲公民身份号码', zdlx: 'SFZH', bt: '1' },
            ],
          },
        ],
      },
    });

    // Act
    const fields = toItemGuide(record).form.sections[0]?.fields ?? [];

    // Assert
    expect(fields.map((field) => field.identity)).toEqual(['idNumber', 'phone', 'sex', 'birthDate', undefined]);
  });

  it('when date fields carry bounds, then a day becomes a date and T±n the days from the day of filing', () => {
    // Arrange
    const record = itemRecord({
      bdjg: {
        bbh: 'F2',
        fz: [
          {
            fzmc: '预约信息',
            zd: [
              { zddm: 'bb_csrq', zdmc: '出生日期', zdlx: 'DATE', bt: '1', rqxx: '19000101', rqsx: 'T' },
              { zddm: 'yjsj', zdmc: '预约办理日期', zdlx: 'DATE', bt: '0', rqxx: 'T+1', rqsx: 'T+7' },
              { zddm: 'tjrq', zdmc: '体检日期', zdlx: 'DATE', bt: '1', rqxx: 'T-365', rqsx: 'T' },
              { zddm: 'dsrq', zdmc: '丢失日期', zdlx: 'DATE', bt: '0' },
            ],
          },
        ],
      },
    });

    // Act
    const fields = toItemGuide(record).form.sections[0]?.fields ?? [];

    // Assert
    expect(fields.map((field) => [field.earliest, field.latest])).toEqual([
      ['1900-01-01', 0],
      [1, 7],
      [-365, 0],
      [undefined, undefined],
    ]);
    expect(fields[3]).not.toHaveProperty('earliest');
  });

  it('when a material is exempt online, then the guide says whether the online form is it or it is supplied', () => {
    // Arrange
    const base = itemRecord().sqcl[1];
    if (!base) throw new Error('fixture without a second material');
    const record = itemRecord({
      sqcl: [
        { ...base, clmc: '《机动车登记业务申请表》', wsmtj: '1' },
        { ...base, clmc: '抵押权人出具的解除抵押书面材料', wsmtj: '2' },
        { ...base, clmc: '机动车登记证书' },
      ],
    });

    // Act
    const materials = toItemGuide(record).materials;

    // Assert
    expect(materials.map((material) => material.onlineExemption)).toEqual(['form', 'shared', undefined]);
    expect(materials[2]).not.toHaveProperty('onlineExemption');
  });

  it('when an item says 实名 is enough, then it is L2; 实人 or no level at all, L3', () => {
    // Arrange
    const { rzdj: _absent, ...withoutLevel } = itemRecord();

    // Act / Assert
    expect(toItemGuide(itemRecord({ rzdj: '2' })).assurance).toBe('L2');
    expect(toItemGuide(itemRecord({ rzdj: '3' })).assurance).toBe('L3');
    expect(toItemGuide(withoutLevel).assurance).toBe('L3');
  });

  it('when conditions are one numbered text block, then each numbered line becomes one condition', () => {
    expect(splitNumberedLines('1.年满16周岁；2.本市户籍')).toEqual(['年满16周岁', '本市户籍']);
    expect(splitNumberedLines('无特殊条件')).toEqual(['无特殊条件']);
  });

  it('when a package lists members out of order, then they come in order, and only catalog items count as police items', () => {
    // Arrange
    const record: PackageRecord = {
      yjsbm: 'YJS001',
      yjsmc: '新生儿出生一件事',
      yjsms: '出生医学证明、户口登记、医保参保一次办',
      shsj: { dm: 'CS', mc: '出生' },
      qtbm: '广州市卫生健康委员会',
      cnbjsx: '5',
      dxcs: '0',
      slxz: '1.在本市出生',
      zxdh: '12345',
      cyx: [
        { xh: '2', sxbm: '11440100007502082X0700001001001', sxmc: '出生登记', blbm: '广州市公安局', sfga: '1' },
        { xh: '1', sxbm: '1144010000WJW0001', sxmc: '出生医学证明', blbm: '广州市卫生健康委员会', sfga: '0' },
        { xh: '3', sxbm: 'NOTINCATALOG00001', sxmc: '户口迁入', blbm: '广州市公安局', sfga: '1' },
      ],
      gxsj: '20261101093000',
    };

    // Act
    const detail = toPackageDetail(record, (code) => code === '11440100007502082X0700001001001');

    // Assert
    expect(detail.members.map((m) => [m.order, m.itemName, m.police])).toEqual([
      [1, '出生医学证明', false],
      [2, '出生登记', true],
      [3, '户口迁入', false],
    ]);
    expect(detail.departments).toEqual(['广州市卫生健康委员会', '广州市公安局']);
    expect(detail.lifeEvent).toEqual({ code: 'cs', name: '出生' });
  });
});
