import { buildSeed } from './catalog-state';
import { expandItems } from './expand-items';
import { readCatalogTables } from './read-tables';
import {
  APPLICANT_ELEMENTS,
  CHOICE_FIELD_TYPES,
  FORM_FIELD_TYPES,
  type ApplicantElement,
  type FormFieldRecord,
  type ItemRecord,
} from './records';

/**
 * The data is the product here: these checks mirror the BFF's dialect
 * schema (catalog.dialect.ts) and the completeness the guide pages need,
 * without importing anything from the BFF.
 */
const tables = readCatalogTables();
const seed = buildSeed(tables);
const items = seed.items;
const packages = seed.packages;

const DIGITS = /^\d+$/;
const FLAG = /^[01]$/;

/** The type each applicant element (申请人身份要素) must have. */
const ELEMENT_TYPES: Readonly<Record<ApplicantElement, FormFieldRecord['zdlx']>> = {
  XM: 'TEXT',
  SFZH: 'SFZH',
  SJHM: 'SJHM',
  XB: 'RADIO',
  CSRQ: 'DATE',
};

/** Labels that name nobody in particular: such a field can only be the applicant's own, so it must say so. */
const BARE_PERSON_LABELS = ['姓名', '公民身份号码', '身份证号码', '手机号码', '性别'];

/** Problems with the applicant's identity in one form: each element at most once, typed right, one phone. */
function identityProblems(item: ItemRecord): string[] {
  const fields = item.bdjg.fz.flatMap((group) => group.zd);
  const problems: string[] = [];
  for (const field of fields) {
    if (field.sqrys === undefined) {
      if (BARE_PERSON_LABELS.includes(field.zdmc)) problems.push(`${field.zddm}: “${field.zdmc}” without sqrys`);
      continue;
    }
    if (!APPLICANT_ELEMENTS.includes(field.sqrys)) problems.push(`${field.zddm}: bad sqrys ${String(field.sqrys)}`);
    else if (field.zdlx !== ELEMENT_TYPES[field.sqrys]) problems.push(`${field.zddm}: ${field.sqrys} as ${field.zdlx}`);
    if (field.sqrys === 'XB' && (field.xx ?? []).map((o) => o.mc).join() !== '男,女') problems.push('sex options');
  }
  for (const element of APPLICANT_ELEMENTS) {
    const count = fields.filter((field) => field.sqrys === element).length;
    if (count > 1) problems.push(`${element} ${count} times`);
  }
  // The phone of an account without one (WeChat login) is typed here; the approval system needs a phone.
  if (!fields.some((field) => field.sqrys === 'SJHM')) problems.push('no applicant phone');
  return problems;
}

const DATE_BOUND = /^(\d{8}|T([+-]\d{1,5})?)$/;

/** A bound as days from the day of filing, on a fixed day (so absolute and relative bounds compare). */
function boundDays(bound: string): number {
  if (bound.startsWith('T')) return Number(bound.slice(1) || '0');
  const day = (value: string): number =>
    Date.UTC(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8)));
  return (day(bound) - day('20260101')) / 86_400_000;
}

/**
 * Date pickers run from rqxx to rqsx: every date field says both, past
 * events end today, birth dates run from 1900 to today, and nothing else
 * carries bounds.
 */
function dateBoundProblems(field: FormFieldRecord): string[] {
  const { rqxx, rqsx } = field;
  if (field.zdlx !== 'DATE') return rqxx || rqsx ? [`${field.zddm}: date bounds on a ${field.zdlx}`] : [];
  if (rqxx === undefined || rqsx === undefined) return [`${field.zddm}: date without rqxx and rqsx`];
  if (!DATE_BOUND.test(rqxx) || !DATE_BOUND.test(rqsx)) return [`${field.zddm}: bad date bounds`];
  const problems: string[] = [];
  if (boundDays(rqxx) > boundDays(rqsx)) problems.push(`${field.zddm}: rqxx after rqsx`);
  if ((field.sqrys === 'CSRQ' || field.zdmc.includes('出生')) && (rqxx !== '19000101' || rqsx !== 'T')) {
    problems.push(`${field.zddm}: a birth date runs from 19000101 to T`);
  }
  return problems;
}

function fieldProblems(field: FormFieldRecord): string[] {
  const problems: string[] = [];
  if (!/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/.test(field.zddm)) problems.push(`bad key ${field.zddm}`);
  if (!FORM_FIELD_TYPES.includes(field.zdlx)) problems.push(`bad type ${field.zdlx}`);
  if (!FLAG.test(field.bt)) problems.push('bad bt');
  if (CHOICE_FIELD_TYPES.includes(field.zdlx)) {
    const codes = (field.xx ?? []).map((option) => option.dm);
    if (codes.length === 0) problems.push(`${field.zddm}: choice without options`);
    if (new Set(codes).size !== codes.length) problems.push(`${field.zddm}: duplicate option codes`);
  } else if (field.xx) {
    problems.push(`${field.zddm}: options on a ${field.zdlx}`);
  }
  if (field.zzbds !== undefined) {
    try {
      new RegExp(field.zzbds);
    } catch {
      problems.push(`${field.zddm}: regex does not compile`);
    }
    if (!field.zzts) problems.push(`${field.zddm}: regex without message`);
  }
  for (const key of ['zxcd', 'zdcd'] as const) {
    const value = field[key];
    if (value !== undefined && !DIGITS.test(value)) problems.push(`${field.zddm}: ${key} not digits`);
  }
  if (field.zxcd && field.zdcd && Number(field.zxcd) > Number(field.zdcd))
    problems.push(`${field.zddm}: min > max length`);
  if (field.zxz && field.zdz && Number(field.zxz) > Number(field.zdz)) problems.push(`${field.zddm}: min > max value`);
  problems.push(...dateBoundProblems(field));
  return problems;
}

function itemProblems(item: ItemRecord): string[] {
  const problems: string[] = [];
  const lines = item.slxz.split('\n');
  if (item.slxz.trim() === '' || lines.some((line) => !/^\d+[.、]\S/.test(line))) problems.push('conditions');
  if (!item.sqcl.some((material) => material.clxz === '1')) problems.push('no required material');
  for (const material of item.sqcl) {
    if (
      !DIGITS.test(material.zzfs) ||
      !FLAG.test(material.dzzz) ||
      !FLAG.test(material.ybbz) ||
      !FLAG.test(material.kbbg)
    ) {
      problems.push(`material flags ${material.clmc}`);
    }
    if (material.dzzz === '1' && !material.dzzzmc) problems.push(`e-licence without name ${material.clmc}`);
    if (/\{\w+\}/.test(material.clmc)) problems.push(`unfilled placeholder ${material.clmc}`);
  }
  if (item.blcx.length < 2) problems.push('steps');
  const stepDays = item.blcx.reduce((sum, step) => sum + Number(step.hjsx ?? 0), 0);
  if (stepDays !== Number(item.cnbjsx)) problems.push(`steps take ${stepDays} days, promised ${item.cnbjsx}`);
  if (item.sdyj.length === 0) problems.push('legal basis');
  if (item.ckxx.length === 0) problems.push('halls');
  if (!item.zxdh || !item.jddh) problems.push('phones');
  if (!item.jgmc || !['证照', '批文', '其他'].includes(item.jglx)) problems.push('result');
  for (const key of ['cnbjsx', 'fdbjsx', 'dxcs', 'ybjl'] as const) {
    if (!DIGITS.test(item[key])) problems.push(`${key} not digits`);
  }
  if (Number(item.cnbjsx) > Number(item.fdbjsx)) problems.push('promised > statutory');
  if (item.bjlx !== (item.cnbjsx === '0' ? '1' : '2')) problems.push('bjlx does not match the promised days');
  if (!/^[123](,[123])*$/.test(item.blxs)) problems.push('blxs');
  if (item.sfsf === '1' && (!item.sfbz || !item.sfyj)) problems.push('fee without standard or basis');
  if (item.wszf === '1' && item.sfsf !== '1') problems.push('online payment for a free item');
  if (item.sfwb !== '1') problems.push('not online');
  if (!/^\d{14}$/.test(item.gxsj)) problems.push('gxsj');
  if (!/^[A-Z]{2,6}$/.test(item.jzdm)) problems.push('jzdm');
  const groups = item.bdjg.fz;
  if (groups.length < 1 || groups.length > 3 || groups.some((group) => group.zd.length === 0))
    problems.push('form groups');
  const fields = groups.flatMap((group) => group.zd);
  if (new Set(fields.map((field) => field.zddm)).size !== fields.length) problems.push('duplicate form field keys');
  problems.push(...fields.flatMap(fieldProblems));
  return problems;
}

describe('catalog data', () => {
  it('when the seed is expanded, then there are exactly 415 distinct online items with well-formed codes', () => {
    // Arrange
    const codes = items.map((item) => item.sxbm);

    // Act / Assert
    expect(items).toHaveLength(415);
    expect(new Set(codes).size).toBe(415);
    expect(new Set(items.map((item) => item.sxmc)).size).toBe(415);
    expect(codes.filter((code) => !/^[0-9A-Z]{12,40}$/.test(code))).toEqual([]);
    expect(items.every((item) => item.sfwb === '1')).toBe(true);
  });

  it('when every item guide is checked, then each is complete and consistent', () => {
    // Arrange / Act
    const problems = items
      .map((item) => ({ item: item.sxmc, problems: itemProblems(item) }))
      .filter((entry) => entry.problems.length > 0);

    // Assert
    expect(problems).toEqual([]);
  });

  it("when the forms are checked, then the applicant's identity is declared once per element and nobody else's is", () => {
    // Arrange / Act
    const problems = items
      .map((item) => ({ item: item.sxmc, problems: identityProblems(item) }))
      .filter((entry) => entry.problems.length > 0);

    // Assert
    expect(problems).toEqual([]);
  });

  it('when levels are checked, then certificates, permits, household records, vehicles and licences need 实人', () => {
    // Arrange
    const lowered = items.filter((item) => item.rzdj === '2');

    // Act
    const tooLow = lowered.filter(
      (item) => item.jglx === '证照' || item.sxlx === '行政许可' || ['HZ', 'JG'].includes(item.jzdm),
    );

    // Assert
    expect(items.filter((item) => item.rzdj !== '2' && item.rzdj !== '3')).toEqual([]);
    expect(tooLow.map((item) => item.sxmc)).toEqual([]);
    expect(lowered.map((item) => item.sxmc)).toEqual(
      expect.arrayContaining(['禁毒教育基地参观预约（个人）', '出入境证件办理预约']),
    );
    expect(items.find((item) => item.sxmc === '居民身份证有效期满换领')?.rzdj).toBe('3');
  });

  it('when 代办方式 is checked, then family may file the residence and household-record items, guardians the minors’ documents, and nobody else the personal ones', () => {
    // Arrange
    const dbfsOf = (name: string): string | undefined => items.find((item) => item.sxmc === name)?.dbfs;
    const allowing = items.filter((item) => item.dbfs !== '0');
    const householdProofs = items.filter((item) => item.zxmc === '户籍证明');

    // Act
    const proofForChild = items.find((item) => item.sxmc === '户籍证明（户籍信息证明）');

    // Assert
    expect(items.filter((item) => !['0', '1', '2'].includes(item.dbfs))).toEqual([]);
    expect(allowing.length).toBeGreaterThanOrEqual(15);
    expect(householdProofs.length).toBeGreaterThan(1);
    expect(householdProofs.filter((item) => item.dbfs !== '2').map((item) => item.sxmc)).toEqual([]);
    // The E2E files this one for a child: it must be allowed for family and fully online.
    expect(proofForChild).toMatchObject({ dbfs: '2', sfwb: '1', wbsd: '4' });
    for (const name of ['居住登记申报', '居住证申领', '居住证签注', '居住证补领', '居住证换领', '居民户口簿补领']) {
      expect([name, dbfsOf(name)]).toEqual([name, '2']);
    }
    for (const name of ['普通护照首次申领', '往来港澳通行证首次申领', '居民身份证首次申领']) {
      expect([name, dbfsOf(name)]).toEqual([name, '1']);
    }
    for (const name of [
      '电子居住证申领',
      '居民身份网络可信凭证（申领）',
      '机动车驾驶证期满换证',
      '出租屋居住登记代为申报',
    ]) {
      expect([name, dbfsOf(name)]).toEqual([name, '0']);
    }
  });

  it('when the packages are checked, then there are at least 40 with unique codes and real police members', () => {
    // Arrange
    const byCode = new Map(items.map((item) => [item.sxbm, item]));

    // Act
    const badMembers = packages.flatMap((pkg) =>
      pkg.cyx
        .filter((member) => {
          const item = byCode.get(member.sxbm);
          return member.sfga === '1'
            ? !item || item.sxmc !== member.sxmc || item.ssjg !== member.blbm
            : item !== undefined || !/^[0-9A-Z]{31}$/.test(member.sxbm);
        })
        .map((member) => `${pkg.yjsmc}: ${member.sxmc}`),
    );

    // Assert
    expect(packages.length).toBeGreaterThanOrEqual(40);
    // The first 24 codes were published before the list grew: they must not change.
    for (let n = 1; n <= 24; n++) {
      expect(packages.some((pkg) => pkg.yjsbm.startsWith(`YJS${String(n).padStart(3, '0')}`))).toBe(true);
    }
    expect(packages.map((pkg) => pkg.yjsbm)).toEqual(expect.arrayContaining(['YJS001CS', 'YJS024KS']));
    expect(new Set(packages.map((pkg) => pkg.yjsbm)).size).toBe(packages.length);
    expect(packages.filter((pkg) => !/^YJS[0-9A-Z]{3,20}$/.test(pkg.yjsbm))).toEqual([]);
    expect(packages.filter((pkg) => pkg.cyx.length < 2 || !pkg.cyx.some((m) => m.sfga === '1'))).toEqual([]);
    expect(packages.filter((pkg) => pkg.cyx.some((member, index) => member.xh !== String(index + 1)))).toEqual([]);
    expect(badMembers).toEqual([]);
  });

  it('when categories are counted, then every police type and every life event is used', () => {
    // Arrange
    const policeTypes = new Set(items.map((item) => item.jzdm));
    const events = new Set([
      ...items.flatMap((item) => item.shsj.map((event) => event.dm)),
      ...packages.flatMap((pkg) => (pkg.shsj ? [pkg.shsj.dm] : [])),
    ]);

    // Act / Assert
    expect([...policeTypes].sort()).toEqual(Object.keys(tables.meta.policeTypes).sort());
    expect([...events].sort()).toEqual(Object.keys(tables.meta.lifeEvents).sort());
  });

  it('when the families are listed in another order, then every item keeps its code', () => {
    // Arrange
    const reordered = {
      ...tables,
      itemFiles: [...tables.itemFiles].reverse().map((file) => ({ ...file, families: [...file.families].reverse() })),
    };

    // Act
    const codes = new Map(expandItems(reordered).map((item) => [item.ref, item.record.sxbm]));

    // Assert
    expect(expandItems(tables).filter((item) => codes.get(item.ref) !== item.record.sxbm)).toEqual([]);
    expect(codes.get('SFZ/002')).toBe('1144010000750226540700101000002');
  });

  it('when popularity is compared, then the everyday items are the hot ones', () => {
    // Arrange
    const volume = (name: string): number => Number(items.find((item) => item.sxmc === name)?.ybjl ?? -1);
    const volumes = items.map((item) => Number(item.ybjl)).sort((a, b) => a - b);
    const median = volumes[Math.floor(volumes.length / 2)] ?? 0;

    // Act / Assert
    for (const hot of [
      '居民身份证有效期满换领',
      '往来港澳个人旅游（香港）签注',
      '机动车驾驶证期满换证',
      '无犯罪记录证明开具（本人申请）',
      '居住证申领',
    ]) {
      expect(volume(hot)).toBeGreaterThan(median * 20);
    }
  });
});
