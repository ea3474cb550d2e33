import {
  filingDay,
  fillIdentity,
  identityFields,
  mustProvideOnline,
  type ApplicantIdentity,
  type ApplicationDetail,
  type ApplicationList,
  type ApplicationListQuery,
  type ApplicationSubmitRequest,
  type ItemGuide,
  type MaterialRef,
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
import { applicantFormData, demandFilingAssurance, mayFile } from './applicant';
import type { ApplicationsRepository } from './applications.repository';
import { trackingOf, withTracking } from './case-tracking';
import { toApplicationDetail } from './case-view';
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
    await this.demandFilingAssurance(auth, [item]);
    const applicant = await this.applicantOf(userId, person);
    const data = applicantFormData(item.form, request.data, applicant, filingDay(this.deps.clock.now()));
    demandDeliveryChoice(item, request.delivery);

    return this.deps.idempotency.run(
      `applications:${userId}`,
      idempotencyKey,
      requestHash(request),
      async (reference) => {
        const view = await this.fileCase(userId, person, item, { ...request, data }, reference);
        // Submitted: the draft has done its job.
        await this.deps.drafts.remove(userId, item.code);
        return { status: 201, body: view };
      },
    );
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
   * the applicant's identity fields and 申请人 go upstream as the record has them.
   */
  async fileCase(
    userId: string,
    person: VerifiedIdentity,
    item: ItemGuide,
    request: CaseContent,
    reference: string,
  ): Promise<ApplicationDetail> {
    const applicant = await this.applicantOf(userId, person);
    const data = fillIdentity(item.form, request.data, applicant);
    const materials = await this.materialsFor(userId, person, item, request);
    const phone = applicant.phone ?? typedPhone(item, data);
    const delivery = request.delivery ? await this.filingDelivery(userId, request.delivery) : undefined;
    const filed = await this.deps.approval.submit({
      reference: reference,
      itemCode: item.code,
      applicant: { name: person.name, idNumber: person.idNumber, phone },
      data,
      materials,
      ...(delivery ? { delivery } : {}),
    });
    const view = toApplicationDetail(filed);
    const lookupTag = this.deps.progressTags.of(view.caseNo, person.idNumber.slice(-6));
    await this.deps.applications.add({ userId, idHash: person.idHash, lookupTag }, view);
    return view;
  }

  /** 我的办件, newest first, from our own records (no call to the approval system). */
  async list(userId: string, query: ApplicationListQuery): Promise<ApplicationList> {
    const { rows, total } = await this.deps.applications.page(userId, query, query.page, query.pageSize);
    return {
      items: rows.map(({ view }) => ({
        caseNo: view.caseNo,
        itemCode: view.itemCode,
        itemName: view.itemName,
        status: view.status,
        statusText: view.statusText,
        submittedAt: view.submittedAt,
        updatedAt: view.updatedAt,
        promisedDate: view.promisedDate,
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
      hasMore: query.page * query.pageSize < total,
    };
  }

  /**
   * One of my cases, fresh from the approval system; when it cannot be
   * reached, the last view we have. Someone else's number is 404, as if unknown.
   */
  async detail(userId: string, caseNo: string): Promise<ApplicationDetail> {
    const own = await this.deps.applications.findOwn(userId, caseNo);
    if (!own) throw new AppError({ code: 'CASE_NOT_FOUND' });
    const person = await this.deps.identity.require(userId);
    const view = await this.freshView(caseNo, person.idNumber, own.view);
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
    const own = await this.deps.applications.findOwn(userId, caseNo);
    if (!own) throw new AppError({ code: 'CASE_NOT_FOUND' });
    const person = await this.deps.identity.require(userId);
    const materials = await this.resolveMaterials(userId, person, request.materials);
    const answered = await this.deps.approval.answerSupplement(caseNo, {
      idNumber: person.idNumber,
      explanation: request.explanation,
      materials,
    });
    const view = toApplicationDetail(answered);
    await this.deps.applications.update(view);
    return view;
  }

  /** Withdraws a case while the approval system still allows it (before a decision). */
  async withdraw(userId: string, caseNo: string, request: WithdrawRequest): Promise<ApplicationDetail> {
    const own = await this.deps.applications.findOwn(userId, caseNo);
    if (!own) throw new AppError({ code: 'CASE_NOT_FOUND' });
    if (!own.view.canWithdraw) {
      throw new AppError({ code: 'CASE_STATE_CONFLICT', message: '该办件已办结，不能撤回' });
    }
    const person = await this.deps.identity.require(userId);
    const view = toApplicationDetail(
      await this.deps.approval.withdraw(caseNo, { idNumber: person.idNumber, reason: request.reason }),
    );
    await this.deps.applications.update(view);
    await this.deps.caseEndings.ended({ caseNo, how: 'withdrawn' });
    return view;
  }

  /** Every required material present, uploads the user's own, e-licences really on file. */
  private async materialsFor(
    userId: string,
    person: VerifiedIdentity,
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
    const own = await this.resolveMaterials(userId, person, request.materials);
    return [...own, ...shared.map((m) => ({ source: 'shared' as const, name: m.name, recordNo: m.recordNo }))];
  }

  /** Material references to file: the user's own uploads, licences really on file. */
  private async resolveMaterials(
    userId: string,
    person: VerifiedIdentity,
    materials: readonly MaterialRef[],
  ): Promise<CaseMaterial[]> {
    const needsLicences = materials.some((m) => m.source === 'elicence');
    const onFile = needsLicences ? await this.deps.identityRecords.licences(person.idNumber) : [];
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

/** The contact phone an account without a phone typed into the applicant's phone field. */
function typedPhone(item: ItemGuide, data: CaseContent['data']): string {
  const field = identityFields(item.form).find((f) => f.identity === 'phone');
  const value = field ? data[field.key] : undefined;
  return typeof value === 'string' ? value : '';
}
