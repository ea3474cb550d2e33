import type { LegacyError } from '../../legacy/envelope';

/** The feedback system's result codes (legacy envelope; 9999/9001 come from LEGACY_ERRORS). */
export const FEEDBACK_ERRORS = {
  /** Wrong or missing X-App-Key: the only one answered with an HTTP status (401). */
  AUTH_FAILED: { code: '1001', msg: '鉴权失败' },
  /** A required parameter is missing, blank or not one of the accepted values (the message names it). */
  BAD_PARAMS: { code: '4000', msg: '请求参数错误' },
  ALREADY_RATED: { code: '7001', msg: '该办件已评价' },
  BAD_REVIEW_NEEDS_TEXT: { code: '7002', msg: '差评须填写评价内容' },
  CASE_NOT_FINISHED: { code: '7003', msg: '办件未办结，暂不能评价' },
  NOT_OWN_CASE: { code: '7004', msg: '非本人办件' },
  NO_RATING: { code: '7005', msg: '暂无评价' },
  REQUEST_NOT_FOUND: { code: '7101', msg: '诉求不存在' },
  REQUEST_NOT_RATEABLE: { code: '7102', msg: '诉求尚未办结或已评价' },
} as const satisfies Record<string, LegacyError>;

/** 4000 with what was wrong appended, as the system words its detailed answers. */
export function badParams(detail: string): LegacyError {
  return { code: FEEDBACK_ERRORS.BAD_PARAMS.code, msg: `${FEEDBACK_ERRORS.BAD_PARAMS.msg}：${detail}` };
}
