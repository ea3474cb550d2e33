import { IN_PERSON_FRESH_SECONDS, IN_PERSON_RECENT_SECONDS } from '@suijing/shared/assurance';
import type { User } from '@suijing/shared';
import { ApiError } from '@/services/api-error';
import { inPersonCheckUrl, realNameUrl, ROUTES } from './navigation';

/**
 * The step a person must take before the BFF lets them on, from its 403:
 * ASSURANCE_REQUIRED names the level (and for L3 how recent), the older
 * REAL_NAME_REQUIRED means 实名 (L2).
 */
export type StepUp = { level: 'L1' } | { level: 'L2' } | { level: 'L3'; withinSeconds?: number };

export function stepUpOf(error: unknown): StepUp | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'REAL_NAME_REQUIRED') return { level: 'L2' };
  if (error.code !== 'ASSURANCE_REQUIRED') return null;
  const required = error.required;
  // Without `required` (an older BFF): the in-person step covers every level below it.
  if (!required) return { level: 'L3' };
  if (required.level === 'L3') {
    return required.withinSeconds === undefined
      ? { level: 'L3' }
      : { level: 'L3', withinSeconds: required.withinSeconds };
  }
  return { level: required.level };
}

/** A fresh check: the 5-minute kind (出示二维码, 查看完整号码, 解除绑定, 注销, 导出). */
export function isFresh(step: StepUp): boolean {
  return step.level === 'L3' && step.withinSeconds !== undefined && step.withinSeconds <= IN_PERSON_FRESH_SECONDS;
}

/** The page of the step, coming back to `next` (a page URL) after it; without `next`, back. */
export function stepUpUrl(step: StepUp, next?: string): string {
  if (step.level === 'L1') return ROUTES.login;
  if (step.level === 'L2') return realNameUrl(next);
  return inPersonCheckUrl(next, step.withinSeconds);
}

export type InPersonChannel = 'wechat-face' | 'ctid';

/** WeChat's face verification inside the mini-program, the 网证 (CTID) authorisation in the browser. */
export function inPersonChannel(): InPersonChannel {
  return process.env.TARO_ENV === 'weapp' ? 'wechat-face' : 'ctid';
}

export const CHANNEL_NAME: Record<InPersonChannel, string> = { 'wechat-face': '刷脸认证', ctid: '网证认证' };

/** The button that leads to the step. */
export function stepUpAction(step: StepUp): string {
  if (step.level === 'L1') return '去登录';
  if (step.level === 'L2') return '去实名认证';
  return `去${CHANNEL_NAME[inPersonChannel()]}`;
}

/** Why the step is asked for, as a heading. */
export function stepUpTitle(step: StepUp): string {
  if (step.level === 'L1') return '请先登录';
  if (step.level === 'L2') return '请先完成实名认证';
  return isFresh(step) ? '此操作需要本人刷脸确认' : '请先完成本人认证';
}

/** The line under the heading. */
export function stepUpNote(step: StepUp): string {
  if (step.level === 'L1') return '登录后即可继续。';
  if (step.level === 'L2') return '核验姓名和身份证号码，只需一次，之后无需重复。';
  if (isFresh(step)) {
    return '为保护您的个人信息，出示证件、查看完整号码、解除绑定、注销和导出个人信息前，需在 5 分钟内由本人完成认证。';
  }
  return '车驾管记录、电子证照等个人信息只向本人展示：完成一次刷脸或网证认证后 30 天内无需重复。';
}

/** 已实名 and the like, for 我的 and 实名与绑定. */
export function assuranceText(assurance: User['assurance']): { text: string; tone: 'success' | 'warning' } {
  if (assurance.level === 'L1') return { text: '未实名', tone: 'warning' };
  if (assurance.level === 'L2' || !assurance.inPersonAt) return { text: '已实名', tone: 'success' };
  const until = new Date(Date.parse(assurance.inPersonAt) + IN_PERSON_RECENT_SECONDS * 1000);
  if (Number.isNaN(until.getTime())) return { text: '已刷脸认证', tone: 'success' };
  return {
    text: `已刷脸认证，${until.getFullYear()}年${until.getMonth() + 1}月${until.getDate()}日前有效`,
    tone: 'success',
  };
}

/**
 * Before starting something that needs `required` (an item's online filing):
 * the step this session still lacks, or null. An account without 实名 goes
 * to the 实名 page first, which also offers 刷脸 / 网证 in one go.
 */
export function missingStep(held: User['assurance'], required: 'L2' | 'L3'): StepUp | null {
  if (held.level === 'L1') return { level: 'L2' };
  if (required === 'L3' && held.level !== 'L3') return { level: 'L3', withinSeconds: IN_PERSON_RECENT_SECONDS };
  return null;
}
