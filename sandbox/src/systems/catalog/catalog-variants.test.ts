import { buildSeed } from './catalog-state';
import { readCatalogTables } from './read-tables';
import type { ItemRecord } from './records';
import { SERVICE_OBJECTS } from './tables';

/**
 * A domain review found 情形 variants carrying text copied from a sibling
 * (a first application's fee, a company set-up's conditions, a group rule on
 * an individual booking, a hukou rule on nationwide certificates). These
 * checks keep each of those from coming back, plus the guide fields the
 * provincial portal shows (服务对象, 数量限制, 不予受理情形, 中介服务, 特别程序,
 * 结果样本, 常见问题).
 */
const tables = readCatalogTables();
const items = buildSeed(tables).items;

function item(name: string): ItemRecord {
  const found = items.find((candidate) => candidate.sxmc === name);
  if (!found) throw new Error(`no item ${name}`);
  return found;
}

const conditions = (record: ItemRecord): string[] =>
  record.slxz.split('\n').map((line) => line.replace(/^\d+[.、]/, ''));
const materials = (record: ItemRecord): string => record.sqcl.map((material) => material.clmc).join('|');

describe('catalog variants', () => {
  it('when 普通护照加注 is read, then it is free while the passports themselves charge the passport fee', () => {
    // Act
    const annotation = item('普通护照加注');
    const first = item('普通护照首次申领');

    // Assert
    expect(annotation.sfsf).toBe('0');
    expect(annotation).not.toHaveProperty('sfbz');
    expect(annotation.wszf).toBe('0');
    expect(first.sfsf).toBe('1');
    expect(materials(annotation)).not.toContain('相片');
  });

  it('when 保安服务公司 filings are read, then none carries the set-up conditions or materials, each has its own', () => {
    // Arrange
    const setUp = item('保安服务公司设立许可');
    const filings = [
      '分公司备案',
      '名称、住所、注册资本变更备案',
      '跨区域经营备案',
      '许可证补发',
      '法定代表人变更审核',
    ].map((situation) => item(`保安服务公司${situation}`));

    // Act
    const copied = filings.filter(
      (filing) =>
        conditions(filing).some((line) => conditions(setUp).includes(line)) ||
        filing.sqcl.some((material) => material.clmc.startsWith('注册资本证明')),
    );

    // Assert
    expect(copied.map((filing) => filing.sxmc)).toEqual([]);
    const branch = materials(item('保安服务公司分公司备案'));
    for (const needed of ['分公司营业执照', '总公司保安服务许可证', '分公司负责人']) expect(branch).toContain(needed);
    const change = materials(item('保安服务公司名称、住所、注册资本变更备案'));
    for (const needed of ['变更后的营业执照', '原保安服务许可证']) expect(change).toContain(needed);
  });

  it('when 检验合格标志补领 is read, then its conditions are about a lost mark on an inspected vehicle, not applying', () => {
    // Act
    const replacement = item('机动车检验合格标志补领');

    // Assert
    expect(replacement.slxz).toMatch(/灭失、丢失或者损毁/);
    expect(replacement.slxz).toMatch(/检验有效期内/);
    expect(replacement.slxz).not.toMatch(/有效期满前三个月内申请/);
  });

  it('when 禁毒教育基地 bookings are read, then individuals have their own rule and only groups have the group size', () => {
    // Act
    const single = item('禁毒教育基地参观预约（个人）');
    const group = item('禁毒教育基地参观预约（团体）');
    const labels = (record: ItemRecord) => record.bdjg.fz.flatMap((g) => g.zd.map((field) => field.zdmc));

    // Assert
    expect(single.slxz).not.toMatch(/团体|批次|\d+人/);
    expect(single.slxz).toMatch(/个人预约/);
    expect(group.slxz).toMatch(/10至50人/);
    expect([...labels(single), ...labels(group)]).not.toEqual(expect.arrayContaining(['会见日期']));
    expect(labels(single)).not.toContain('参观人数');
  });

  it('when passports and permits are read, then they are nationwide without a Guangzhou hukou or residence permit', () => {
    // Arrange
    const certificates = items.filter((record) =>
      ['普通护照', '往来港澳通行证', '往来台湾通行证'].includes(record.zxmc),
    );

    // Act
    const local = certificates.filter(
      (record) =>
        /广州市户籍居民，或在广州市办理居住证|广东省户籍|须持.*居住证/.test(record.slxz) ||
        record.kytb !== '2' ||
        !/全国通办/.test(record.kytbsm ?? ''),
    );

    // Assert
    expect(certificates.length).toBeGreaterThan(15);
    expect(local.map((record) => record.sxmc)).toEqual([]);
    expect(item('普通护照首次申领').slxz).toMatch(/2019年4月1日/);
    const tour = item('往来港澳个人旅游（香港）签注');
    expect(tour.slxz).toMatch(/居住证/);
    expect(tour.kytb).not.toBe('2');
    expect(item('往来港澳团队旅游（香港）签注').kytb).toBe('2');
  });

  it("when a 注销 or 撤销 variant, or an organisation's 补证, is compared with its family's first variant, then it has its own conditions", () => {
    // Arrange
    const families = new Map<string, ItemRecord[]>();
    for (const record of items) families.set(record.zxmc, [...(families.get(record.zxmc) ?? []), record]);

    // Act
    const copied = [...families.values()].flatMap(([first, ...rest]) =>
      rest
        .filter((record) => !/证明$/.test(record.qxmc ?? ''))
        .filter(
          (record) =>
            /注销|撤销|缴销/.test(record.qxmc ?? '') ||
            (/补证|补发/.test(record.qxmc ?? '') && !record.fwdx.includes('自然人')),
        )
        .filter(() => first !== undefined && !/注销|撤销|补/.test(first.qxmc ?? ''))
        .filter((record) => record.slxz === first?.slxz)
        .map((record) => record.sxmc),
    );

    // Assert
    expect(copied).toEqual([]);
  });

  it('when the portal notice fields are checked, then every guide has them in the dialect form', () => {
    // Arrange
    const allowed: readonly string[] = SERVICE_OBJECTS;

    // Act
    const problems = items.flatMap((record) => {
      const found: string[] = [];
      const objects = record.fwdx.split(',');
      if (objects.length === 0 || objects.some((object) => !allowed.includes(object))) found.push('fwdx');
      if (!record.slxd.trim() || !record.zjfw.trim()) found.push('slxd/zjfw');
      const refusals = record.byslqx.split('\n');
      if (refusals.length < 4 || refusals.some((line) => !/^\d+[.、]\S/.test(line))) found.push('byslqx');
      if (record.tbcx.some((step) => !step.cxmc || !step.cxsm || (step.cxsx !== undefined && !/^\d+$/.test(step.cxsx))))
        found.push('tbcx');
      if ((record.jgyb === '1') !== Boolean(record.jgybsm)) found.push('jgyb without jgybsm or the reverse');
      if (record.jglx === '证照' && record.jgyb !== '1') found.push('证照 without a sample');
      if (record.jglx === '其他' && record.jgyb !== '0') found.push('a receipt with a sample');
      if (record.cjwt.some((faq) => !faq.wt.trim().endsWith('？') || faq.jd.trim().length < 8)) found.push('cjwt');
      return found.map((problem) => `${record.sxmc}: ${problem}`);
    });

    // Assert
    expect(problems).toEqual([]);
  });

  it('when FAQs are counted, then the 30 busiest families have at least two of their own and none is shared filler', () => {
    // Arrange
    const volume = new Map<string, number>();
    const faqs = new Map<string, string[]>();
    for (const record of items) {
      volume.set(record.zxmc, (volume.get(record.zxmc) ?? 0) + Number(record.ybjl));
      faqs.set(
        record.zxmc,
        record.cjwt.map((faq) => faq.wt),
      );
    }
    const busiest = [...volume.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([family]) => family);

    // Act
    const short = busiest.filter((family) => (faqs.get(family) ?? []).length < 2);
    const questions = [...faqs.values()].flat();

    // Assert
    expect(short).toEqual([]);
    expect(new Set(questions).size).toBe(questions.length);
  });
});
