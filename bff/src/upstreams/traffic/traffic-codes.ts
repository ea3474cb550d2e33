import type { Severity, VehicleSummary } from '@suijing/shared';

/**
 * The traffic system's code tables (GA 16, GA 24 and the 车驾管 status
 * letters of DOMAIN.md) in the words a citizen reads, each status with how
 * much it should worry them.
 */

export type Word = readonly [text: string, severity: Severity];

export const LICENCE_STATUS: Readonly<Record<string, Word>> = {
  A: ['正常', 'ok'],
  B: ['超分', 'danger'],
  C: ['转出', 'warning'],
  D: ['暂扣', 'danger'],
  E: ['撤销', 'danger'],
  F: ['吊销', 'danger'],
  G: ['注销', 'danger'],
  H: ['违法未处理', 'warning'],
  I: ['事故未处理', 'warning'],
  J: ['停止使用', 'danger'],
  K: ['协查', 'warning'],
  L: ['锁定', 'warning'],
  M: ['逾期未换证', 'danger'],
  N: ['延期换证', 'notice'],
  P: ['延期体检', 'notice'],
  R: ['注销可恢复', 'danger'],
  S: ['逾期未审验', 'danger'],
  T: ['延期审验', 'notice'],
  U: ['扣留', 'danger'],
};

export const VEHICLE_STATUS: Readonly<Record<string, Word>> = {
  A: ['正常', 'ok'],
  B: ['转出', 'warning'],
  C: ['被盗抢', 'danger'],
  D: ['停驶', 'notice'],
  E: ['注销', 'danger'],
  G: ['违法未处理', 'warning'],
  H: ['海关监管', 'notice'],
  I: ['事故未处理', 'warning'],
  J: ['嫌疑车', 'danger'],
  K: ['查封', 'danger'],
  L: ['暂扣', 'danger'],
  M: ['强制注销', 'danger'],
  N: ['事故逃逸', 'danger'],
  O: ['锁定', 'warning'],
  P: ['达到报废标准', 'danger'],
  Q: ['逾期未检验', 'danger'],
};

type PlateColour = VehicleSummary['plateColour'];

/** 号牌种类 (GA 24.7): its name and the background of the real plate. */
export const PLATE_KINDS: Readonly<Record<string, readonly [name: string, colour: PlateColour]>> = {
  '01': ['大型汽车', 'yellow'],
  '02': ['小型汽车', 'blue'],
  '03': ['使馆汽车', 'black'],
  '05': ['境外汽车', 'black'],
  '06': ['外籍汽车', 'black'],
  '07': ['普通摩托车', 'yellow'],
  '08': ['轻便摩托车', 'blue'],
  '13': ['低速车', 'yellow'],
  '15': ['挂车', 'yellow'],
  '16': ['教练汽车', 'yellow'],
  '23': ['警用汽车', 'white'],
  '51': ['大型新能源汽车', 'yellow-green'],
  '52': ['小型新能源汽车', 'green'],
};

/** 车身颜色 (GA 24.8). */
export const BODY_COLOURS: Readonly<Record<string, string>> = {
  A: '白',
  B: '灰',
  C: '黄',
  D: '粉',
  E: '红',
  F: '紫',
  G: '绿',
  H: '蓝',
  I: '棕',
  J: '黑',
  Z: '其他',
};

/** 使用性质 (GA 24.3). */
export const USE_NATURES: Readonly<Record<string, string>> = {
  A: '非营运',
  B: '公路客运',
  C: '公交客运',
  D: '出租客运',
  E: '旅游客运',
  F: '货运',
  G: '租赁',
  H: '警用',
  I: '消防',
  J: '救护',
  K: '工程救险',
  L: '营转非',
  M: '出租转非',
  Z: '其他',
};

/** 车辆类型 (GA 24.4), the common ones; others show their code. */
export const VEHICLE_TYPES: Readonly<Record<string, string>> = {
  K11: '大型普通客车',
  K21: '中型普通客车',
  K31: '小型普通客车',
  K32: '小型越野客车',
  K33: '轿车',
  K39: '小型专用客车',
  K41: '微型普通客车',
  K43: '微型轿车',
  H11: '重型普通货车',
  H21: '中型普通货车',
  H31: '轻型普通货车',
  H41: '微型普通货车',
  M21: '普通二轮摩托车',
  M22: '普通三轮摩托车',
  Q11: '重型半挂牵引车',
};

/** 发证机关 codes of the province (粤A is Guangzhou). */
export const ISSUERS: Readonly<Record<string, string>> = {
  粤A: '广东省广州市公安局交通警察支队',
  粤B: '广东省深圳市公安局交通警察局',
  粤C: '广东省珠海市公安局交通警察支队',
  粤E: '广东省佛山市公安局交通警察支队',
};
