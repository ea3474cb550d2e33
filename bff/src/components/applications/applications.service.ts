import {
  filingDay,
  fillIdentity,
  toCompactDate,
  identityFields,
  mustProvideOnline,
  type ApplicantIdentity,
  type ApplicationDetail,
  type ApplicationList,
  type ApplicationListQuery,
  type ApplicationSubmitRequest,
  type ApplicationSummary,
  type ItemGuide,
  type MaterialRef,
  type MemberCasesQuery,
  type SupplementRequest,
  type WithdrawRequest,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { AuthState } from '../../libraries/context';
import { AppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import type { ApprovalClient } from '../../upstreams/approval/approval.client';
import type { CaseMaterial, FilingDelivery } from '../../upstreams/approval/approval.types';
import type { EmsPort } from '../../upstreams/ems/ems.types';
import type { AddressBook } from '../addresses/addresses.service';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import type { CatalogService } from '../catalog/catalog.service';
import type { DraftsService } from '../drafts/drafts.service';
import type { IdentityService, VerifiedIdentity } from '../identity/identity.service';
import type { MaterialsService } from '../materials/materials.service';
import type { SessionsService } from '../sessions/sessions.service';
import type { UsersService } from '../users/users.service';
import type { FamilyAuthority, FamilyMemberSubject } from '../family/family-authority';
import type { FamilyService } from '../family/family.service';
import type { ItemEligibility } from '../residence/residence-eligibility';
import { caseActing, demandOnBehalfAllowed, subjectRelation } from './acting';
import { applicantFormData, demandFilingAssurance, mayFile } from './applicant';
import type { ApplicationDocument } from './application.model';
import type { ApplicationsRepository } from './applications.repository';
import { trackingOf, withTracking } from './case-tracking';
import { followOnly, toApplicationDetail, withActing } from './case-view';
import { demandDeliveryChoice } from './delivery';
import type { ProgressTags } from './progress-tags';
import type { CaseEndings } from '../payments/case-endings';

/** A material another body shared through the platform (e.g. a lender's 解除抵押 record): no upload, no licence. */
export interface SharedMaterial {
  name: string;
  recordNo: string;
}

/** What a case is filed with: the form data, the citizen's materials and any shared ones, how the result goes. */
export type CaseContent = Pick<ApplicationSubmitRequest, 'data' | 'materials' | 'delivery'> & {
  shared?: readonly SharedMaterial[];
};

export interface ApplicationsServiceDeps {
  applications: ApplicationsRepository;
  approval: ApprovalClient;
  identityRecords: IdentityClient;
  identity: IdentityService;
  /** The account, as this instance caches it: the identity check has just read it. */
  users: Pick<UsersService, 'account'>;
  catalog: CatalogService;
  drafts: DraftsService;
  materials: MaterialsService;
  addresses: AddressBook;
  ems: EmsPort;
  idempotency: IdempotencyStore;
  progressTags: ProgressTags;
  /** The session read again when this instance's copy may predate an in-person check made through another. */
  sessions: Pick<SessionsService, 'catchUp'>;
  /** Told when a case is withdrawn: a fee paid for it is refunded. */
  caseEndings: Pick<CaseEndings, 'ended'>;
  /** Whether I may act for a family member now (read on every call: a removal holds at once); acts go to their usage record. */
  family: FamilyAuthority & Pick<FamilyService, 'recordActing'>;
  /** Pre-checks an item's own rules for the person it is for (居住证: 居住登记 long enough, one permit…). */
  eligibility: ItemEligibility;
  clock: Clock;
}

/**
 * 在线办理: a verified citizen files an application for an item, then
 * follows the case. Submission happens once per Idempotency-Key, however
 * often the phone retries.
 */
export class ApplicationsService {
  constructor(private readonly deps: ApplicationsServiceDeps) {}

  /**
   * Files an application as the session's verified person, at the level the
   * item asks (L2 实名 or L3 实人 within 30 days on this session).
   */
  async submit(
    auth: AuthState,
    idempotencyKey: string,
    request: ApplicationSubmitRequest,
  ): Promise<StoredResponse<ApplicationDetail>> {
    const { userId } = auth;
    const person = await this.deps.identity.require(userId);
    const { item } = (await this.deps.catalog.guide(request.itemCode)).payload;
    // The filing level is the session's own, for oneself or for a member alike.
    await this.demandFilingAssurance(auth, [item]);
    const member = request.memberId ? await this.memberToActFor(userId, request.memberId, item) : undefined;
    const subject = subjectIdentity(await this.applicantOf(userId, person), member);
    const today = filingDay(this.deps.clock.now());
    const data = applicantFormData(item.form, request.data, subject, today, member ? 'member' : 'own');
    demandDeliveryChoice(item, request.delivery);

    return this.deps.idempotency.run(
      `applications:${userId}`,
      idempotencyKey,
      requestHash(request),
      async (reference) => {
        // The item's own rules for the one it is for (居住证); a repeat gets its filed case, not a new verdict.
        await this.deps.eligibility.check(item, { idNumber: subject.idNumber });
        const view = await this.fileCase(userId, person, item, { ...request, data }, reference, member);
        // The member sees in their 个人信息使用记录 who filed what for them.
        if (member) await this.deps.family.recordActing(auth, member.memberId, `代为申请：${item.name}`);
        // Submitted: the draft has done its job.
        await this.deps.drafts.remove(userId, item.code, request.memberId);
        return { status: 201, body: view };
      },
    );
  }

  /**
   * The member I file for, when the item allows 代办 for them: 404 for
   * someone not my member, 403 once the authority ended or the item is 本人.
   */
  private async memberToActFor(userId: string, memberId: string, item: ItemGuide): Promise<FamilyMemberSubject> {
    const member = await this.deps.family.memberFor(userId, memberId, 'act');
    demandOnBehalfAllowed(item, member, toCompactDate(this.deps.clock.now()));
    return member;
  }

  /**
   * Throws 403 ASSURANCE_REQUIRED unless this session may file the items now.
   * An L3 item is checked against the session as stored when this instance's
   * copy falls short: the in-person check may have passed through another instance.
   */
  async demandFilingAssurance(auth: AuthState, items: readonly Pick<ItemGuide, 'assurance'>[]): Promise<void> {
    const nowMs = this.deps.clock.now().getTime();
    await this.deps.sessions.catchUp(auth, (session) => mayFile(session, items, nowMs));
    demandFilingAssurance(auth, items, nowMs);
  }

  /**
   * Files one case with the approval system and records it as the user's.
   * `reference` makes it happen once however often it is called (also for the
   * members of a 一件事 package, each with its own). Whatever the data holds,
   * the identity fields go upstream as the record has them: the member's when
   * filed for a family member (当事人), the applicant's otherwise; 申请人 is
   * always the person filing.
   */
  async fileCase(
    userId: string,
    person: VerifiedIdentity,
    item: ItemGuide,
    request: CaseContent,
    reference: string,
    member?: FamilyMemberSubject,
  ): Promise<ApplicationDetail> {
    const applicant = await this.applicantOf(userId, person);
    const subject = subjectIdentity(applicant, member);
    const data = fillIdentity(item.form, request.data, subject);
    // E-licences are the 当事人's: the member's 出生医学证明 or 户口簿 for their case.
    const materials = await this.materialsFor(userId, subject.idNumber, item, request);
    const phone = applicant.phone ?? typedPhone(item, data);
    const delivery = request.delivery ? await this.filingDelivery(userId, request.delivery) : undefined;
    const day = toCompactDate(this.deps.clock.now());
    const filed = await this.deps.approval.submit({
      reference: reference,
      itemCode: item.code,
      applicant: { name: person.name, idNumber: person.idNumber, phone },
      ...(member
        ? { subject: { name: member.name, idNumber: member.idNumber, relation: subjectRelation(member, day) } }
        : {}),
      data,
      materials,
      ...(delivery ? { delivery } : {}),
    });
    const view = toApplicationDetail(filed);
    const lookupTag = this.deps.progressTags.of(view.caseNo, person.idNumber.slice(-6));
    const acting = member ? caseActing(person.name, member) : undefined;
    await this.deps.applications.add(
      {
        userId,
        idHash: person.idHash,
        lookupTag,
        subjectIdHash: member?.idHash ?? person.idHash,
        ...(member && acting ? { actedFor: member.memberId, acting } : {}),
      },
      view,
    );
    return withActing(view, acting);
  }

  /**
   * 我的办件, newest first, from our own records (no call to the approval system):
   * mine, and those family members filed for me, naming who acted.
   */
  async list(userId: string, query: ApplicationListQuery): Promise<ApplicationList> {
    const person = await this.deps.identity.personOf(userId);
    const { rows, total } = await this.deps.applications.page(
      userId,
      query,
      query.page,
      query.pageSize,
      person?.idHash,
    );
    return listOf(rows, total, query);
  }

  /**
   * A family member's cases, newest first, whoever filed them (I, the member,
   * another family member acting), each naming who acted. Ours only: cases
   * filed elsewhere are the approval system's.
   */
  async memberCases(auth: AuthState, memberId: string, query: MemberCasesQuery): Promise<ApplicationList> {
    const member = await this.deps.family.memberFor(auth.userId, memberId, 'cases');
    const { rows, total } = await this.deps.applications.pageBySubject(member.idHash, query.page, query.pageSize);
    await this.deps.family.recordActing(auth, memberId, '查看了您的办件记录');
    return listOf(rows, total, query);
  }

  /**
   * One of my cases, fresh from the approval system; when it cannot be
   * reached, the last view we have. Someone else's number is 404, as if unknown.
   */
  async detail(userId: string, caseNo: string): Promise<ApplicationDetail> {
    const own = await this.deps.applications.findOwn(userId, caseNo);
    const person = await this.deps.identity.require(userId);
    // Filed for me by a family member: mine to follow (the approval system answers 当事人 too), theirs to act on.
    const forMe = own ? null : await this.deps.applications.findFiledFor(person.idHash, caseNo);
    const record = own ?? forMe;
    if (!record) throw new AppError({ code: 'CASE_NOT_FOUND' });
    const fresh = withActing(await this.freshView(caseNo, person.idNumber, record.view), record.acting);
    const view = forMe ? followOnly(fresh) : fresh;
    // The tracking is asked for each time and not kept: EMS's steps move on by the hour.
    return view.trackingNo ? withTracking(view, await trackingOf(this.deps.ems, view.trackingNo)) : view;
  }

  /** The case fresh from the approval system (and kept); when it cannot be reached, the last view we have. */
  private async freshView(caseNo: string, idNumber: string, last: ApplicationDetail): Promise<ApplicationDetail> {
    try {
      const view = toApplicationDetail(await this.deps.approval.getCase(caseNo, idNumber));
      await this.deps.applications.update(view);
      return view;
    } catch (error) {
      if (error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE') return last;
      throw error;
    }
  }

  /** A 邮寄 choice naming an address of the book goes with that address, its recipient and mobile. */
  private async filingDelivery(userId: string, choice: NonNullable<CaseContent['delivery']>): Promise<FilingDelivery> {
    if (choice.mode !== 'post' || !choice.addressId) {
      return { mode: choice.mode, ...(choice.address ? { address: choice.address } : {}) };
    }
    const saved = await this.deps.addresses.forDelivery(userId, choice.addressId);
    return { mode: 'post', address: saved.address, recipient: { name: saved.recipient, phone: saved.mobile } };
  }

  /** Answers a supplement request (补正) with an explanation and the missing materials. */
  async supplement(userId: string, caseNo: string, request: SupplementRequest): Promise<ApplicationDetail> {
    const own = await this.ownToActOn(userId, caseNo);
    const person = await this.deps.identity.require(userId);
    // A member's case is supplemented with the member's e-licences, while I may still act for them.
    const holder = own.actedFor
      ? (await this.deps.family.memberFor(userId, own.actedFor, 'act')).idNumber
      : person.idNumber;
    const materials = await this.resolveMaterials(userId, holder, request.materials);
    const answered = await this.deps.approval.answerSupplement(caseNo, {
      idNumber: person.idNumber,
      explanation: request.explanation,
      materials,
    });
    const view = toApplicationDetail(answered);
    await this.deps.applications.update(view);
    return withActing(view, own.acting);
  }

  /** Withdraws a case while the approval system still allows it (before a decision). */
  async withdraw(userId: string, caseNo: string, request: WithdrawRequest): Promise<ApplicationDetail> {
    const own = await this.ownToActOn(userId, caseNo);
    if (!own.view.canWithdraw) {
      throw new AppError({ code: 'CASE_STATE_CONFLICT', message: '该办件已办结，不能撤回' });
    }
    const person = await this.deps.identity.require(userId);
    const view = toApplicationDetail(
      await this.deps.approval.withdraw(caseNo, { idNumber: person.idNumber, reason: request.reason }),
    );
    await this.deps.applications.update(view);
    await this.deps.caseEndings.ended({ caseNo, how: 'withdrawn' });
    return withActing(view, own.acting);
  }

  /**
   * A case I filed, to withdraw or supplement. One a family member filed for me is
   * 403 CASE_FILED_BY_FAMILY (I see it in 我的办件, so a 404 would mislead); anyone else's 404.
   */
  private async ownToActOn(userId: string, caseNo: string): Promise<ApplicationDocument> {
    const own = await this.deps.applications.findOwn(userId, caseNo);
    if (own) return own;
    const person = await this.deps.identity.personOf(userId);
    if (person && (await this.deps.applications.findFiledFor(person.idHash, caseNo))) {
      throw new AppError({ code: 'CASE_FILED_BY_FAMILY' });
    }
    throw new AppError({ code: 'CASE_NOT_FOUND' });
  }

  /** Every required material present, uploads the user's own, e-licences really on file. */
  private async materialsFor(
    userId: string,
    licenceHolder: string,
    item: ItemGuide,
    request: Pick<CaseContent, 'materials' | 'shared'>,
  ): Promise<CaseMaterial[]> {
    const shared = request.shared ?? [];
    const given = new Set([...request.materials.map((m) => m.name), ...shared.map((m) => m.name)]);
    // What the guide exempts online (the online form is it, or its issuer supplies it) is not asked for.
    const missing = item.materials.filter((m) => mustProvideOnline(m) && !given.has(m.name));
    if (missing.length > 0) {
      throw new AppError({
        code: 'MATERIAL_REQUIRED',
        message: `还缺少必要材料：${missing.map((m) => m.name).join('、')}`,
        fields: missing.map((m) => ({ path: `materials.${m.name}`, message: '请上传或选用电子证照' })),
      });
    }
    const own = await this.resolveMaterials(userId, licenceHolder, request.materials);
    return [...own, ...shared.map((m) => ({ source: 'shared' as const, name: m.name, recordNo: m.recordNo }))];
  }

  /** Material references to file: the user's own uploads, licences really on file for the holder (ID number). */
  private async resolveMaterials(
    userId: string,
    licenceHolder: string,
    materials: readonly MaterialRef[],
  ): Promise<CaseMaterial[]> {
    const needsLicences = materials.some((m) => m.source === 'elicence');
    const onFile = needsLicences ? await this.deps.identityRecords.licences(licenceHolder) : [];
    const usable = new Set(onFile.filter((licence) => licence.usable).map((licence) => licence.licenceId));
    const unusable = materials.find((m) => m.source === 'elicence' && !usable.has(m.licenceId));
    if (unusable) {
      throw new AppError({ code: 'MATERIAL_NOT_FOUND', message: `电子证照“${unusable.name}”不可用，请改为上传` });
    }
    // Every upload in one read.
    const uploads = await this.deps.materials.ownMany(
      userId,
      materials.flatMap((m) => (m.source === 'upload' ? [m.materialId] : [])),
    );
    return materials.map((material): CaseMaterial => {
      if (material.source === 'elicence') {
        return { source: 'elicence', name: material.name, licenceId: material.licenceId };
      }
      const upload = uploads.get(material.materialId);
      if (!upload) throw new AppError({ code: 'MATERIAL_NOT_FOUND' });
      return { source: 'upload', name: material.name, fileId: upload.fileId };
    });
  }

  /** The applicant as proven: the verified name and ID number, the account's phone (none for a WeChat login). */
  async applicantOf(userId: string, person: VerifiedIdentity): Promise<ApplicantIdentity> {
    const phone = (await this.deps.users.account(userId))?.phone ?? null;
    return { name: person.name, idNumber: person.idNumber, phone };
  }
}

/** Whom the form's identity fields are: the member filed for (my phone as the contact), else me. */
function subjectIdentity(applicant: ApplicantIdentity, member: FamilyMemberSubject | undefined): ApplicantIdentity {
  return member ? { name: member.name, idNumber: member.idNumber, phone: applicant.phone } : applicant;
}

/** A page of our case records as 我的办件 lists them, 当事人 and 代办人 named where someone acted. */
function listOf(
  rows: readonly ApplicationDocument[],
  total: number,
  paging: { page: number; pageSize: number },
): ApplicationList {
  return {
    items: rows.map(({ view, acting }): ApplicationSummary =>
      withActing(
        {
          caseNo: view.caseNo,
          itemCode: view.itemCode,
          itemName: view.itemName,
          status: view.status,
          statusText: view.statusText,
          submittedAt: view.submittedAt,
          updatedAt: view.updatedAt,
          promisedDate: view.promisedDate,
        },
        acting,
      ),
    ),
    page: paging.page,
    pageSize: paging.pageSize,
    total,
    hasMore: paging.page * paging.pageSize < total,
  };
}

/** The contact phone an account without a phone typed into the applicant's phone field. */
function typedPhone(item: ItemGuide, data: CaseContent['data']): string {
  const field = identityFields(item.form).find((f) => f.identity === 'phone');
  const value = field ? data[field.key] : undefined;
  return typeof value === 'string' ? value : '';
}
