import {
  BAD_REVIEW_MAX_LEVEL,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STAGES,
  RATING_LEVELS,
  fromCompactDateTime,
  type ComplaintDetail,
  type ComplaintLoopStep,
  type ComplaintSummary,
  type HotTopic,
  type Rating,
} from '@suijing/shared';
import type { HotTopicRecord, RatingRecord, RequestRecord } from '../../upstreams/feedback/feedback.dialect';

/** The feedback platform's records in the mini-program's words. */

const iso = (stamp: string | undefined): string => (stamp ? (fromCompactDateTime(stamp)?.toISOString() ?? stamp) : '');
const isoDay = (compact: string) =>
  /^\d{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}` : compact;

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
            deadline: isoDay(followUp.qx),
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

/** 1 接 2 答 3 派 4 办 5 评 */
const STAGE_BY_CODE: Record<string, (typeof COMPLAINT_STAGES)[number]> = {
  '1': 'received',
  '2': 'answered',
  '3': 'dispatched',
  '4': 'handled',
  '5': 'rated',
};
const STAGE_BY_STEP: Record<string, (typeof COMPLAINT_STAGES)[number]> = {
  接: 'received',
  答: 'answered',
  派: 'dispatched',
  办: 'handled',
  评: 'rated',
};
export const STAGE_TEXT: Record<(typeof COMPLAINT_STAGES)[number], string> = {
  received: '已受理',
  answered: '已答复',
  dispatched: '已派单',
  handled: '已办结',
  rated: '已评价',
};

const LOOP_TEXT: Record<(typeof COMPLAINT_STAGES)[number], string> = {
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
export function complaintLoop(stage: (typeof COMPLAINT_STAGES)[number]): ComplaintLoopStep[] {
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

const TOPIC_STATUS: Record<string, readonly [HotTopic['status'], string]> = {
  '1': ['listed', '上榜'],
  '2': ['monitored', '监测中'],
  '3': ['delisted', '已撤榜'],
};

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
