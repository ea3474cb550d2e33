/**
 * What each police type (警种) handles, as a static guide. These are the
 * areas of responsibility, not service items: the item catalog with online
 * handling comes from the catalog system in a later issue.
 */
export interface PoliceType {
  id: string;
  name: string;
  covers: string;
}

export const POLICE_TYPES: readonly PoliceType[] = [
  {
    id: 'huzheng',
    name: '户政',
    covers: '户口登记与迁移（出生、入户、迁入迁出）、居民身份证申领换领补领、户籍类证明。',
  },
  {
    id: 'churujing',
    name: '出入境',
    covers: '普通护照，往来港澳、台湾通行证及签注的申请、换发、补发；外国人停留居留。',
  },
  {
    id: 'jiaoguan',
    name: '交管/车驾管',
    covers: '机动车登记（注册、转移、抵押与解除抵押）、检验，驾驶证申领、换证、降级，交通违法处理。',
  },
  {
    id: 'zhian',
    name: '治安',
    covers: '旅馆业、印章业等特种行业许可，大型群众性活动安全许可，保安服务与危险物品管理。',
  },
  { id: 'wangan', name: '网安', covers: '网络安全等级保护备案、互联网网站公安备案、上网服务场所安全审核。' },
  { id: 'jindu', name: '禁毒', covers: '易制毒化学品购买、运输的许可与备案，禁毒宣传与戒毒相关咨询。' },
  { id: 'jianguan', name: '监管', covers: '看守所、拘留所的家属会见预约、物品与财物送递、律师会见预约。' },
];
