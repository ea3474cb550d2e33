import type { Context } from 'koa';
import { legacyFail, legacyOk, replyLegacy, withDetail } from '../../legacy/envelope';
import { APPROVAL_ERRORS } from './errors';
import { MAX_FILE_BYTES, sniffType } from './file-types';
import type { MaterialStore } from './material-store';
import { readMultipart } from './multipart';
import { parseIdNumber } from './request-parsing';

/**
 * POST /approval/v1/materials, multipart/form-data with `file` and `sfzmhm`
 * -> {wjbs, wjdx, wjlx, sha256}. The type comes from the file's first bytes
 * (JPEG, PNG, PDF), never from its name or declared type; at most 10 MB.
 */
export function uploadMaterial(store: MaterialStore) {
  return async (ctx: Context): Promise<void> => {
    if (!ctx.is('multipart/form-data')) {
      return replyLegacy(ctx, legacyFail(withDetail(APPROVAL_ERRORS.BAD_REQUEST, '请使用 multipart/form-data 上传')));
    }
    const upload = await readMultipart(ctx.req, MAX_FILE_BYTES);
    if (upload.error !== undefined) {
      return replyLegacy(ctx, legacyFail(withDetail(APPROVAL_ERRORS.BAD_REQUEST, '上传报文不完整')));
    }
    const owner = parseIdNumber(upload.fields.sfzmhm);
    if (!owner.ok) return replyLegacy(ctx, legacyFail(withDetail(APPROVAL_ERRORS.BAD_REQUEST, owner.problem)));
    const { file } = upload;
    if (!file || file.content.length === 0) {
      return replyLegacy(ctx, legacyFail(withDetail(APPROVAL_ERRORS.FILE_REJECTED, '未收到文件（字段 file）')));
    }
    if (file.truncated) {
      return replyLegacy(ctx, legacyFail(withDetail(APPROVAL_ERRORS.FILE_REJECTED, '文件超过10MB')));
    }
    const type = sniffType(file.content);
    if (!type) {
      return replyLegacy(
        ctx,
        legacyFail(withDetail(APPROVAL_ERRORS.FILE_REJECTED, '仅支持JPG、PNG、PDF文件（按文件内容识别）')),
      );
    }
    replyLegacy(ctx, legacyOk(store.add(owner.value, file.content, type)));
  };
}
