/**
 * 刷脸认证 (face check): which way the camera step runs on this build.
 * - weapp: WeChat's face API (`wx.requestFacialVerify`), when the base library has it;
 * - H5 demo/dev builds (TARO_APP_SANDBOX_URL set): the sandbox stands in for the camera;
 * - otherwise: not offered.
 */
export type FaceMode = 'weapp' | 'sandbox' | 'none';

interface FacialVerifyFail {
  errMsg?: string;
  errCode?: number;
}
interface FacialVerifyOption {
  verifyId: string;
  success: () => void;
  fail: (error: FacialVerifyFail) => void;
}
type RequestFacialVerify = (option: FacialVerifyOption) => void;

/** Read at call time (not module load) so tests can set it per case. */
export function sandboxUrl(): string {
  return (process.env.TARO_APP_SANDBOX_URL ?? '').trim().replace(/\/+$/, '');
}

/** `wx.requestFacialVerify`, when the WeChat base library provides it (Taro's typings do not declare it). */
function wechatFacialVerify(): RequestFacialVerify | null {
  const wx: unknown = (globalThis as { wx?: unknown }).wx;
  if (typeof wx !== 'object' || wx === null || !('requestFacialVerify' in wx)) return null;
  const api: unknown = wx.requestFacialVerify;
  if (typeof api !== 'function') return null;
  return (option) => {
    api.call(wx, option);
  };
}

export function faceMode(): FaceMode {
  if (process.env.TARO_ENV === 'weapp') return wechatFacialVerify() ? 'weapp' : 'none';
  if (process.env.TARO_ENV === 'h5' && sandboxUrl() !== '') return 'sandbox';
  return 'none';
}

/** Runs WeChat's camera step; rejects with a message to show when it did not complete. */
export function runWechatFaceCheck(verifyId: string): Promise<void> {
  const api = wechatFacialVerify();
  if (!api) return Promise.reject(new Error('当前微信版本不支持刷脸认证，请升级微信后再试'));
  return new Promise((resolve, reject) => {
    api({
      verifyId,
      success: () => resolve(),
      fail: (error) => {
        const cancelled = /cancel/i.test(error.errMsg ?? '');
        reject(new Error(cancelled ? '已取消刷脸' : '刷脸未完成，请重试'));
      },
    });
  });
}

/** Demo builds only: tells the sandbox how the face check "went". */
export async function sandboxFaceResult(verifyId: string, result: 'pass' | 'fail'): Promise<void> {
  const response = await fetch(`${sandboxUrl()}/sandbox/wechat/face/${encodeURIComponent(verifyId)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ result }),
  });
  if (!response.ok) throw new Error(`沙箱未响应（${response.status}）`);
}
