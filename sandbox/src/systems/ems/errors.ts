/** The EMS open platform's answer codes (errorCode), with its messages (errorMsg). */
export interface EmsError {
  errorCode: string;
  errorMsg: string;
}

export const EMS_ERRORS = {
  UNKNOWN_COMPANY: { errorCode: 'S01', errorMsg: '非法的电商标识' },
  BAD_DIGEST: { errorCode: 'S02', errorMsg: '数字签名验证失败' },
  UNKNOWN_MSG_TYPE: { errorCode: 'S03', errorMsg: '不支持的消息类型' },
  BAD_MESSAGE: { errorCode: 'S04', errorMsg: '报文格式错误' },
  BUSY: { errorCode: 'S99', errorMsg: '系统繁忙，请稍后重试' },
  MAIL_NO_TAKEN: { errorCode: 'B01', errorMsg: '运单号已被其他订单使用' },
  BAD_MAIL_NO: { errorCode: 'B02', errorMsg: '运单号格式不正确' },
  NO_SUCH_MAIL: { errorCode: 'B11', errorMsg: '查无此邮件' },
} as const satisfies Record<string, EmsError>;

/** An answer that says no: success "false" with the code and message (and what was wrong, when known). */
export function emsFail(error: EmsError, detail?: string): { success: 'false'; errorCode: string; errorMsg: string } {
  return {
    success: 'false',
    errorCode: error.errorCode,
    errorMsg: detail ? `${error.errorMsg}：${detail}` : error.errorMsg,
  };
}

/** The head of every answer that says yes. */
export const EMS_OK = { success: 'true', errorCode: '', errorMsg: '' } as const;
