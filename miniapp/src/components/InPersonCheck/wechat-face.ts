/**
 * WeChat's face verification for government mini-programs: the BFF gets a
 * verify id (bound to a name, an ID number and this user's openid), the
 * mini-program opens the camera with `wx.requestFacialVerify`, and the BFF
 * reads the result on its side. The client's success or failure is only a
 * hint; the result that counts is the server's.
 */

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

/** `wx.requestFacialVerify`, when the WeChat base library provides it (Taro's typings do not declare it). */
function facialVerifyApi(): RequestFacialVerify | null {
  const wx: unknown = (globalThis as { wx?: unknown }).wx;
  if (typeof wx !== 'object' || wx === null || !('requestFacialVerify' in wx)) return null;
  const api: unknown = wx.requestFacialVerify;
  if (typeof api !== 'function') return null;
  return (option) => {
    api.call(wx, option);
  };
}

export function wechatFaceAvailable(): boolean {
  return facialVerifyApi() !== null;
}

export const WECHAT_FACE_UNSUPPORTED = '当前微信版本不支持刷脸认证，请升级微信后再试';

/** How the camera step ended on the phone: `cancelled` when the person closed it. */
export type CameraResult = 'done' | 'cancelled' | 'failed';

/** Opens WeChat's face camera for a verify id; never rejects (the server has the real answer). */
export function runWechatFace(verifyId: string): Promise<CameraResult> {
  const api = facialVerifyApi();
  if (!api) return Promise.resolve('failed');
  return new Promise((resolve) => {
    api({
      verifyId,
      success: () => resolve('done'),
      fail: (error) => resolve(/cancel/i.test(error.errMsg ?? '') ? 'cancelled' : 'failed'),
    });
  });
}
