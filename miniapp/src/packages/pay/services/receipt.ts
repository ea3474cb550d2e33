import Taro from '@tarojs/taro';
import { apiBaseUrl, apiTransport, type RawResponse } from '@/services/api-client';
import { networkError } from '@/services/api-error';
import { orderPath } from './payments-api';

/** The 电子票据 PDF of a paid order, fetched with the session's token (it is personal). */

const receiptUrl = (orderId: string): string => `${apiBaseUrl()}${orderPath(orderId)}/receipt`;

function authHeader(accessToken: string | null): Record<string, string> {
  return accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
}

/** An error answer's body as the client's error parser wants it (JSON when it is JSON). */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * H5: the PDF as an object URL for an <iframe> and a 保存 link. The caller
 * revokes it (URL.revokeObjectURL) when the page goes.
 */
export async function receiptObjectUrl(orderId: string): Promise<string> {
  let pdf: Blob | null = null;
  await apiTransport<unknown>(async (accessToken): Promise<RawResponse> => {
    let res: Response;
    try {
      res = await fetch(receiptUrl(orderId), { headers: { Accept: 'application/pdf', ...authHeader(accessToken) } });
    } catch {
      throw networkError();
    }
    const header = { 'x-request-id': res.headers.get('x-request-id') ?? undefined };
    if (!res.ok) return { statusCode: res.status, data: parseBody(await res.text()), header };
    pdf = await res.blob();
    return { statusCode: res.status, data: null, header };
  });
  if (!pdf) throw networkError();
  return URL.createObjectURL(pdf);
}

/** weapp: downloads the PDF to a temporary file and opens it in WeChat's document viewer (save / forward there). */
export async function openReceiptInWechat(orderId: string): Promise<void> {
  let filePath = '';
  await apiTransport<unknown>(async (accessToken): Promise<RawResponse> => {
    let res: Taro.downloadFile.FileSuccessCallbackResult;
    try {
      res = await Taro.downloadFile({ url: receiptUrl(orderId), header: authHeader(accessToken) });
    } catch {
      throw networkError();
    }
    if (res.statusCode >= 200 && res.statusCode < 300) {
      filePath = res.tempFilePath;
      return { statusCode: res.statusCode, data: null, header: {} };
    }
    // An error answer lands in the file too: read it for the BFF's message.
    const text = Taro.getFileSystemManager().readFileSync(res.tempFilePath, 'utf8');
    return { statusCode: res.statusCode, data: parseBody(typeof text === 'string' ? text : ''), header: {} };
  });
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
}

/** The name the 保存 link gives the file. */
export function receiptFileName(receiptNo: string | undefined, orderId: string): string {
  return `电子票据-${receiptNo ?? orderId}.pdf`;
}
