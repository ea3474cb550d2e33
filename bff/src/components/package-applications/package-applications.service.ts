import {
  filingDay,
  toCompactDate,
  type FormData,
  type ItemGuide,
  type PackageApplication,
  type PackageApplicationRequest,
  type PackageForm,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { AuthState } from '../../libraries/context';
import { AppError, isAppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import { applicantFormData } from '../applications/applicant';
import type { ApplicationsService } from '../applications/applications.service';
import type { CatalogService } from '../catalog/catalog.service';
import type { IdentityService, VerifiedIdentity } from '../identity/identity.service';
import type { PackageApplicationDocument } from './package-application.model';
import type { PackageApplicationsRepository } from './package-applications.repository';
import { combinePackageForm } from './package-form';

export interface PackageApplicationsDeps {
  packages: PackageApplicationsRepository;
  catalog: CatalogService;
  identity: IdentityService;
  applications: ApplicationsService;
  idempotency: IdempotencyStore;
  clock: Clock;
}

const toView = (doc: PackageApplicationDocument): PackageApplication => ({
  packageCaseNo: doc._id,
  packageCode: doc.packageCode,
  name: doc.name,
  submittedAt: doc.submittedAt.toISOString(),
  complete: doc.members.every((m) => m.status === 'submitted'),
  members: doc.members.map((m) => ({
    itemCode: m.itemCode,
    itemName: m.itemName,
    department: m.department,
    status: m.status as 'submitted' | 'failed',
    ...(m.caseNo ? { caseNo: m.caseNo } : {}),
    ...(m.error ? { error: m.error } : {}),
  })),
});

/**
 * 一件事: one combined form, filed as one case per member item with the
 * department that handles it. When some departments' systems fail, the
 * package says which, and a retry files only those.
 */
export class PackageApplicationsService {
  constructor(private readonly deps: PackageApplicationsDeps) {}

  async form(code: string): Promise<PackageForm> {
    const { detail, guides } = await this.load(code);
    return combinePackageForm(detail, guides);
  }

  /** Files every online member as the session's verified person, at the highest level any member asks. */
  async submit(
    auth: AuthState,
    code: string,
    idempotencyKey: string,
    request: PackageApplicationRequest,
  ): Promise<StoredResponse<PackageApplication>> {
    const { userId } = auth;
    const person = await this.deps.identity.require(userId);
    const { detail, guides } = await this.load(code);
    const members = [...guides.values()];
    if (members.length === 0) {
      throw new AppError({ code: 'PACKAGE_NOT_FOUND', message: '该“一件事”暂不支持在线申请，请到大厅办理' });
    }
    await this.deps.applications.demandFilingAssurance(auth, members);
    // The citizen filled the combined form: it is what the data is checked against. Each member's
    // case gets its identity fields from the record again when it is filed (fileCase).
    const applicant = await this.deps.applications.applicantOf(userId, person);
    applicantFormData(
      combinePackageForm(detail, guides).form,
      request.data,
      applicant,
      filingDay(this.deps.clock.now()),
    );

    const hash = requestHash({ code, request });
    return this.deps.idempotency.run(`packages:${userId}`, idempotencyKey, hash, async (operationId) => {
      const packageCaseNo = `YJS${toCompactDate(this.deps.clock.now())}${operationId.replace(/-/g, '').slice(0, 10).toUpperCase()}`;
      const doc =
        (await this.deps.packages.find(packageCaseNo)) ??
        (await this.deps.packages.create({
          _id: packageCaseNo,
          userId,
          packageCode: detail.code,
          name: detail.name,
          submittedAt: this.deps.clock.now(),
          request,
          members: members.map((guide, index) => ({
            itemCode: guide.code,
            itemName: guide.name,
            department: guide.department,
            wbbh: `${operationId}-${index + 1}`,
            status: 'failed',
            error: '尚未提交',
          })),
        }));
      const filed = await this.fileFailed(userId, person, doc, guides);
      if (filed.members.every((m) => m.status === 'failed')) {
        throw new AppError({ code: 'UPSTREAM_UNAVAILABLE', message: '各部门系统暂时无法受理，请稍后重试' });
      }
      return { status: 201, body: toView(filed) };
    });
  }

  async get(userId: string, packageCaseNo: string): Promise<PackageApplication> {
    return toView(await this.own(userId, packageCaseNo));
  }

  /** Files again only the members that failed, each with its first serial number, at the package's level. */
  async retry(auth: AuthState, packageCaseNo: string): Promise<PackageApplication> {
    const { userId } = auth;
    const doc = await this.own(userId, packageCaseNo);
    const person = await this.deps.identity.require(userId);
    const { guides } = await this.load(doc.packageCode);
    await this.deps.applications.demandFilingAssurance(auth, [...guides.values()]);
    return toView(await this.fileFailed(userId, person, doc, guides));
  }

  private async fileFailed(
    userId: string,
    person: VerifiedIdentity,
    doc: PackageApplicationDocument,
    guides: ReadonlyMap<string, ItemGuide>,
  ): Promise<PackageApplicationDocument> {
    const request = doc.request as PackageApplicationRequest;
    const members = await Promise.all(
      doc.members.map(async (member) => {
        const guide = guides.get(member.itemCode);
        if (member.status === 'submitted' || !guide) return member;
        const names = new Set(guide.materials.map((m) => m.name));
        try {
          const view = await this.deps.applications.fileCase(
            userId,
            person,
            guide,
            { data: subsetFor(guide, request.data), materials: request.materials.filter((m) => names.has(m.name)) },
            member.wbbh,
          );
          return { ...member, status: 'submitted', caseNo: view.caseNo, error: undefined };
        } catch (error) {
          if (!isAppError(error)) throw error;
          return { ...member, status: 'failed', error: error.message };
        }
      }),
    );
    await this.deps.packages.saveMembers(doc._id, members);
    return { ...doc, members } as PackageApplicationDocument;
  }

  private async own(userId: string, packageCaseNo: string): Promise<PackageApplicationDocument> {
    const doc = await this.deps.packages.findOwn(userId, packageCaseNo);
    if (!doc) throw new AppError({ code: 'CASE_NOT_FOUND' });
    return doc;
  }

  /** The package and the guides of its members that are items of our catalog (filed online). */
  private async load(code: string) {
    const detail = (await this.deps.catalog.package(code)).payload.package;
    const guides = new Map<string, ItemGuide>();
    for (const member of detail.members.filter((m) => m.police)) {
      guides.set(member.itemCode, (await this.deps.catalog.guide(member.itemCode)).payload.item);
    }
    return { detail, guides };
  }
}

const hasField = (guide: ItemGuide, key: string) =>
  guide.form.sections.some((section) => section.fields.some((field) => field.key === key));

/** The part of the combined data that belongs to one member's form. */
function subsetFor(guide: ItemGuide, data: FormData): FormData {
  return Object.fromEntries(Object.entries(data).filter(([key]) => hasField(guide, key)));
}
