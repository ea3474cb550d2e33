import type { LegacyError } from '../../legacy/envelope';

/** The traffic system's (车驾管) result codes (legacy envelope; 9999/9001 come from LEGACY_ERRORS). */
export const TRAFFIC_ERRORS = {
  /** Wrong or missing X-App-Key: the only one answered with an HTTP status (401). */
  AUTH_FAILED: { code: '1001', msg: '鉴权失败' },
  /** A required parameter is missing, blank or not one of the accepted values. */
  BAD_PARAMS: { code: '4000', msg: '请求参数错误' },
  NO_LICENCE: { code: '4001', msg: '无驾驶证信息' },
  NO_VEHICLE: { code: '4002', msg: '无此车辆信息' },
  DOWNGRADE_CLASS: { code: '5001', msg: '准驾车型不符合降级条件' },
  /** The message names the status (see licenceStatusError). */
  DOWNGRADE_STATUS: { code: '5002', msg: '驾驶证状态异常' },
  DOWNGRADE_VIOLATIONS: { code: '5003', msg: '存在未处理的交通违法记录' },
  NOT_MORTGAGED: { code: '5101', msg: '车辆未办理抵押登记' },
  NO_RELEASE_RECORD: { code: '5102', msg: '抵押权人尚未申请解除抵押' },
} as const satisfies Record<string, LegacyError>;
