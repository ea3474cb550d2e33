import type { InPersonOutcome } from '../../core/in-person-outcomes';
import type { PopulationRegister } from '../../seed/population';
import type { CtidRequest } from './requests';

/** Modes of the platform's 认证模式 field; the stand-in serves 人像 + 身份信息 only. */
export const AUTH_MODES = {
  /** 简项 (name + number): no face, so never 实人. */
  NAME_AND_NUMBER: '0x40',
  /** 人像 + 简项: a live face against the register photo of that name and number. */
  FACE_AND_NAME: '0x42',
} as const;

export type AuthStatus = 'WAITING' | 'DONE' | 'CANCELLED' | 'EXPIRED';

/**
 * authResult is four characters, one per factor: 1 身份信息 (0 valid, 5
 * invalid ...), 2 人像 (0 same person, 1 not, F no face could be modelled,
 * I liveness data rejected, W timed out, B comparison failed ...), 3 网证,
 * 4 reserved; X = not executed. A pass is 0 or X in every position with the
 * factors the mode asks for at 0.
 */
const FACE_CODE: Readonly<Record<Exclude<InPersonOutcome, 'cancel'>, { code: string; desc: string }>> = {
  pass: { code: '0', desc: '同一人' },
  'not-same-person': { code: '1', desc: '非同一人' },
  'no-face': { code: 'F', desc: '待比对图像建模失败（未检测到人脸）' },
  'liveness-failed': { code: 'I', desc: '活体检测数据校验失败' },
  timeout: { code: 'W', desc: '该笔认证超时' },
  fail: { code: 'B', desc: '人像比对异常' },
};

export interface ResultFields {
  authStatus: AuthStatus;
  authResult?: string;
  authDesc?: string;
  /** When the person answered (DONE, CANCELLED). */
  resultAt?: number;
}

/** What the result query says about a request now. */
export function resultOf(request: CtidRequest, expired: boolean, register: PopulationRegister): ResultFields {
  const { outcome, completedAt } = request;
  if (outcome === undefined) return { authStatus: expired ? 'EXPIRED' : 'WAITING' };
  if (outcome === 'cancel') return { authStatus: 'CANCELLED', authDesc: '用户取消授权', resultAt: completedAt };
  // The platform checks the name and number when the person authorises; a bad pair never reaches the face.
  if (register.check(request.name, request.idNumber).outcome !== 'match') {
    return { authStatus: 'DONE', authResult: '5XXX', authDesc: '身份信息无效', resultAt: completedAt };
  }
  const face = FACE_CODE[outcome];
  return { authStatus: 'DONE', authResult: `0${face.code}XX`, authDesc: face.desc, resultAt: completedAt };
}
