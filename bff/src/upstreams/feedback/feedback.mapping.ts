import {
  BAD_REVIEW_MAX_LEVEL,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STAGES,
  RATING_LEVELS,
  fromCompactDateTime,
  isoDayFromCompact,
  type ComplaintDetail,
  type ComplaintLoopStep,
  type ComplaintSummary,
  type HotTopic,
  type Rating,
} from '@suijing/shared';
import { FEEDBACK_CODES, type HotTopicRecord, type RatingRecord, type RequestRecord } from './feedback.dialect';
import type {
  ComplaintRatingRefusalReason,
  ComplaintSubmission,
  RatingRefusalReason,
  RatingSubmission,
} from './feedback.types';

/** Translation between the feedback platform's dialect and our words. */

const iso = (stamp: string | undefined): string => (stamp ? (fromCompactDateTime(stamp)?.toISOString() ?? stamp) : '');

export function toRatingSubmission(submission: RatingSubmission) {
  const { rating } = submission;
  return {
    wbbh: submission.requestNo,
    bjbh: submission.caseNo,
    sfzmhm: submission.idNumber,
    pjdj: String(rating.level),
    fx: {
      bsxl: String(rating.aspects.efficiency),
      znjqd: String(rating.aspects.guideAccuracy),
      bjd: String(rating.aspects.convenience),
      ptczx: String(rating.aspects.usability),
    },
    pjnr: rating.comment,
  };
}

export const RATING_REFUSALS: Readonly<Record<string, RatingRefusalReason>> = {
  [FEEDBACK_CODES.ALREADY_RATED]: 'already-rated',
  [FEEDBACK_CODES.COMMENT_REQUIRED]: 'comment-required',
  [FEEDBACK_CODES.NOT_FINISHED]: 'not-finished',
  [FEEDBACK_CODES.NOT_APPLICANT]: 'not-applicant',
};

const FOLLOW_UP_STATUS: Record<string, readonly [NonNullable<Rating['followUp']>['status'], string]> = {
  '1': ['pending', '待核实'],
  '2': ['in-progress', '整改中'],
  '3': ['done', '已回访办结'],
};
const FOLLOW_UP_STEP: Record<string, 'verify' | 'rectify' | 'revisit'> = {
  核实: 'verify',
  整改: 'rectify',
  回访: 'revisit',
};

export function toRating(record: RatingRecord): Rating {
  const followUp = record.zgzt;
  const [status, statusText] = (followUp && FOLLOW_UP_STATUS[followUp.zt]) || (['pending', '待核实'] as const);
  return {
    id: record.pjbh,
    caseNo: record.bjbh,
    level: record.pjdj,
    levelText: RATING_LEVELS.find((l) => l.level === record.pjdj)?.text ?? '',
    bad: record.pjdj <= BAD_REVIEW_MAX_LEVEL,
    aspects: {
      efficiency: record.fx.bsxl,
      guideAccuracy: record.fx.znjqd,
      convenience: record.fx.bjd,
      usability: record.fx.ptczx,
    },
    comment: record.pjnr,
    ratedAt: iso(record.pjsj),
    ...(followUp
      ? {
          followUp: {
            status,
            statusText,
            deadline: isoDayFromCompact(followUp.qx),
            steps: followUp.lc.map((step) => ({
              step: FOLLOW_UP_STEP[step.hj] ?? 'verify',
              stepText: step.hj,
              at: iso(step.sj),
              note: step.nr,
              department: step.bm ?? '',
            })),
          },
        }
      : {}),
  };
}

export function toComplaintSubmission(submission: ComplaintSubmission) {
  return {
    wbbh: submission.requestNo,
    lx: submission.kind === 'suggestion' ? 'jy' : 'ts',
    lb: submission.category,
    bt: submission.title,
    nr: submission.content,
    tp: submission.photos,
    sfzmhm: submission.idNumber,
    xm: submission.name,
    sjhm: submission.phone,
    ...(submission.caseNo ? { bjbh: submission.caseNo } : {}),
  };
}

export const COMPLAINT_RATING_REFUSALS: Readonly<Record<string, ComplaintRatingRefusalReason>> = {
  [FEEDBACK_CODES.NO_REQUEST]: 'not-found',
  [FEEDBACK_CODES.CANNOT_RATE_REQUEST]: 'cannot-rate',
};

type Stage = (typeof COMPLAINT_STAGES)[number];

/** 1 接 2 答 3 派 4 办 5 评 */
const STAGE_BY_CODE: Record<string, Stage> = {
  '1': 'received',
  '2': 'answered',
  '3': 'dispatched',
  '4': 'handled',
  '5': 'rated',
};
const STAGE_BY_STEP: Record<string, Stage> = {
  接: 'received',
  答: 'answered',
  派: 'dispatched',
  办: 'handled',
  评: 'rated',
};
const STAGE_TEXT: Record<Stage, string> = {
  received: '已受理',
  answered: '已答复',
  dispatched: '已派单',
  handled: '已办结',
  rated: '已评价',
};

const LOOP_TEXT: Record<Stage, string> = {
  received: '受理',
  answered: '答复',
  dispatched: '派单',
  handled: '办理',
  rated: '评价',
};

/**
 * The five stages as the ticket stands with each. `stage` is the last one
 * reached (its text is past tense: 已受理 … 已办结), so it and every one
 * before it are done, and the next is current: the hotline's or the
 * department's work in progress, or, once handled, the citizen's 评.
 */
function complaintLoop(stage: Stage): ComplaintLoopStep[] {
  const reached = COMPLAINT_STAGES.indexOf(stage);
  return COMPLAINT_STAGES.map((each, index) => {
    if (index <= reached) return { stage: each, stageText: LOOP_TEXT[each], state: 'done', stateText: '已完成' };
    if (index === reached + 1) {
      const stateText = each === 'rated' ? '待评价' : '进行中';
      return { stage: each, stageText: LOOP_TEXT[each], state: 'current', stateText };
    }
    return { stage: each, stageText: LOOP_TEXT[each], state: 'pending', stateText: '未开始' };
  });
}

export function toComplaintSummary(record: RequestRecord): ComplaintSummary {
  const stage = STAGE_BY_CODE[record.zt] ?? 'received';
  const created = iso(record.cjsj ?? record.lc?.[0]?.sj);
  return {
    id: record.sqbh,
    kind: record.lx === 'jy' ? 'suggestion' : 'complaint',
    category: record.lb,
    categoryText: COMPLAINT_CATEGORIES.find((c) => c.code === record.lb)?.text ?? record.lb,
    title: record.bt,
    stage,
    stageText: STAGE_TEXT[stage],
    createdAt: created,
    updatedAt: iso(record.gxsj ?? record.lc?.at(-1)?.sj) || created,
  };
}

export function toComplaintDetail(record: RequestRecord): ComplaintDetail {
  const summary = toComplaintSummary(record);
  return {
    ...summary,
    content: record.nr ?? '',
    photos: record.tp ?? [],
    steps: (record.lc ?? []).map((step) => {
      const stage = STAGE_BY_STEP[step.hj] ?? 'received';
      return { stage, stageText: step.hj, at: iso(step.sj), department: step.bm ?? '', note: step.nr ?? '' };
    }),
    loop: complaintLoop(summary.stage),
    canRate: summary.stage === 'handled',
    ...(record.pj ? { rating: { level: record.pj.myd, comment: record.pj.pjnr, at: iso(record.pj.pjsj) } } : {}),
  };
}

/** 1 上榜 2 监测中 3 已撤榜 */
const TOPIC_STATUS: Record<string, readonly [HotTopic['status'], string]> = {
  '1': ['listed', '上榜'],
  '2': ['monitored', '监测中'],
  '3': ['delisted', '已撤榜'],
};
export const TOPIC_STATUS_CODES: Record<HotTopic['status'], string> = { listed: '1', monitored: '2', delisted: '3' };

export function toHotTopic(record: HotTopicRecord): HotTopic {
  const [status, statusText] = TOPIC_STATUS[record.zt] ?? (['listed', '上榜'] as const);
  return {
    id: record.rdbh,
    title: record.bt,
    summary: record.zy,
    status,
    statusText,
    heat: record.rd,
    department: record.bm,
    listedAt: iso(record.sbsj),
    ...(record.cljg ? { resolution: record.cljg } : {}),
  };
}
