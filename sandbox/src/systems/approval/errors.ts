import type { LegacyError } from '../../legacy/envelope';

/** The approval system's result codes (legacy envelope; 9999/9001 come from LEGACY_ERRORS). */
export const APPROVAL_ERRORS = {
  AUTH_FAILED: { code: '1001', msg: '鉴权失败' },
  BAD_REQUEST: { code: '1002', msg: '请求参数错误' },
  UNKNOWN_ITEM: { code: '2001', msg: '事项不存在' },
  CASE_NOT_FOUND: { code: '4004', msg: '办件不存在' },
  NO_SUPPLEMENT_PENDING: { code: '4009', msg: '办件当前无待补正内容' },
  WITHDRAW_NOT_ALLOWED: { code: '4010', msg: '办件已进入办结环节，不能撤回' },
  FILE_REJECTED: { code: '5001', msg: '文件不符合要求' },
  NO_FEE: { code: '4011', msg: '办件无需缴费' },
  FEE_ALREADY_PAID: { code: '4012', msg: '办件已缴费' },
  FEE_AMOUNT_MISMATCH: { code: '4013', msg: '金额与应缴金额不符' },
  FEE_NOT_PAYABLE: { code: '4014', msg: '办件当前状态不能缴费' },
  FEE_NOT_PAID: { code: '4015', msg: '办件未缴费，不能退费' },
  FEE_OTHER_TRADE: { code: '4016', msg: '交易号与缴费记录不符' },
  /** 居住证/居住登记 refused by the population system's rules; the answer's msg is the rule's own reason. */
  RESIDENCE_NOT_ELIGIBLE: { code: '4021', msg: '不符合办理条件' },
  ON_BEHALF_NOT_ALLOWED: { code: '4024', msg: '该事项须本人申请' },
} as const satisfies Record<string, LegacyError>;
