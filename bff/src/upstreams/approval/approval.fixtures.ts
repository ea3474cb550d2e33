import type { ApplicationStatus } from '@suijing/shared';
import type { ApprovalCase, CaseChange } from './approval.types';

/** A pushed change of a case in our words, for unit tests (not built into dist): the case is left in `status`. */
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
    case: {
      caseNo,
      itemCode: 'X1',
      itemName: '无犯罪记录证明开具（本人申请）',
      status,
      submittedAt: '2026-12-01T01:00:00.000Z',
      promisedDate: '2026-12-04',
      currentStep: '办结',
      currentDepartment: '广州市公安局',
      timeline: [],
      ...change.case,
    },
  };
}
