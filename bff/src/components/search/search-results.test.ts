import type { ItemSummary, PackageSummary } from '@suijing/shared';
import type { SearchTarget } from '../catalog/catalog';
import { groupByFamily } from './search-results';

function item(code: string, family: string, situation: string): SearchTarget {
  const summary: ItemSummary = {
    code,
    name: `${family}${situation}`,
    family,
    situation,
    policeType: { code: 'CRJ', name: '出入境' },
    lifeEvents: [],
    department: '广州市公安局出入境管理支队',
    itemType: '行政许可',
    promisedDays: 7,
    visits: 1,
    charged: true,
    onlineDepth: '全程网办',
    monthlyVolume: 100,
  };
  return { kind: 'item', item: summary };
}

function pkg(code: string, name: string): SearchTarget {
  const summary: PackageSummary = {
    code,
    name,
    description: `${name}，一次办好`,
    leadDepartment: '广州市政务服务数据管理局',
    departments: ['广州市政务服务数据管理局', '广州市公安局'],
    memberCount: 3,
    promisedDays: 5,
    visits: 0,
  };
  return { kind: 'package', package: summary };
}

const SIZES = new Map([
  ['普通护照', 3],
  ['居民身份证', 1],
]);

describe('search results grouped by family', () => {
  it('when variants of one family are ranked apart, then they become one result at the place of the best', () => {
    // Arrange
    const ranked = [
      item('p1', '普通护照', '首次申领'),
      item('id', '居民身份证', '换领'),
      item('p2', '普通护照', '补领'),
    ];

    // Act
    const hits = groupByFamily(ranked, SIZES);

    // Assert
    expect(hits.map((hit) => (hit.kind === 'item' ? hit.item.code : hit.package.code))).toEqual(['p1', 'id']);
    const passport = hits[0];
    expect(passport?.kind === 'item' && passport.family).toEqual({
      name: '普通护照',
      situationCount: 3,
      matched: [expect.objectContaining({ code: 'p2' })],
    });
  });

  it('when a family has one variant only, then its result carries no family group', () => {
    // Act
    const [hit] = groupByFamily([item('id', '居民身份证', '换领')], SIZES);

    // Assert
    expect(hit).toEqual({ kind: 'item', item: expect.objectContaining({ code: 'id' }) });
  });

  it('when only one variant of a larger family matched, then the group still says how many variants there are', () => {
    // Act
    const [hit] = groupByFamily([item('p3', '普通护照', '换发')], SIZES);

    // Assert
    expect(hit?.kind === 'item' && hit.family).toEqual({ name: '普通护照', situationCount: 3, matched: [] });
  });

  it('when packages are ranked among items, then each stands alone in its place', () => {
    // Arrange
    const ranked = [
      pkg('YJS001', '新生儿出生一件事'),
      item('p1', '普通护照', '首次申领'),
      pkg('YJS002', '结婚一件事'),
      item('p2', '普通护照', '补领'),
    ];

    // Act
    const hits = groupByFamily(ranked, SIZES);

    // Assert
    expect(hits.map((hit) => (hit.kind === 'item' ? hit.item.code : hit.package.code))).toEqual([
      'YJS001',
      'p1',
      'YJS002',
    ]);
    expect(hits[2]).toEqual({ kind: 'package', package: expect.objectContaining({ name: '结婚一件事' }) });
  });

  it('when nothing is ranked, then there are no results', () => {
    expect(groupByFamily([], SIZES)).toEqual([]);
  });
});
