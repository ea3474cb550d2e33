import type { AmountLine } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import type { ApprovalClient } from '../../upstreams/approval/approval.client';
import type { ApprovalCase } from '../../upstreams/approval/approval.types';
import type { FineBill, NontaxPort } from '../../upstreams/nontax/nontax.types';
import type { TrafficClient } from '../../upstreams/traffic/traffic.client';
import type { ViolationRecord } from '../../upstreams/traffic/traffic.types';
import type { ApplicationsRepository } from '../applications/applications.repository';
import type { VerifiedIdentity } from '../identity/identity.service';

/** A thing to pay, as the upstream that is owed the money states it: never the client. */
export interface OwedThing {
  thingKey: string;
  kind: 'fine' | 'fee';
  reference: string;
  title: string;
  department: string;
  lines: AmountLine[];
  amountFen: number;
  /** Paid already, as the creditor sees it. */
  paid: boolean;
  /** A fine's 缴款码. */
  paymentCode?: string;
}

export interface PaymentThingsDeps {
  traffic: Pick<TrafficClient, 'violations'>;
  nontax: Pick<NontaxPort, 'billOf'>;
  approval: Pick<ApprovalClient, 'getCase'>;
  applications: Pick<ApplicationsRepository, 'findOwn'>;
}

/** Statuses in which a case's fee can be paid: accepted and not yet decided. */
const FEE_PAYABLE = new Set<ApprovalCase['status']>(['accepted', 'reviewing', 'supplement']);

/** 罚款 and, from the 16th day, 加处罚款. */
export function fineLines(bill: FineBill): AmountLine[] {
  return [
    { label: '罚款', amountFen: bill.fineFen },
    ...(bill.lateFeeFen > 0 ? [{ label: '加处罚款', amountFen: bill.lateFeeFen }] : []),
  ];
}

/** The department a case's fee is paid to: the one that accepted it. */
function caseDepartment(found: ApprovalCase): string {
  const accepted = found.timeline.find((step) => step.status === 'accepted');
  return accepted?.actor ?? found.currentDepartment;
}

/** What is owed, checked to be the person's own: a fine of one of their violations, a fee of one of their cases. */
export class PaymentThings {
  constructor(private readonly deps: PaymentThingsDeps) {}

  /** The person's own 决定书 (one of their violations carries it) and its bill today; else FINE_NOT_FOUND. */
  async fine(person: VerifiedIdentity, decisionNo: string): Promise<{ violation: ViolationRecord; bill: FineBill }> {
    const [onsite, camera] = await Promise.all([
      this.deps.traffic.violations(person.idNumber, 'onsite'),
      this.deps.traffic.violations(person.idNumber, 'camera'),
    ]);
    const violation = [...onsite, ...camera].find((record) => record.decisionNo === decisionNo);
    if (!violation) throw new AppError({ code: 'FINE_NOT_FOUND' });
    const bill = await this.deps.nontax.billOf(decisionNo);
    if (!bill || bill.state === 'void') throw new AppError({ code: 'FINE_NOT_FOUND' });
    return { violation, bill };
  }

  async owedFine(person: VerifiedIdentity, decisionNo: string): Promise<OwedThing> {
    const { violation, bill } = await this.fine(person, decisionNo);
    return {
      thingKey: `fine:${decisionNo}`,
      kind: 'fine',
      reference: decisionNo,
      title: violation.description,
      department: violation.authority,
      lines: fineLines(bill),
      amountFen: bill.totalFen,
      paid: bill.state === 'paid',
      paymentCode: bill.paymentCode,
    };
  }

  /** The user's own case (filed through us) and its fee from the approval system; FEE_NOT_DUE without one. */
  async owedFee(userId: string, person: VerifiedIdentity, caseNo: string): Promise<OwedThing> {
    const own = await this.deps.applications.findOwn(userId, caseNo);
    if (!own) throw new AppError({ code: 'CASE_NOT_FOUND' });
    const found = await this.deps.approval.getCase(caseNo, person.idNumber);
    const fee = found.fee;
    if (!fee) throw new AppError({ code: 'FEE_NOT_DUE' });
    if (fee.state === 'refunded') throw new AppError({ code: 'FEE_NOT_DUE' });
    if (fee.state === 'due' && !FEE_PAYABLE.has(found.status)) throw new AppError({ code: 'FEE_NOT_DUE' });
    return {
      thingKey: `fee:${caseNo}`,
      kind: 'fee',
      reference: caseNo,
      title: found.itemName,
      department: caseDepartment(found),
      lines: [{ label: fee.title, amountFen: fee.amountFen }],
      amountFen: fee.amountFen,
      paid: fee.state === 'paid',
    };
  }
}
