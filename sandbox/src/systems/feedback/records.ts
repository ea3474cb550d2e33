import type { Score } from './input';
import type { FollowUpStatus, FollowUpStepName, HotTopicStatus } from './tables';

/** 分项评价: 办事效率, 办事指南精确度, 办事便捷度, 平台操作性. */
export interface RatingAspects {
  bsxl: Score;
  znjqd: Score;
  bjd: Score;
  ptczx: Score;
}

export const ASPECT_KEYS: readonly (keyof RatingAspects)[] = ['bsxl', 'znjqd', 'bjd', 'ptczx'];

export interface FollowUpStep {
  hj: FollowUpStepName;
  /** yyyyMMddHHmmss */
  sj: string;
  nr: string;
  bm: string;
}

/** 整改 record of a bad review. */
export interface FollowUp {
  zt: FollowUpStatus;
  /** yyyyMMdd: 15 working days after the rating. */
  qx: string;
  lc: FollowUpStep[];
}

/** A rating as the system answers it. */
export interface Rating {
  pjbh: string;
  bjbh: string;
  pjdj: Score;
  fx: RatingAspects;
  pjnr: string;
  pjsj: string;
  /** 差评标记. */
  cpbj: '0' | '1';
  zgzt?: FollowUp;
}

/** What the system keeps beside the answer: who rated, under which retry key, and the case's department. */
export interface RatingEntry {
  rating: Rating;
  wbbh: string;
  sfzmhm: string;
  sxbm: string;
}

/** 诉求阶段: 1 接, 2 答, 3 派, 4 办, 5 评. */
export type RequestStage = '1' | '2' | '3' | '4' | '5';
export type RequestKind = 'ts' | 'jy';

export interface RequestStep {
  hj: '接' | '答' | '派' | '办' | '评';
  sj: string;
  bm: string;
  nr: string;
}

/** A 12345 工单 with everything the citizen sent. */
export interface RequestRecord {
  sqbh: string;
  wbbh: string;
  lx: RequestKind;
  lb: string;
  lbmc: string;
  bt: string;
  nr: string;
  tp: string[];
  sfzmhm: string;
  xm: string;
  sjhm: string;
  bjbh?: string;
  zt: RequestStage;
  /** 承办部门: where it was dispatched. */
  cbbm?: string;
  /** 创建时间 and 更新时间, yyyyMMddHHmmss. */
  cjsj: string;
  gxsj: string;
  lc: RequestStep[];
  pj?: { myd: Score; pjnr: string; pjsj: string };
}

export interface RequestSummary {
  sqbh: string;
  lx: RequestKind;
  lb: string;
  lbmc: string;
  bt: string;
  zt: RequestStage;
  cjsj: string;
  gxsj: string;
}

export function requestSummary(record: RequestRecord): RequestSummary {
  const { sqbh, lx, lb, lbmc, bt, zt, cjsj, gxsj } = record;
  return { sqbh, lx, lb, lbmc, bt, zt, cjsj, gxsj };
}

/** A 民声热点 as the board keeps it (rd as a number for sorting; a string on the wire). */
export interface HotTopic {
  rdbh: string;
  bt: string;
  zy: string;
  zt: HotTopicStatus;
  rd: number;
  bm: string;
  sbsj: string;
  cljg?: string;
}
