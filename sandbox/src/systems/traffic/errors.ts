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
  NO_VIOLATION: { code: '4003', msg: '无此违法记录' },
  VIOLATION_HANDLED: { code: '6001', msg: '该违法记录已处理' },
  /** The message names the status. */
  HANDLING_STATUS: { code: '6002', msg: '驾驶证状态异常，不能网上处理' },
  HANDLING_POINTS: { code: '6003', msg: '处理后累积记分将达到12分，不能网上处理' },
  /** Must go to the 交警大队违法处理窗口; the message says why. */
  HANDLING_AT_POLICE: { code: '6004', msg: '须到交警大队违法处理窗口处理' },
  /** Must go to the 车管所违法处理窗口; the message says why. */
  HANDLING_AT_OFFICE: { code: '6005', msg: '须到车管所违法处理窗口处理' },
  /** A photo number beyond the record's photos. */
  NO_PHOTO: { code: '4004', msg: '无此违法照片' },
} as const satisfies Record<string, LegacyError>;
