import type {
  BAD_REVIEW_MAX_LEVEL as SharedBadReviewMax,
  COMPLAINT_CATEGORIES as SharedCategories,
  COMPLAINT_STAGES as SharedStages,
  ComplaintDetail,
  ComplaintLoopStep,
  ComplaintSummary,
  HotTopic,
  RATING_ASPECTS as SharedAspects,
  RATING_LEVELS as SharedLevels,
  Rating,
} from '@suijing/shared';
import type { HotTopicStatus } from '@/services/feedback';

/**
 * The words of 好差评, the 12345 loop and the hot board. Copies of the
 * contract's constants: its module pulls zod, which stays out of the
 * mini-program; `satisfies typeof …` makes tsc fail if the two drift.
 */

export const RATING_LEVELS = [
  { level: 5, text: '非常满意' },
  { level: 4, text: '满意' },
  { level: 3, text: '基本满意' },
  { level: 2, text: '不满意' },
  { level: 1, text: '非常不满意' },
] as const satisfies typeof SharedLevels;

export const BAD_REVIEW_MAX_LEVEL = 2 satisfies typeof SharedBadReviewMax;

export const RATING_ASPECTS = [
  { key: 'efficiency', text: '办事效率' },
  { key: 'guideAccuracy', text: '办事指南精确度' },
  { key: 'convenience', text: '办事便捷度' },
  { key: 'usability', text: '平台操作性' },
] as const satisfies typeof SharedAspects;

export type AspectKey = (typeof RATING_ASPECTS)[number]['key'];

export const COMPLAINT_CATEGORIES = [
  { code: 'window-service', text: '窗口服务' },
  { code: 'efficiency', text: '办事效率' },
  { code: 'online-service', text: '网上办事' },
  { code: 'traffic', text: '交通管理' },
  { code: 'public-order', text: '治安管理' },
  { code: 'exit-entry', text: '出入境管理' },
  { code: 'household', text: '户政管理' },
  { code: 'other', text: '其他' },
] as const satisfies typeof SharedCategories;

export const COMPLAINT_STAGES = [
  'received',
  'answered',
  'dispatched',
  'handled',
  'rated',
] as const satisfies typeof SharedStages;

export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];
export type ComplaintKind = ComplaintSummary['kind'];

/** "非常满意" for 5 … "非常不满意" for 1; empty for no choice yet. */
export function levelText(level: number): string {
  return RATING_LEVELS.find((l) => l.level === level)?.text ?? '';
}

/** 差评: the two lowest levels need a reason and are followed up. */
export function isBadLevel(level: number): boolean {
  return level >= 1 && level <= BAD_REVIEW_MAX_LEVEL;
}

export const BAD_REVIEW_HINT = '差评请写明原因，我们将在 15 个工作日内核实整改并回访';

export const KIND_TEXT: Record<ComplaintKind, string> = { complaint: '投诉', suggestion: '建议' };

/** The one-character names of the loop, as 12345 posters print them. */
export const STAGE_SHORT: Record<ComplaintStage, string> = {
  received: '接',
  answered: '答',
  dispatched: '派',
  handled: '办',
  rated: '评',
};

export const STAGE_LONG: Record<ComplaintStage, string> = {
  received: '受理',
  answered: '答复',
  dispatched: '派单',
  handled: '办理',
  rated: '评价',
};

export const STAGE_TONE: Record<ComplaintStage, string> = {
  received: 'sj-badge--primary',
  answered: 'sj-badge--primary',
  dispatched: 'sj-badge--warning',
  handled: 'sj-badge--success',
  rated: 'sj-badge--muted',
};

/** A step on a line of dots: done in blue, the current one ringed, pending grey (the BFF says which for the loop). */
export type StepState = ComplaintLoopStep['state'];

export type FollowUpStatus = NonNullable<Rating['followUp']>['status'];

export const FOLLOW_UP_TONE: Record<FollowUpStatus, string> = {
  pending: 'sj-badge--warning',
  'in-progress': 'sj-badge--primary',
  done: 'sj-badge--success',
};

export const HOT_TOPIC_TABS = [
  { key: 'all', title: '全部' },
  { key: 'listed', title: '上榜' },
  { key: 'monitored', title: '监测' },
  { key: 'delisted', title: '撤榜' },
] as const satisfies ReadonlyArray<{ key: HotTopicStatus; title: string }>;

export const HOT_TOPIC_TONE: Record<HotTopic['status'], string> = {
  listed: 'sj-badge--danger',
  monitored: 'sj-badge--warning',
  delisted: 'sj-badge--success',
};

/** 12345 -> "12,345 人关注": the heat is how many citizens raised the topic. */
export function heatText(heat: number): string {
  // By hand: toLocaleString is not reliable in every weapp JS engine.
  return `${String(heat).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} 人关注`;
}

/** "附件照片 2 张", or "未上传照片". */
export function photosText(photos: ComplaintDetail['photos']): string {
  return photos.length > 0 ? `附件照片 ${photos.length} 张` : '未上传照片';
}
