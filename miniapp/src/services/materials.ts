import Taro from '@tarojs/taro';
import type { UploadedMaterial } from '@suijing/shared';
import { apiBaseUrl, apiTransport, normaliseHeader, type RawResponse } from './api-client';
import { networkError } from './api-error';

/** Material uploads (JPG, PNG or PDF, at most 10 MB), with progress. */

export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;
const UPLOAD_TIMEOUT_MS = 120_000;

export interface UploadOptions {
  /** A local file path (weapp) or an object URL (H5). */
  filePath: string;
  /** The file's name, for H5 where an object URL has none. */
  fileName?: string;
  /** H5: the File itself, sent with XMLHttpRequest (progress from xhr.upload). */
  file?: Blob;
  /** 0..100 as the bytes go out. */
  onProgress?: (percent: number) => void;
}

/** H5: multipart POST of the File with upload progress; resolves with any HTTP answer. */
function xhrUpload(
  url: string,
  file: Blob,
  fileName: string,
  header: Record<string, string>,
  onProgress?: (p: number) => void,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.timeout = UPLOAD_TIMEOUT_MS;
    for (const [key, value] of Object.entries(header)) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () =>
      resolve({
        statusCode: xhr.status,
        data: parseBody(xhr.responseText),
        header: { 'x-request-id': xhr.getResponseHeader('x-request-id') ?? undefined },
      });
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(networkError());
    const form = new FormData();
    form.append('file', file, fileName);
    xhr.send(form);
  });
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

/**
 * Uploads through Taro.uploadFile (weapp; UploadTask.onProgressUpdate) or,
 * on H5 with the picked File, an XMLHttpRequest (Taro's H5 uploadFile
 * re-reads the file from an object URL and did not complete here), with the
 * API client's token rules: Bearer token, one refresh on an expired token.
 */
export function uploadMaterial(options: UploadOptions): Promise<UploadedMaterial> {
  return apiTransport<UploadedMaterial>(async (accessToken): Promise<RawResponse> => {
    options.onProgress?.(0);
    const header: Record<string, string> = { Accept: 'application/json' };
    if (accessToken) header.Authorization = `Bearer ${accessToken}`;
    const url = `${apiBaseUrl()}/api/v1/materials`;
    if (options.file) return xhrUpload(url, options.file, options.fileName ?? 'file', header, options.onProgress);
    try {
      const task = Taro.uploadFile({
        url,
        filePath: options.filePath,
        name: 'file',
        header,
        timeout: UPLOAD_TIMEOUT_MS,
        ...(options.fileName ? { fileName: options.fileName } : {}),
      });
      task.onProgressUpdate?.((update) => options.onProgress?.(update.progress));
      const res = await task;
      return { statusCode: res.statusCode, data: parseBody(res.data), header: normaliseHeader(res.header) };
    } catch {
      throw networkError();
    }
  });
}

export type MaterialMime = UploadedMaterial['mime'];

/** Whether a file may be uploaded, by name and size; the BFF checks the content again. */
export function checkMaterialFile(name: string, size: number): string | undefined {
  if (!/\.(jpe?g|png|pdf)$/i.test(name)) return '请上传 JPG、PNG 图片或 PDF 文件';
  if (size > MAX_MATERIAL_BYTES) return '文件不能超过 10 MB，请压缩后再上传';
  if (size <= 0) return '文件是空的，请重新选择';
  return undefined;
}
