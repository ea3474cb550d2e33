import { randomBytes } from 'node:crypto';
import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import type { GovSettings } from '../gov-system-client';
import { UpstreamClient } from '../upstream-client';
import {
  APPROVAL_CODES,
  CaseResponseSchema,
  MaterialResponseSchema,
  type CaseRecord,
  type SubmitRequest,
} from './approval.dialect';

export interface UploadedFile {
  bytes: Buffer;
  filename: string;
  mime: 'image/jpeg' | 'image/png' | 'application/pdf';
}

/** multipart/form-data by hand: two fields, one of them the file; undici sends the bytes as they are. */
function multipart(fields: Record<string, string>, file: UploadedFile): { bytes: Buffer; contentType: string } {
  const boundary = `----suijing${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  const safeName = file.filename.replace(/["\r\n\\]/g, '_');
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${file.mime}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { bytes: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The approval system (审批/办件): materials, submissions, cases. */
export class ApprovalClient {
  readonly upstream: UpstreamClient;

  constructor(
    private readonly settings: GovSettings,
    logger: Logger,
  ) {
    this.upstream = new UpstreamClient(
      { name: 'approval', label: '审批系统', baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, retries: 1 },
      logger,
    );
  }

  /** Stores a file as a material; not retried (a retry could store it twice, harmlessly but needlessly). */
  async uploadMaterial(file: UploadedFile, idNumber: string): Promise<{ fileId: string; sha256: string }> {
    const answer = await this.upstream.call({
      method: 'POST',
      path: '/approval/v1/materials',
      headers: this.headers(),
      rawBody: multipart({ sfzmhm: idNumber }, file),
      safe: false,
      schema: MaterialResponseSchema,
    });
    if (answer.code === APPROVAL_CODES.OK && answer.data)
      return { fileId: answer.data.wjbs, sha256: answer.data.sha256 };
    if (answer.code === APPROVAL_CODES.FILE_REJECTED) {
      throw new AppError({
        code: 'MATERIAL_REJECTED',
        message: answer.msg ? `材料未通过检查：${answer.msg}` : undefined,
      });
    }
    throw this.failure(answer.code, answer.msg);
  }

  /**
   * Files a case. Safe to repeat: the system keeps one case per `wbbh`, so a
   * retry after a timeout answers the case the first attempt created.
   */
  async submit(request: SubmitRequest): Promise<CaseRecord> {
    return this.caseCall({ method: 'POST', path: '/approval/v1/cases', body: request, safe: true });
  }

  /** A case of this person; an unknown number and someone else's look the same (CASE_NOT_FOUND). */
  async getCase(caseNo: string, idNumber: string): Promise<CaseRecord> {
    return this.caseCall({
      method: 'GET',
      path: `/approval/v1/cases/${encodeURIComponent(caseNo)}`,
      query: { sfzmhm: idNumber },
      safe: true,
    });
  }

  async answerSupplement(
    caseNo: string,
    body: { sfzmhm: string; bcsm: string; cl: SubmitRequest['cl'] },
  ): Promise<CaseRecord> {
    return this.caseCall({
      method: 'POST',
      path: `/approval/v1/cases/${encodeURIComponent(caseNo)}/supplements`,
      body,
      safe: false,
    });
  }

  async withdraw(caseNo: string, body: { sfzmhm: string; chyy: string }): Promise<CaseRecord> {
    return this.caseCall({
      method: 'POST',
      path: `/approval/v1/cases/${encodeURIComponent(caseNo)}/withdraw`,
      body,
      safe: false,
    });
  }

  close(): Promise<void> {
    return this.upstream.close();
  }

  private async caseCall(call: {
    method: 'GET' | 'POST';
    path: string;
    body?: unknown;
    query?: Record<string, string>;
    safe: boolean;
  }): Promise<CaseRecord> {
    const answer = await this.upstream.call({ ...call, headers: this.headers(), schema: CaseResponseSchema });
    if (answer.code === APPROVAL_CODES.OK && answer.data) return answer.data;
    switch (answer.code) {
      case APPROVAL_CODES.CASE_NOT_FOUND:
        throw new AppError({ code: 'CASE_NOT_FOUND' });
      case APPROVAL_CODES.UNKNOWN_ITEM:
        throw new AppError({ code: 'ITEM_NOT_FOUND' });
      case APPROVAL_CODES.BAD_REQUEST:
        // Our own checks ran first; what the system still refuses, it refuses in words the citizen can act on.
        throw new AppError({
          code: 'VALIDATION_FAILED',
          message: answer.msg ? `审批系统未受理：${answer.msg}` : undefined,
        });
      case APPROVAL_CODES.NO_SUPPLEMENT_PENDING:
        throw new AppError({ code: 'CASE_STATE_CONFLICT', message: '该办件当前不需要补正材料' });
      case APPROVAL_CODES.WITHDRAW_NOT_ALLOWED:
        throw new AppError({ code: 'CASE_STATE_CONFLICT', message: '该办件已进入办结环节，不能撤回' });
      default:
        throw this.failure(answer.code, answer.msg);
    }
  }

  private headers(): Record<string, string> {
    return { 'x-app-key': this.settings.appKey };
  }

  private failure(code: string, msg: string | undefined): AppError {
    return new AppError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: '审批系统暂时无法访问，请稍后再试',
      expose: true,
      cause: new Error(`approval code ${code}: ${msg ?? ''}`),
    });
  }
}
