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
 * H5: the PDF as an object URL, for 保存 (a download) and 打开PDF (a new tab).
 * The caller releases it (releaseReceiptPdf) when the page goes.
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

/** H5: hands the fetched PDF to the browser as a download under the receipt's name. */
function downloadPdf(pdfUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = pdfUrl;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** 保存电子票据 (PDF): a download on H5; on weapp, WeChat's document viewer, whose menu saves or forwards it. */
export async function saveReceiptPdf(receipt: {
  orderId: string;
  pdfUrl: string | null;
  fileName: string;
}): Promise<void> {
  if (receipt.pdfUrl) {
    downloadPdf(receipt.pdfUrl, receipt.fileName);
    return;
  }
  await openReceiptInWechat(receipt.orderId);
}

/** H5: the PDF in the browser's own viewer, in a new tab (phones that cannot show it inline offer to download). */
export function openReceiptPdf(pdfUrl: string): void {
  window.open(pdfUrl, '_blank', 'noopener');
}

/** H5: lets the fetched PDF go once the page is gone. */
export function releaseReceiptPdf(pdfUrl: string): void {
  URL.revokeObjectURL(pdfUrl);
}

/** The name a saved receipt gets. */
export function receiptFileName(receiptNo: string | undefined, orderId: string): string {
  return `电子票据-${receiptNo ?? orderId}.pdf`;
}
