import type { SandboxClock } from '../../core/clock';
import type { SandboxEvents } from '../../core/events';
import { toCompactDate } from '../../legacy/dates';
import { type LegacyError, withDetail } from '../../legacy/envelope';
import { newCaseNumber, newEventId } from './case-numbers';
import { CaseBook, type CaseEntry } from './case-book';
import { APPROVAL_ERRORS } from './errors';
import { deliveryProblem, resolveDelivery } from './delivery';
import { residenceRefusal } from '../identity/residence-cases';
import type { ResidenceBook } from '../identity/residence-book';
import { residenceItemKind } from '../identity/residence-items';
import { checkForm } from './form-check';
import { type FeePayment, type FeeProblem, type FeeRefund, recordFeePayment, recordFeeRefund } from './fees';
import type { ApprovalItem } from './items';
import { MaterialStore } from './material-store';
import { onBehalfRefusal, subjectFormProblem } from './on-behalf';
import type { ApprovalEvent, CaseStep, SubmitRequest, SubmittedMaterial } from './records';
import type { WebhookDispatcher } from './webhook-dispatcher';
import type { WorkCalendar } from './work-calendar';
import {
  answerSupplement,
  applyStaffAction,
  demoAction,
  openCase,
  withdraw,
  type Outcome,
  type StaffAction,
  type StaffInput,
  type When,
} from './workflow';

export interface DeskDeps {
  clock: SandboxClock;
  calendar: WorkCalendar;
  items: ReadonlyMap<string, ApprovalItem>;
  dispatcher: WebhookDispatcher;
  /** Where decisions are announced to the other systems of the sandbox (traffic acts on some). */
  events?: SandboxEvents;
  /** The population system's residence files: 居住证 and 居住登记 cases are checked against them when filed. */
  residence?: ResidenceBook;
}

const FEE_ERRORS: Readonly<Record<FeeProblem, LegacyError>> = {
  'no-fee': APPROVAL_ERRORS.NO_FEE,
  'already-paid': APPROVAL_ERRORS.FEE_ALREADY_PAID,
  'amount-mismatch': APPROVAL_ERRORS.FEE_AMOUNT_MISMATCH,
  'not-payable': APPROVAL_ERRORS.FEE_NOT_PAYABLE,
  'not-paid': APPROVAL_ERRORS.FEE_NOT_PAID,
  'other-trade': APPROVAL_ERRORS.FEE_OTHER_TRADE,
};

export type DeskResult = { ok: true; entry: CaseEntry } | { ok: false; error: LegacyError };

/**
 * The approval system's state: cases, uploads, and every change pushed to
 * the webhook. All methods are synchronous, so a check and the change it
 * guards (one case per wbbh) can never interleave with another request.
 */
export class ApprovalDesk {
  readonly cases = new CaseBook();
  readonly materials = new MaterialStore();

  constructor(private readonly deps: DeskDeps) {}

  submit(request: SubmitRequest): DeskResult {
    const existing = this.cases.byExternalNumber(request.wbbh);
    if (existing) {
      // A retry of the same submission answers the case it made; a wbbh never leads to another person's case.
      if (existing.sfzmhm === request.sqr.sfzmhm) return { ok: true, entry: existing };
      return { ok: false, error: withDetail(APPROVAL_ERRORS.BAD_REQUEST, 'wbbh 已用于其他申请人的办件') };
    }
    const item = this.deps.items.get(request.sxbm);
    if (!item) return { ok: false, error: APPROVAL_ERRORS.UNKNOWN_ITEM };
    const formProblem = checkForm(item.form, request.bdsj);
    if (formProblem) return { ok: false, error: withDetail(APPROVAL_ERRORS.BAD_REQUEST, formProblem) };
    const today = toCompactDate(this.deps.clock.now());
    if (request.dsr) {
      const refusal = onBehalfRefusal(item, request.dsr, today);
      if (refusal) return { ok: false, error: refusal };
      const subjectProblem = subjectFormProblem(item, request.dsr, request.bdsj);
      if (subjectProblem) return { ok: false, error: withDetail(APPROVAL_ERRORS.BAD_REQUEST, subjectProblem) };
    }
    const residenceIssue = this.residenceIssue(request, today);
    if (residenceIssue) return { ok: false, error: residenceIssue };
    const fileProblem = this.checkFiles(request.cl, request.sqr.sfzmhm);
    if (fileProblem) return { ok: false, error: fileProblem };
    const deliveryIssue = request.sdxx ? deliveryProblem(item, request.sdxx) : undefined;
    if (deliveryIssue) return { ok: false, error: withDetail(APPROVAL_ERRORS.BAD_REQUEST, deliveryIssue) };

    const when = this.when();
    const record = openCase(
      {
        bjbh: this.unusedCaseNumber(toCompactDate(when.now)),
        wbbh: request.wbbh,
        ...(request.fbjbh === undefined ? {} : { fbjbh: request.fbjbh }),
        ...(request.sdxx === undefined ? {} : { sdxx: { ...request.sdxx } }),
      },
      item,
      when,
    );
    if (request.dsr) record.dsr = { ...request.dsr };
    const entry: CaseEntry = {
      record,
      sfzmhm: request.sqr.sfzmhm,
      applicant: { ...request.sqr },
      item,
      materials: [...request.cl],
      formData: structuredClone(request.bdsj),
    };
    this.cases.add(entry);
    const first = record.lcjl[0];
    if (first) this.publish(entry, first);
    return { ok: true, entry };
  }

  /** The applicant answers a pending 补正 with an explanation and more materials. */
  answerSupplement(entry: CaseEntry, bcsm: string, cl: SubmittedMaterial[]): DeskResult {
    if (entry.record.zt !== '04') return { ok: false, error: APPROVAL_ERRORS.NO_SUPPLEMENT_PENDING };
    const fileProblem = this.checkFiles(cl, entry.sfzmhm);
    if (fileProblem) return { ok: false, error: fileProblem };
    const step = answerSupplement(entry.record, entry.item, this.when(), bcsm);
    if (!step) return { ok: false, error: APPROVAL_ERRORS.NO_SUPPLEMENT_PENDING };
    entry.materials.push(...cl);
    this.publish(entry, step);
    return { ok: true, entry };
  }

  withdraw(entry: CaseEntry, chyy: string): DeskResult {
    const step = withdraw(entry.record, entry.item, this.when(), chyy);
    if (!step) return { ok: false, error: APPROVAL_ERRORS.WITHDRAW_NOT_ALLOWED };
    this.publish(entry, step);
    return { ok: true, entry };
  }

  /** The payment side reports the case's fee paid (idempotent per 交易号). */
  recordFeePayment(entry: CaseEntry, payment: FeePayment): DeskResult {
    const outcome = recordFeePayment(entry.record, payment);
    return outcome.ok ? { ok: true, entry } : { ok: false, error: FEE_ERRORS[outcome.problem] };
  }

  /** The payment side reports the paid fee refunded (idempotent). */
  recordFeeRefund(entry: CaseEntry, refund: FeeRefund): DeskResult {
    const outcome = recordFeeRefund(entry.record, refund);
    return outcome.ok ? { ok: true, entry } : { ok: false, error: FEE_ERRORS[outcome.problem] };
  }

  staffAction(entry: CaseEntry, action: StaffAction, input: StaffInput): Outcome {
    const delivery = resolveDelivery(entry.record, entry.formData);
    const outcome = applyStaffAction(entry.record, entry.item, this.when(), action, input, delivery);
    if (outcome.ok && action === 'deliver') this.handToPost(entry, outcome.step.clsj);
    if (outcome.ok) this.publish(entry, outcome.step);
    return outcome;
  }

  /** Demo mode: every open case one step along (04 waits for the applicant). Returns how many moved. */
  advanceAll(): number {
    let moved = 0;
    for (const entry of this.cases.list().reverse()) {
      const action = demoAction(entry.record.zt);
      if (action && this.staffAction(entry, action, {}).ok) moved += 1;
    }
    return moved;
  }

  reset(): void {
    this.cases.clear();
    this.materials.clear();
  }

  private when(): When {
    return { now: this.deps.clock.now(), calendar: this.deps.calendar };
  }

  /** 4021 with the population system's reason when a 居住证 or 居住登记 case does not qualify today. */
  private residenceIssue(request: SubmitRequest, today: string): LegacyError | undefined {
    const kind = residenceItemKind(request.sxbm);
    if (!kind || !this.deps.residence) return undefined;
    const subject = request.dsr?.sfzmhm ?? request.sqr.sfzmhm;
    const reason = residenceRefusal(this.deps.residence, kind, subject, request.bdsj, today);
    return reason === undefined ? undefined : { code: APPROVAL_ERRORS.RESIDENCE_NOT_ELIGIBLE.code, msg: reason };
  }

  private checkFiles(cl: readonly SubmittedMaterial[], sfzmhm: string): LegacyError | undefined {
    const foreign = cl.find((material) => material.ly === 'SC' && !this.materials.ownedBy(material.wjbs ?? '', sfzmhm));
    if (!foreign) return undefined;
    return withDetail(
      APPROVAL_ERRORS.BAD_REQUEST,
      `材料“${foreign.clmc}”的文件 ${foreign.wjbs ?? ''} 不存在或不是申请人本人上传的`,
    );
  }

  private unusedCaseNumber(day: string): string {
    for (;;) {
      const bjbh = newCaseNumber(day);
      if (!this.cases.has(bjbh)) return bjbh;
    }
  }

  /** A certificate mailed to a 送达 address goes to EMS under its 快递单号 (from the range EMS issued us). */
  private handToPost(entry: CaseEntry, postedAt: string): void {
    const { kdh, sdxx } = entry.record;
    if (!kdh || sdxx?.sdfs !== '2' || !sdxx.sjr || !sdxx.lxdh) return;
    this.deps.events?.emit('caseMailed', {
      bjbh: entry.record.bjbh,
      mailNo: kdh,
      receiver: {
        name: sdxx.sjr,
        phone: sdxx.lxdh,
        province: sdxx.sf ?? '',
        city: sdxx.cs ?? '',
        district: sdxx.qx ?? '',
        address: sdxx.xxdz ?? '',
      },
      postedAt,
    });
  }

  private publish(entry: CaseEntry, step: CaseStep): void {
    const event: ApprovalEvent = {
      sjbh: newEventId(step.clsj),
      sjsj: step.clsj,
      bjbh: entry.record.bjbh,
      sfzmhm: entry.sfzmhm,
      zt: step.zt,
      hjmc: step.hjmc,
      ...(step.yj === undefined ? {} : { yj: step.yj }),
      bj: structuredClone(entry.record),
    };
    this.deps.dispatcher.send(event);
    if (step.zt === '05' || step.zt === '06' || step.zt === '07') {
      this.deps.events?.emit('caseDecided', {
        bjbh: entry.record.bjbh,
        sxbm: entry.record.sxbm,
        sfzmhm: entry.sfzmhm,
        subject: entry.record.dsr?.sfzmhm ?? entry.sfzmhm,
        formData: entry.formData,
        status: step.zt,
      });
    }
  }
}
