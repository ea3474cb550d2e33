import { randomBytes } from 'node:crypto';
import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import { GovSystemClient, type GovSettings } from '../gov-system-client';
import { APPROVAL_CODES, CaseResponseSchema, MaterialResponseSchema } from './approval.dialect';
import { toCompactDateTime } from '@suijing/shared';
import { fenToYuan, toApprovalCase, toSubmitRequest, toSubmittedMaterials } from './approval.mapping';
import type { ApprovalCase, CaseFiling, CaseMaterial, FeeSettlement } from './approval.types';

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
export class ApprovalClient extends GovSystemClient {
  constructor(settings: GovSettings, logger: Logger) {
    super(settings, logger, { name: 'approval', label: '审批系统' });
  }

  /** Stores a file as a material; not retried (a retry could store it twice, harmlessly but needlessly). */
  async uploadMaterial(file: UploadedFile, idNumber: string): Promise<{ fileId: string; sha256: string }> {
    const answer = await this.call({
      method: 'POST',
      path: '/approval/v1/materials',
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
    throw this.unexpected(answer, 'material');
  }

  /**
   * Files a case. Safe to repeat: the system keeps one case per reference (wbbh),
   * so a retry after a timeout answers the case the first attempt created.
   */
  async submit(filing: CaseFiling): Promise<ApprovalCase> {
    return this.caseCall({ method: 'POST', path: '/approval/v1/cases', body: toSubmitRequest(filing), safe: true });
  }

  /** A case of this person; an unknown number and someone else's look the same (CASE_NOT_FOUND). */
  async getCase(caseNo: string, idNumber: string): Promise<ApprovalCase> {
    return this.caseCall({
      method: 'GET',
      path: `/approval/v1/cases/${encodeURIComponent(caseNo)}`,
      query: { sfzmhm: idNumber },
      safe: true,
    });
  }

  /** Answers a 补正 with an explanation and the missing materials. */
  async answerSupplement(
    caseNo: string,
    answer: { idNumber: string; explanation: string; materials: readonly CaseMaterial[] },
  ): Promise<ApprovalCase> {
    return this.caseCall({
      method: 'POST',
      path: `/approval/v1/cases/${encodeURIComponent(caseNo)}/supplements`,
      body: { sfzmhm: answer.idNumber, bcsm: answer.explanation, cl: toSubmittedMaterials(answer.materials) },
      safe: false,
    });
  }

  async withdraw(caseNo: string, request: { idNumber: string; reason: string }): Promise<ApprovalCase> {
    return this.caseCall({
      method: 'POST',
      path: `/approval/v1/cases/${encodeURIComponent(caseNo)}/withdraw`,
      body: { sfzmhm: request.idNumber, chyy: request.reason },
      safe: false,
    });
  }

  /**
   * Reports the case's fee paid by a transaction. Safe to repeat: the system keeps one
   * payment per transaction. ALREADY_PAID when another transaction paid it; FEE_NOT_DUE
   * when the case has no fee or can no longer be paid (decided, withdrawn).
   */
  async confirmFee(caseNo: string, payment: FeeSettlement): Promise<ApprovalCase> {
    return this.caseCall({
      method: 'POST',
      path: `/approval/v1/cases/${encodeURIComponent(caseNo)}/jf`,
      body: { jyh: payment.transactionId, jfje: fenToYuan(payment.amountFen), jfsj: toCompactDateTime(payment.at) },
      safe: true,
    });
  }

  /** Reports the paid fee refunded in full; safe to repeat. CASE_STATE_CONFLICT when that transaction did not pay it. */
  async recordRefund(caseNo: string, refund: FeeSettlement): Promise<ApprovalCase> {
    return this.caseCall({
      method: 'POST',
      path: `/approval/v1/cases/${encodeURIComponent(caseNo)}/tf`,
      body: { jyh: refund.transactionId, tkje: fenToYuan(refund.amountFen), tksj: toCompactDateTime(refund.at) },
      safe: true,
    });
  }

  private async caseCall(call: {
    method: 'GET' | 'POST';
    path: string;
    body?: unknown;
    query?: Record<string, string>;
    safe: boolean;
  }): Promise<ApprovalCase> {
    const answer = await this.call({ ...call, schema: CaseResponseSchema });
    if (answer.code === APPROVAL_CODES.OK && answer.data) return toApprovalCase(answer.data);
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
      case APPROVAL_CODES.FEE_ALREADY_PAID:
        throw new AppError({ code: 'ALREADY_PAID' });
      case APPROVAL_CODES.NO_FEE:
      case APPROVAL_CODES.FEE_NOT_PAYABLE:
        throw new AppError({ code: 'FEE_NOT_DUE' });
      case APPROVAL_CODES.RESIDENCE_NOT_ELIGIBLE:
        // The rule's own reason says what to do (e.g. 居住登记满半年后再申领).
        throw new AppError({ code: 'RESIDENCE_NOT_ELIGIBLE', message: answer.msg?.trim() || undefined });
      case APPROVAL_CODES.ON_BEHALF_NOT_ALLOWED:
        throw new AppError({ code: 'ON_BEHALF_NOT_ALLOWED', message: answer.msg?.trim() || undefined });
      case APPROVAL_CODES.FEE_NOT_PAID:
      case APPROVAL_CODES.FEE_OTHER_TRADE:
        throw new AppError({ code: 'CASE_STATE_CONFLICT', message: '该办件的缴费记录与退款不符' });
      default:
        throw this.unexpected(answer, 'case');
    }
  }
}
