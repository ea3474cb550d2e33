/**
 * The platform's answer codes: {code, msg} with HTTP 200 ('0000' = success).
 * The public material describes the 缴款码 flow but no code list for an
 * integrating app, so the codes are the sandbox's own (listed in the README
 * of the dialect: bff/src/upstreams/nontax/nontax.dialect.ts).
 */
export const NONTAX_ERRORS = {
  BAD_PARAMS: { code: '1001', msg: '请求参数错误' },
  /** Unknown appId, or the sign does not match the parameters. */
  BAD_SIGNATURE: { code: '1002', msg: '应用标识或签名验证失败' },
  /** timestamp missing, malformed or more than 5 minutes from the platform's clock. */
  BAD_TIMESTAMP: { code: '1003', msg: '时间戳无效或超出允许范围' },
  /** The nonce was used within the timestamp window (a replayed request). */
  NONCE_USED: { code: '1004', msg: '重复的请求（随机串已使用）' },
  NO_BILL: { code: '2001', msg: '缴款信息不存在' },
  NO_ORDER: { code: '2002', msg: '支付订单不存在' },
  AMOUNT_MISMATCH: { code: '2003', msg: '交易金额与当日应缴金额不符' },
  BILL_PAID: { code: '2004', msg: '该缴款码已缴款' },
  BILL_VOID: { code: '2005', msg: '该缴款码已作废' },
  ORDER_CONFLICT: { code: '2006', msg: '订单号已使用且内容不同' },
  ORDER_PAID: { code: '2007', msg: '订单已支付' },
  REFUND_AMOUNT: { code: '2008', msg: '退款金额须等于交易金额（仅支持全额退款）' },
  NOT_PAID: { code: '2009', msg: '订单未支付，不能退款' },
  REFUND_CONFLICT: { code: '2010', msg: '退款单号已用于其他订单' },
  ORDER_CLOSED: { code: '2011', msg: '订单已关闭或已过期' },
  ALREADY_REFUNDED: { code: '2012', msg: '订单已全额退款' },
  BUSY: { code: '9999', msg: '系统繁忙，请稍后再试' },
} as const satisfies Record<string, NontaxError>;

export interface NontaxError {
  code: string;
  msg: string;
}
