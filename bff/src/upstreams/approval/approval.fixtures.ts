import type { ApplicationStatus } from '@suijing/shared';
import type { ApprovalCase, CaseChange } from './approval.types';

/** An approved case in our words, for unit tests (not built into dist). */
export const approvalCase = (overrides: Partial<ApprovalCase> = {}): ApprovalCase => ({
  caseNo: '2026120144010000000001',
  itemCode: '1144010000750226542000414000001',
  itemName: '无犯罪记录证明开具（本人申请）',
  status: 'approved',
  submittedAt: '2026-12-01T01:00:00.000Z',
  promisedDate: '2026-12-04',
  currentStep: '送达',
  currentDepartment: '广州市公安局',
  timeline: [
    { step: '申请', status: 'submitted', actor: '申请人', at: '2026-12-01T01:00:00.000Z', opinion: '网上申请' },
    { step: '办结', status: 'approved', actor: '广州市公安局', at: '2026-12-02T01:00:00.000Z', opinion: '准予许可' },
  ],
  ...overrides,
});

/** A pushed change of a case in our words, for unit tests: the case is left in `status`. */
export function caseChange(
  caseNo: string,
  status: ApplicationStatus,
  change: { opinion?: string; case?: Partial<ApprovalCase> } = {},
): CaseChange {
  return {
    eventId: 'e1',
    caseNo,
    status,
    ...(change.opinion === undefined ? {} : { opinion: change.opinion }),
    case: approvalCase({ caseNo, itemCode: 'X1', status, currentStep: '办结', timeline: [], ...change.case }),
  };
}
