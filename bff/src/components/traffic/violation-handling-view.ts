import type { HandlingDecision, HandlingPreview, ViolationDetail } from '@suijing/shared';
import { FINE_DUE_DAYS } from '../../upstreams/traffic/traffic.mapping';
import type {
  HandlingAllowed,
  HandlingDecision as DecisionRecord,
  HandlingRefused,
  HandlingWindow,
  ViolationDetailRecord,
  ViolationKind,
} from '../../upstreams/traffic/traffic.types';
import { MAX_POINTS, toViolation } from './traffic-view';

/** 违法处理 as the mini-program shows it: state in words, the consequences before confirming, refusals explained. */

const PHOTO_CAPTIONS = ['违法过程（一）', '违法过程（二）', '号牌特写'];

const WINDOW_NAMES: Readonly<Record<HandlingWindow, string>> = {
  police: '交警大队违法处理窗口',
  'vehicle-office': '车管所违法处理窗口',
};

const STATE_TEXT: Readonly<Record<ViolationDetail['state'], string>> = {
  unhandled: '未处理',
  unpaid: '已处理，待缴款',
  paid: '已缴款',
};

export function toViolationDetail(
  record: ViolationDetailRecord,
  kind: ViolationKind,
  id: string,
  apiPrefix: string,
): ViolationDetail {
  const state: ViolationDetail['state'] = !record.handled ? 'unhandled' : record.paid ? 'paid' : 'unpaid';
  return {
    ...toViolation(record, kind, id),
    fineFen: Math.round(record.fine * 100),
    state,
    stateText: STATE_TEXT[state],
    ...(record.decisionNo ? { decisionNo: record.decisionNo } : {}),
    photos: Array.from({ length: record.photoCount }, (_, index) => ({
      url: `${apiPrefix}/violations/${id}/photos/${index + 1}`,
      caption: PHOTO_CAPTIONS[index] ?? `照片${index + 1}`,
    })),
  };
}

export function allowedPreview(allowed: HandlingAllowed): HandlingPreview {
  const notes = [
    `确认处理后将生成处罚决定书，记${allowed.points}分，累积记分由${allowed.pointsNow}分变为${allowed.pointsAfter}分`,
    `罚款${(allowed.fineFen / 100).toFixed(2)}元，请在决定书生成之日起${FINE_DUE_DAYS}日内缴纳，逾期每日加处罚款金额的3%`,
    '处理后不能撤销；对违法事实有异议的，请勿在线处理，可到交警大队违法处理窗口申辩',
  ];
  return {
    allowed: true,
    consequences: {
      points: allowed.points,
      pointsNow: allowed.pointsNow,
      pointsAfter: allowed.pointsAfter,
      pointsMax: MAX_POINTS,
      licenceStatusAfter: allowed.licenceStatusAfter,
      fineFen: allowed.fineFen,
      payWithinDays: FINE_DUE_DAYS,
      notes,
    },
  };
}

/** Why not, in our words, and what to do instead (the system's own words kept as the detail of a window-only act). */
export function refusedPreview(
  refused: HandlingRefused & { reason: Exclude<HandlingRefused['reason'], 'not-found'> },
): HandlingPreview {
  const window = refused.window ? { kind: refused.window, name: WINDOW_NAMES[refused.window] } : undefined;
  const go = window ? `请携带驾驶证、行驶证到${window.name}办理` : '';
  const texts: Record<typeof refused.reason, [string, string]> = {
    'already-handled': ['该违法记录已处理', '无需再次处理；如已生成决定书，请按决定书缴纳罚款'],
    'no-licence': ['未查询到您的机动车驾驶证，网上处理须将记分记入本人驾驶证', `请由实际驾驶人或车辆所有人${go}`],
    'licence-status': [`驾驶证状态不是“正常”，不能网上处理（${detailOf(refused.message)}）`, go],
    'points-reach-12': [`处理后累积记分将达到${MAX_POINTS}分（${detailOf(refused.message)}）`, go],
    'window-only': [`该违法行为须到窗口处理：${detailOf(refused.message)}`, go],
  };
  const [reasonText, whatToDo] = texts[refused.reason];
  return { allowed: false, reason: refused.reason, reasonText, whatToDo, ...(window ? { window } : {}) };
}

/** "须到交警大队违法处理窗口处理：该违法行为依法应当吊销机动车驾驶证" -> the part after the colon. */
function detailOf(message: string): string {
  const at = message.indexOf('：');
  return at >= 0 ? message.slice(at + 1) : message;
}

export function toHandlingDecision(decision: DecisionRecord): HandlingDecision {
  return {
    decisionNo: decision.decisionNo,
    fineFen: decision.fineFen,
    points: decision.points,
    pointsAfter: decision.pointsAfter,
    handledAt: decision.handledAt.toISOString(),
    dueDate: decision.dueDate,
  };
}
