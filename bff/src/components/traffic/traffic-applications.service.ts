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
import type { Refused } from '../../upstreams/gov-system-client';
import type { TrafficClient } from '../../upstreams/traffic/traffic.client';
import { TRAFFIC_CODES } from '../../upstreams/traffic/traffic.dialect';
import { contactPhone } from '../applications/applicant';
import type { ApplicationsService } from '../applications/applications.service';
import type { IdentityService, VerifiedIdentity } from '../identity/identity.service';
import { DOWNGRADE_FIELD, type TrafficService } from './traffic.service';

/** The release material as the catalog names it; the lender's record stands for it. */
export const RELEASE_MATERIAL_NAME = '抵押权人出具的解除抵押书面材料';

/** Form keys of the two items' forms, and the request fields a citizen typed them into. */
const FIELD_OF_KEY: Readonly<Record<string, string>> = { sjhm: 'phone', txdz: 'address', yjdz: 'address' };

const DOWNGRADE_REASONS: Readonly<Record<string, string>> = {
  [TRAFFIC_CODES.DOWNGRADE_CLASS]: '所选降级车型与您的准驾车型不符',
  [TRAFFIC_CODES.DOWNGRADE_STATUS]: '驾驶证状态不正常，暂不能申请降级',
  [TRAFFIC_CODES.DOWNGRADE_VIOLATIONS]: '您有未处理的交通违法记录，请处理完毕后再申请降级',
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
    return this.deps.idempotency.run(`applications:${userId}`, idempotencyKey, hash, async (wbbh) => {
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
      return this.file(userId, person, item, { data, materials: request.materials }, wbbh);
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
    return this.deps.idempotency.run(`applications:${userId}`, idempotencyKey, hash, async (wbbh) => {
      const check = await this.deps.client.checkRelease(person.idNumber, record.xh);
      if (!check.ok) throw this.releaseRefused(check);
      const data: FormData = {
        ...this.applicant(person, contact),
        hphm: check.hphm,
        hpzl: check.hpzl,
        clsbdh: check.clsbdh.slice(-6),
        dyqr: check.dyqr,
        dyhtbh: check.dyhtbh,
      };
      const shared = [{ name: RELEASE_MATERIAL_NAME, recordNo: check.jcdyjl.bh }];
      return this.file(userId, person, item, { data, materials: request.materials, shared }, wbbh);
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
    wbbh: string,
  ): Promise<StoredResponse<ApplicationDetail>> {
    const issues = validateForm(item.form, content.data);
    if (issues.length > 0) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        fields: issues.map((issue) => ({ path: FIELD_OF_KEY[issue.path] ?? issue.path, message: issue.message })),
      });
    }
    const view = await this.deps.applications.fileCase(userId, person, item, content, wbbh);
    // The records change once the case is decided; until then a fresh read costs little.
    this.deps.traffic.forget(person);
    return { status: 201, body: view };
  }

  private downgradeRefused(check: Refused): AppError {
    if (check.code === TRAFFIC_CODES.NO_LICENCE) return new AppError({ code: 'DRIVING_LICENCE_NOT_FOUND' });
    return new AppError({
      code: 'DOWNGRADE_NOT_ALLOWED',
      message: check.message || DOWNGRADE_REASONS[check.code] || undefined,
    });
  }

  private releaseRefused(check: Refused): AppError {
    if (check.code === TRAFFIC_CODES.NO_VEHICLE) return new AppError({ code: 'VEHICLE_NOT_FOUND' });
    if (check.code === TRAFFIC_CODES.NOT_MORTGAGED) {
      return new AppError({ code: 'CASE_STATE_CONFLICT', message: '该车辆没有抵押登记，无需解除抵押' });
    }
    return new AppError({ code: 'MORTGAGE_RELEASE_NOT_READY', ...(check.message ? { message: check.message } : {}) });
  }
}
