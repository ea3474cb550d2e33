import { fromCompactDateTime, isoDayFromCompact, type ApplicationStatus, type DeliveryMode } from '@suijing/shared';
import type { CaseRecord, CaseStatus, DeliveryInfo, FeeInfo, SubmitRequest } from './approval.dialect';
import type {
  ApprovalCase,
  CaseDelivery,
  CaseFeeRecord,
  CaseFiling,
  CaseMaterial,
  FilingDelivery,
} from './approval.types';

/** Translation between the approval system's dialect and our words, both ways. */

/** 办件状态 codes. */
export const STATUS_OF: Record<CaseStatus, ApplicationStatus> = {
  '01': 'submitted',
  '02': 'accepted',
  '03': 'reviewing',
  '04': 'supplement',
  '05': 'approved',
  '06': 'rejected',
  '07': 'delivered',
  '08': 'withdrawn',
};

/** 送达方式 codes. */
const MODE_OF: Record<DeliveryInfo['sdfs'], DeliveryMode> = { '1': 'window', '2': 'post', '3': 'electronic' };
const CODE_OF: Record<DeliveryMode, DeliveryInfo['sdfs']> = { window: '1', post: '2', electronic: '3' };

/** yyyyMMddHHmmss (Beijing) -> ISO. */
const iso = (compact: string): string => (fromCompactDateTime(compact) ?? new Date(0)).toISOString();

/** 送达信息 as the approval system takes it: by post to the chosen recipient, else the applicant at the filing's phone. */
function toDeliveryInfo(choice: FilingDelivery, applicant: { name: string; phone: string }): DeliveryInfo {
  const sdfs = CODE_OF[choice.mode];
  if (choice.mode !== 'post' || !choice.address) return { sdfs };
  const { province, city, district, detail } = choice.address;
  const recipient = choice.recipient ?? applicant;
  return { sdfs, sjr: recipient.name, lxdh: recipient.phone, sf: province, cs: city, qx: district, xxdz: detail };
}

/** A case's 送达信息 in our words. */
function fromDeliveryInfo(info: DeliveryInfo): CaseDelivery {
  const region = `${info.sf ?? ''}${info.cs ?? ''}${info.qx ?? ''}`;
  return {
    mode: MODE_OF[info.sdfs],
    ...(info.sjr ? { recipient: info.sjr } : {}),
    ...(info.lxdh ? { phone: info.lxdh } : {}),
    ...(region ? { region } : {}),
    ...(info.xxdz ? { detail: info.xxdz } : {}),
  };
}

/** 材料 (cl) of a filing or a 补正: 来源 SC with the file, DZZZ with the licence, GX with the shared record. */
export function toSubmittedMaterials(materials: readonly CaseMaterial[]): SubmitRequest['cl'] {
  return materials.map((material) => {
    switch (material.source) {
      case 'upload':
        return { clmc: material.name, ly: 'SC', wjbs: material.fileId };
      case 'elicence':
        return { clmc: material.name, ly: 'DZZZ', zzbs: material.licenceId };
      case 'shared':
        return { clmc: material.name, ly: 'GX', gxbs: material.recordNo };
    }
  });
}

/** A filing as the approval system takes it. */
export function toSubmitRequest(filing: CaseFiling): SubmitRequest {
  const { applicant } = filing;
  return {
    wbbh: filing.reference,
    sxbm: filing.itemCode,
    sqr: { xm: applicant.name, sfzmhm: applicant.idNumber, sjhm: applicant.phone },
    bdsj: filing.data,
    cl: toSubmittedMaterials(filing.materials),
    ...(filing.delivery ? { sdxx: toDeliveryInfo(filing.delivery, applicant) } : {}),
    ...(filing.subject
      ? {
          dsr: {
            xm: filing.subject.name,
            sfzmhm: filing.subject.idNumber,
            gx: filing.subject.relation === 'guardian' ? 'JHR' : 'QS',
          },
        }
      : {}),
  };
}

/** Yuan text as the system writes it ("120.00", "120") in fen; NaN never leaves: the dialect checked the form. */
export function yuanToFen(yuan: string): number {
  const [whole = '0', cents = ''] = yuan.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0').slice(0, 2));
}

/** Fen as the system's yuan text (12000 -> "120.00"). */
export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const FEE_STATE_OF: Record<FeeInfo['jfzt'], CaseFeeRecord['state']> = { '0': 'due', '1': 'paid', '2': 'refunded' };

function fromFeeInfo(info: FeeInfo): CaseFeeRecord {
  return {
    title: info.sfxm,
    amountFen: yuanToFen(info.sfje),
    state: FEE_STATE_OF[info.jfzt],
    ...(info.jyh ? { transactionId: info.jyh } : {}),
    ...(info.jfsj ? { paidAt: iso(info.jfsj) } : {}),
    ...(info.tfsj ? { refundedAt: iso(info.tfsj) } : {}),
  };
}

/** A case in our words: what is pending or decided is only said while the status says it. */
export function toApprovalCase(record: CaseRecord): ApprovalCase {
  const extendedWorkingDays = Number(record.ztgzr ?? '0');
  return {
    caseNo: record.bjbh,
    itemCode: record.sxbm,
    itemName: record.sxmc,
    status: STATUS_OF[record.zt],
    submittedAt: iso(record.sqsj),
    promisedDate: isoDayFromCompact(record.cnbjrq),
    currentStep: record.dqhj,
    currentDepartment: record.dqclbm,
    ...(record.dqjzsj ? { currentDeadline: iso(record.dqjzsj) } : {}),
    ...(record.zt === '04' && record.bcnr ? { supplementRequest: record.bcnr } : {}),
    ...(record.zt === '06' && record.byxkly ? { rejectionReason: record.byxkly } : {}),
    ...(record.kdh ? { trackingNo: record.kdh } : {}),
    // The approval system owns the deadline: while it waits for a 补正 its clock is stopped.
    ...(record.zt === '04' && record.jsztsj ? { clockPausedSince: iso(record.jsztsj) } : {}),
    ...(extendedWorkingDays > 0 ? { extendedWorkingDays } : {}),
    ...(record.sdxx ? { delivery: fromDeliveryInfo(record.sdxx) } : {}),
    ...(record.dzzm
      ? {
          certificate: {
            name: record.dzzm.zmmc,
            number: record.dzzm.zmbh,
            verificationCode: record.dzzm.hym,
            issuedAt: iso(record.dzzm.qfsj),
          },
        }
      : {}),
    ...(record.jfxx ? { fee: fromFeeInfo(record.jfxx) } : {}),
    ...(record.dsr ? { subject: { name: record.dsr.xm, idNumber: record.dsr.sfzmhm } } : {}),
    timeline: record.lcjl.map((step) => ({
      step: step.hjmc,
      status: STATUS_OF[step.zt],
      actor: step.clr,
      at: iso(step.clsj),
      ...(step.yj === undefined ? {} : { opinion: step.yj }),
    })),
  };
}
