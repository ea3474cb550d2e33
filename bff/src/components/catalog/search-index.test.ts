import { SearchIndex, type SearchableItem } from './search-index';

const item = (name: string, family: string, extra: Partial<SearchableItem> = {}): SearchableItem => ({
  name,
  family,
  aliases: [],
  policeTypeName: '户政',
  lifeEventNames: [],
  monthlyVolume: 100,
  ...extra,
});

const ITEMS: SearchableItem[] = [
  item('居民身份证首次申领', '居民身份证', { aliases: ['身份证', '二代证'], monthlyVolume: 3000 }),
  item('居民身份证换领', '居民身份证', { aliases: ['身份证', '二代证'], monthlyVolume: 40000 }),
  item('居民身份证补领', '居民身份证', { aliases: ['身份证'], monthlyVolume: 20000 }),
  item('往来港澳通行证个人旅游签注', '往来港澳通行证签注', { policeTypeName: '出入境', monthlyVolume: 50000 }),
  item('往来港澳通行证首次申领', '往来港澳通行证', { policeTypeName: '出入境', monthlyVolume: 9000 }),
  item('机动车驾驶证期满换证', '机动车驾驶证', { aliases: ['驾照'], policeTypeName: '交管', monthlyVolume: 30000 }),
  item('无犯罪记录证明', '无犯罪记录证明', { policeTypeName: '治安', monthlyVolume: 25000 }),
  item('二手车转移登记', '机动车转移登记', { policeTypeName: '交管', lifeEventNames: ['置业'] }),
  item('养犬登记', '养犬登记', { policeTypeName: '治安' }),
];

const names = (index: SearchIndex, query: string) => index.search(query).map((i) => ITEMS[i]?.name);

describe('catalog search', () => {
  const index = new SearchIndex(ITEMS);

  it('when the words appear anywhere in a name, then the item is found, the most requested variant first', () => {
    // Act
    const found = names(index, '身份证');

    // Assert
    expect(found.slice(0, 3)).toEqual(['居民身份证换领', '居民身份证补领', '居民身份证首次申领']);
  });

  it('when the query is the exact name, then that item ranks above more popular partial matches', () => {
    expect(names(index, '居民身份证补领')[0]).toBe('居民身份证补领');
  });

  it('when pinyin initials are typed, then names and aliases are matched by them', () => {
    expect(names(index, 'sfz').slice(0, 3)).toEqual(['居民身份证换领', '居民身份证补领', '居民身份证首次申领']);
    expect(names(index, 'wfzjlzm')).toEqual(['无犯罪记录证明']);
  });

  it('when full pinyin is typed, then it matches too', () => {
    expect(names(index, 'yangquan')).toEqual(['养犬登记']);
  });

  it('when a colloquial word is used, then the catalog word is searched as well', () => {
    expect(names(index, '港澳')[0]).toBe('往来港澳通行证个人旅游签注');
    expect(names(index, '良民证')).toEqual(['无犯罪记录证明']);
    expect(names(index, '过户')).toEqual(['二手车转移登记']);
    expect(names(index, '驾照过期')).toEqual(['机动车驾驶证期满换证']);
  });

  it('when the words come in another order, then every character present still finds the item', () => {
    expect(names(index, '换身份证')[0]).toBe('居民身份证换领');
    expect(names(index, '身份证丢了')[0]).toBe('居民身份证补领');
  });

  it('when several terms are given, then an item must match all of them', () => {
    expect(names(index, '身份证 补领')).toEqual(['居民身份证补领']);
  });

  it('when full-width letters or punctuation are typed, then they are normalised', () => {
    expect(names(index, 'ＳＦＺ')).toEqual(names(index, 'sfz'));
    expect(names(index, '《身份证》')).toEqual(names(index, '身份证'));
  });

  it('when nothing matches, then the result is empty', () => {
    expect(names(index, '火箭发射许可')).toEqual([]);
    expect(names(index, 'qqqq')).toEqual([]);
    expect(names(index, '   ')).toEqual([]);
  });
});
