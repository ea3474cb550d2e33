import type { LegacyError } from '../../legacy/envelope';

/** The hall system's (办事大厅: 预约, 排队叫号) result codes (legacy envelope; 9999/9001 come from LEGACY_ERRORS). */
export const HALL_ERRORS = {
  /** Wrong or missing X-App-Key: the only one answered with an HTTP status (401). */
  AUTH_FAILED: { code: '1001', msg: '鉴权失败' },
  /** A required parameter is missing, blank or malformed (the message says which). */
  BAD_PARAMS: { code: '4000', msg: '请求参数错误' },
  SLOT_FULL: { code: '6001', msg: '该时段已约满' },
  ALREADY_BOOKED: { code: '6002', msg: '已有该业务的有效预约' },
  /** The message ends with the first day bookings are possible again (see tooManyNoShows). */
  TOO_MANY_NO_SHOWS: { code: '6003', msg: '近90天爽约次数过多' },
  NO_SLOT: { code: '6004', msg: '时段不存在或已过期' },
  DATE_OUT_OF_RANGE: { code: '6005', msg: '预约日期不在可预约范围内' },
  NO_BOOKING: { code: '6006', msg: '预约不存在' },
  NOT_HANDLED: { code: '6007', msg: '该大厅不办理此业务' },
  CANNOT_CANCEL: { code: '6008', msg: '该预约不能取消' },
  NOT_TICKET_TIME: { code: '6101', msg: '当前不在取号时间' },
  NO_TICKET: { code: '6102', msg: '排队号不存在' },
  NO_HALL: { code: '6404', msg: '大厅不存在' },
} as const satisfies Record<string, LegacyError>;

/** 6003 with the day (yyyyMMdd) from which booking is possible again, worded yyyy-MM-dd. */
export function tooManyNoShows(jzrq: string): LegacyError {
  const day = `${jzrq.slice(0, 4)}-${jzrq.slice(4, 6)}-${jzrq.slice(6, 8)}`;
  return {
    code: HALL_ERRORS.TOO_MANY_NO_SHOWS.code,
    msg: `${HALL_ERRORS.TOO_MANY_NO_SHOWS.msg}，${day}前不能预约`,
  };
}
