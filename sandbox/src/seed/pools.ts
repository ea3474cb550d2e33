/**
 * Material the seed generator draws from: common Guangdong surnames, given
 * names, and the districts of Guangzhou with their GB/T 2260 codes (the
 * first six digits of a resident ID).
 */

export const SURNAMES = [
  '陈',
  '李',
  '黄',
  '张',
  '梁',
  '林',
  '刘',
  '吴',
  '何',
  '罗',
  '郭',
  '杨',
  '郑',
  '谢',
  '冯',
] as const;

export const MALE_GIVEN_NAMES = ['伟', '建国', '志强', '俊杰', '浩然', '子轩', '国华', '永明', '家豪', '文杰'] as const;

export const FEMALE_GIVEN_NAMES = [
  '秀英',
  '丽娟',
  '婷婷',
  '静怡',
  '晓燕',
  '美玲',
  '雅琪',
  '欣怡',
  '慧敏',
  '嘉欣',
] as const;

export const GUANGZHOU_DISTRICTS = [
  { code: '440103', name: '广东省广州市荔湾区' },
  { code: '440104', name: '广东省广州市越秀区' },
  { code: '440105', name: '广东省广州市海珠区' },
  { code: '440106', name: '广东省广州市天河区' },
  { code: '440111', name: '广东省广州市白云区' },
  { code: '440112', name: '广东省广州市黄埔区' },
  { code: '440113', name: '广东省广州市番禺区' },
  { code: '440114', name: '广东省广州市花都区' },
  { code: '440115', name: '广东省广州市南沙区' },
  { code: '440118', name: '广东省广州市增城区' },
] as const;

/** Prefixes of mainland mobile numbers (China Mobile, Unicom, Telecom). */
export const MOBILE_PREFIXES = [
  '138',
  '139',
  '135',
  '136',
  '137',
  '150',
  '158',
  '186',
  '187',
  '189',
  '177',
  '199',
] as const;

/** Characters of WeChat openids and unionids. */
export const OPENID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
