import {
  validateForm,
  type ApplicationDetail,
  type DowngradeRequest,
  type FormData,
  type ItemGuide,
  type MortgageReleaseRequest,
} from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import type { TrafficClient } from '../../upstreams/traffic/traffic.client';
import type { DowngradeRefusal, ReleaseRefusal, TrafficRefusal } from '../../upstreams/traffic/traffic.types';
import { contactPhone } from '../applications/applicant';
import type { ApplicationsService } from '../applications/applications.service';
import type { IdentityService, VerifiedIdentity } from '../identity/identity.service';
import { DOWNGRADE_FIELD, RELEASE_MATERIAL_NAME } from './traffic-items';
import type { TrafficService } from './traffic.service';

/** Form keys of the two items' forms, and the request fields a citizen typed them into. */
const FIELD_OF_KEY: Readonly<Record<string, string>> = { sjhm: 'phone', txdz: 'address', yjdz: 'address' };

/** What a citizen is told when the traffic system gave no words of its own. */
const DOWNGRADE_REASONS: Readonly<Record<Exclude<DowngradeRefusal, 'no-licence'>, string>> = {
  'class-not-held': '所选降级车型与您的准驾车型不符',
  'licence-status': '驾驶证状态不正常，暂不能申请降级',
  'unhandled-violations': '您有未处理的交通违法记录，请处理完毕后再申请降级',
};

export interface TrafficApplicationsDeps {
  traffic: TrafficService;
  client: TrafficClient;
  identity: IdentityService;
  applications: ApplicationsService;
  idempotency: IdempotencyStore;
}

/**
 * Two items the traffic system checks before the approval system sees them
 * (自愿降级 and 解除抵押): the form is built from the citizen's own records,
 * the traffic system's precheck must pass, and the case is filed through the
 * same once-per-Idempotency-Key path as every other application.
 */
export class TrafficApplicationsService {
  constructor(private readonly deps: TrafficApplicationsDeps) {}

  async downgrade(
    userId: string,
    idempotencyKey: string,
    request: DowngradeRequest,
  ): Promise<StoredResponse<ApplicationDetail>> {
    const person = await this.deps.identity.require(userId);
    const item = await this.deps.traffic.downgradeItem();
    // Only the pairs the item's form offers: the traffic system takes any other as a malformed request.
    const offered = item.form.sections.flatMap((s) => s.fields).find((f) => f.key === DOWNGRADE_FIELD)?.options ?? [];
    if (!offered.some((option) => option.value === request.targetClass)) {
      const message = '请选择降级后的准驾车型';
      throw new AppError({ code: 'VALIDATION_FAILED', message, fields: [{ path: 'targetClass', message }] });
    }
    const contact = await this.contact(userId, person, request);
    const hash = requestHash({ kind: 'downgrade', ...request });
    return this.deps.idempotency.run(`applications:${userId}`, idempotencyKey, hash, async (reference) => {
      const check = await this.deps.client.checkDowngrade(person.idNumber, request.targetClass);
      if (!check.ok) throw this.downgradeRefused(check);
      const post = request.delivery === 'post';
      const data: FormData = {
        ...this.applicant(person, contact),
        dabh: check.archiveNo,
        jjcx: request.targetClass,
        lqfs: post ? '2' : '1',
        ...(post ? { sjr: person.name, yjdz: request.address } : {}),
      };
      return this.file(userId, person, item, { data, materials: request.materials }, reference);
    });
  }

  async mortgageRelease(
    userId: string,
    vehicleId: string,
    idempotencyKey: string,
    request: MortgageReleaseRequest,
  ): Promise<StoredResponse<ApplicationDetail>> {
    const person = await this.deps.identity.require(userId);
    const item = await this.deps.traffic.mortgageReleaseItem();
    const { record } = await this.deps.traffic.ownVehicle(person, vehicleId);
    const contact = await this.contact(userId, person, request);
    const hash = requestHash({ kind: 'mortgage-release', vehicleId, ...request });
    return this.deps.idempotency.run(`applications:${userId}`, idempotencyKey, hash, async (reference) => {
      const check = await this.deps.client.checkRelease(person.idNumber, record.recordNo);
      if (!check.ok) throw this.releaseRefused(check);
      const data: FormData = {
        ...this.applicant(person, contact),
        hphm: check.plate,
        hpzl: check.plateKindCode,
        clsbdh: check.vin.slice(-6),
        dyqr: check.lender,
        dyhtbh: check.contractNo,
      };
      const shared = [{ name: RELEASE_MATERIAL_NAME, recordNo: check.releaseNo }];
      return this.file(userId, person, item, { data, materials: request.materials, shared }, reference);
    });
  }

  /** The phone typed, else the account's own; the address as typed. */
  private async contact(
    userId: string,
    person: VerifiedIdentity,
    request: { phone?: string; address: string },
  ): Promise<{ phone: string; address: string }> {
    const account = request.phone ? null : (await this.deps.applications.applicantOf(userId, person)).phone;
    return { phone: contactPhone(request.phone, account), address: request.address };
  }

  private applicant(person: VerifiedIdentity, contact: { phone: string; address: string }): FormData {
    return { xm: person.name, sfzh: person.idNumber, sjhm: contact.phone, txdz: contact.address };
  }

  private async file(
    userId: string,
    person: VerifiedIdentity,
    item: ItemGuide,
    content: Parameters<ApplicationsService['fileCase']>[3],
    reference: string,
  ): Promise<StoredResponse<ApplicationDetail>> {
    const issues = validateForm(item.form, content.data);
    if (issues.length > 0) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        fields: issues.map((issue) => ({ path: FIELD_OF_KEY[issue.path] ?? issue.path, message: issue.message })),
      });
    }
    const view = await this.deps.applications.fileCase(userId, person, item, content, reference);
    // The records change once the case is decided; until then a fresh read costs little.
    this.deps.traffic.forget(person);
    return { status: 201, body: view };
  }

  private downgradeRefused(check: TrafficRefusal<DowngradeRefusal>): AppError {
    if (check.reason === 'no-licence') return new AppError({ code: 'DRIVING_LICENCE_NOT_FOUND' });
    return new AppError({ code: 'DOWNGRADE_NOT_ALLOWED', message: check.message || DOWNGRADE_REASONS[check.reason] });
  }

  private releaseRefused(check: TrafficRefusal<ReleaseRefusal>): AppError {
    if (check.reason === 'no-vehicle') return new AppError({ code: 'VEHICLE_NOT_FOUND' });
    if (check.reason === 'not-mortgaged') {
      return new AppError({ code: 'CASE_STATE_CONFLICT', message: '该车辆没有抵押登记，无需解除抵押' });
    }
    return new AppError({ code: 'MORTGAGE_RELEASE_NOT_READY', ...(check.message ? { message: check.message } : {}) });
  }
}
