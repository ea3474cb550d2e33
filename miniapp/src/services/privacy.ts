import Taro from '@tarojs/taro';
import type { AccountDeletion, DataUseList, PrivacyNotice } from '@suijing/shared';
import { fileNameFromDisposition, safeFileName, saveTextFile, type SavedFile } from '@/utils/save-file';
import { apiBaseUrl, apiRequest, apiTransport, normaliseHeader, type RawResponse } from './api-client';
import { networkError } from './api-error';

/**
 * The person's rights over their data: 个人信息使用记录 (who read what, when),
 * 注销账号 (with a cooling-off period) and a copy of everything held.
 */

export const DATA_USE_PAGE_SIZE = 20;

/** 隐私保护指引: public, read before consenting (and so before any login). */
export function fetchPrivacyNotice(): Promise<PrivacyNotice> {
  return apiRequest<PrivacyNotice>({ path: '/api/v1/privacy-notice', auth: false });
}

/** 个人信息使用记录, newest first. */
export function listDataUse(page: number, pageSize = DATA_USE_PAGE_SIZE): Promise<DataUseList> {
  return apiRequest<DataUseList>({ path: `/api/v1/me/data-usage?page=${page}&pageSize=${pageSize}` });
}

export function fetchDeletion(): Promise<AccountDeletion> {
  return apiRequest<AccountDeletion>({ path: '/api/v1/me/deletion' });
}

/** 申请注销 (fresh L3): the account is deleted after the cooling-off period unless cancelled. */
export function scheduleDeletion(): Promise<AccountDeletion> {
  return apiRequest<AccountDeletion>({ method: 'POST', path: '/api/v1/me/deletion' });
}

/** 撤销注销; 404 ACCOUNT_DELETION_NOT_FOUND when nothing is scheduled. */
export function cancelDeletion(): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: '/api/v1/me/deletion' });
}

function parseBody(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function defaultExportName(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `穗警通个人信息副本-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.json`;
}

/**
 * 下载个人信息副本 (fresh L3): the BFF's JSON attachment, byte for byte, as a
 * browser download (H5) or a file in the mini-program's folder (weapp).
 */
export async function downloadPersonalData(now = new Date()): Promise<SavedFile> {
  let text = '';
  let disposition: string | undefined;
  await apiTransport<unknown>(async (accessToken): Promise<RawResponse> => {
    const header: Record<string, string> = { Accept: 'application/json' };
    if (accessToken) header.Authorization = `Bearer ${accessToken}`;
    let res: Taro.request.SuccessCallbackResult<string>;
    try {
      // As text: the file keeps the BFF's bytes; an error body is parsed below.
      res = await Taro.request<string>({ url: `${apiBaseUrl()}/api/v1/me/export`, header, dataType: 'text' });
    } catch {
      throw networkError();
    }
    const headers = normaliseHeader(res.header);
    text = typeof res.data === 'string' ? res.data : JSON.stringify(res.data, null, 2);
    disposition = headers['content-disposition'];
    return { statusCode: res.statusCode, data: parseBody(res.data), header: headers };
  });
  const fileName = safeFileName(fileNameFromDisposition(disposition) ?? '', defaultExportName(now));
  return saveTextFile(fileName, text);
}
