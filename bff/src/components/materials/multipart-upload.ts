import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { AppError } from '../../libraries/errors';

export interface ReceivedFile {
  filename: string;
  bytes: Buffer;
}

/**
 * Reads exactly one file from a multipart/form-data request, refusing it as
 * soon as it passes `maxBytes` (the rest of the stream is drained, not kept).
 */
export function receiveOneFile(request: IncomingMessage, maxBytes: number): Promise<ReceivedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: maxBytes, fields: 5, parts: 6 } });
    } catch (error) {
      reject(
        new AppError({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: '请以表单文件 (multipart/form-data) 上传材料',
          cause: error,
        }),
      );
      return;
    }
    let received: ReceivedFile | undefined;
    let failure: AppError | undefined;
    parser.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure = new AppError({
          code: 'BODY_TOO_LARGE',
          message: `材料文件不能超过 ${Math.round(maxBytes / 1048576)} MB，请压缩后重试`,
        });
      });
      stream.on('end', () => {
        if (!failure) received = { filename: info.filename || 'material', bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('filesLimit', () => {
      failure ??= new AppError({ code: 'VALIDATION_FAILED', message: '一次只能上传一个文件' });
    });
    parser.on('error', (error) =>
      reject(new AppError({ code: 'VALIDATION_FAILED', message: '上传内容不完整，请重试', cause: error })),
    );
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (!received || received.bytes.length === 0) {
        reject(new AppError({ code: 'VALIDATION_FAILED', message: '请选择要上传的材料文件' }));
      } else resolve(received);
    });
    request.pipe(parser);
  });
}
