/**
 * The platform's refusals: an HTTP status with {code, message}. Codes as the v3 documentation lists
 * them; the messages are the platform's wording where it is known.
 */
export interface WxpayError {
  status: number;
  code: string;
  message: string;
}

function error(status: number, code: string, message: string): WxpayError {
  return { status, code, message };
}

export const WXPAY_ERRORS = {
  SIGN_ERROR: error(401, 'SIGN_ERROR', '签名错误，请检查签名参数和方法是否都符合签名算法要求'),
  PARAM_ERROR: error(400, 'PARAM_ERROR', '参数错误'),
  MCH_NOT_EXISTS: error(400, 'MCH_NOT_EXISTS', '商户号不存在'),
  APPID_MCHID_NOT_MATCH: error(400, 'APPID_MCHID_NOT_MATCH', 'AppID和mch_id不匹配'),
  /** Same out_trade_no with other parameters. */
  OUT_TRADE_NO_USED: error(400, 'INVALID_REQUEST', '201 商户订单号重复'),
  ORDERPAID: error(400, 'ORDERPAID', '订单已支付'),
  ORDER_CLOSED: error(400, 'ORDER_CLOSED', '订单已关闭'),
  ORDER_NOT_EXIST: error(404, 'ORDER_NOT_EXIST', '订单不存在'),
  /** Refund of an order that was never paid. */
  TRADE_NOT_PAID: error(400, 'INVALID_REQUEST', '订单未支付，不能退款'),
  REFUND_TOO_LARGE: error(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额'),
  TOTAL_MISMATCH: error(400, 'INVALID_REQUEST', '订单金额与原订单金额不一致'),
  /** Same out_refund_no with other parameters. */
  OUT_REFUND_NO_USED: error(400, 'INVALID_REQUEST', '退款单号重复'),
  RESOURCE_NOT_EXISTS: error(404, 'RESOURCE_NOT_EXISTS', '退款单不存在'),
  NO_STATEMENT_EXIST: error(400, 'NO_STATEMENT_EXIST', '账单文件不存在'),
  STATEMENT_CREATING: error(400, 'STATEMENT_CREATING', '账单生成中，请在次日10点后下载'),
  BILL_TOKEN_INVALID: error(400, 'INVALID_REQUEST', '账单下载地址已失效，请重新申请'),
  SYSTEM_ERROR: error(500, 'SYSTEM_ERROR', '系统错误'),
} as const satisfies Record<string, WxpayError>;

export function errorBody(error: WxpayError): { code: string; message: string } {
  return { code: error.code, message: error.message };
}
