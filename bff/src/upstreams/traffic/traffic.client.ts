import type { Logger } from '../../libraries/logger';
import { GovSystemClient, LEGACY_OK, type GovSettings, type LegacyAnswer } from '../gov-system-client';
import {
  DowngradeCheckResponseSchema,
  DriverResponseSchema,
  HandlingCheckResponseSchema,
  HandlingResponseSchema,
  PhotoResponseSchema,
  ReleaseCheckResponseSchema,
  TRAFFIC_CODES,
  VehicleListResponseSchema,
  ViolationDetailResponseSchema,
  ViolationPageResponseSchema,
  type ViolationRow,
} from './traffic.dialect';
import {
  fenOf,
  licenceStatusWords,
  toHandlingDecision,
  toLicenceRecord,
  toReleaseRecord,
  toVehicleRecord,
  toViolationRecord,
} from './traffic.mapping';
import type {
  DowngradeAllowed,
  DowngradeRefusal,
  EvidencePhoto,
  HandlingAllowed,
  HandlingDecision,
  HandlingRefusal,
  HandlingRefused,
  HandlingWindow,
  LicenceRecord,
  ReleaseRecord,
  ReleaseRefusal,
  TrafficRefusal,
  VehicleRecord,
  ViolationDetailRecord,
  ViolationKind,
  ViolationRecord,
} from './traffic.types';

/** 现场 (decisions against the licence) or 非现场 (camera records against the plates). */
const VIOLATION_SOURCE: Readonly<Record<ViolationKind, string>> = { onsite: 'xc', camera: 'fxc' };

const DOWNGRADE_REFUSALS: Readonly<Record<string, DowngradeRefusal>> = {
  [TRAFFIC_CODES.NO_LICENCE]: 'no-licence',
  [TRAFFIC_CODES.DOWNGRADE_CLASS]: 'class-not-held',
  [TRAFFIC_CODES.DOWNGRADE_STATUS]: 'licence-status',
  [TRAFFIC_CODES.DOWNGRADE_VIOLATIONS]: 'unhandled-violations',
};

const RELEASE_REFUSALS: Readonly<Record<string, ReleaseRefusal>> = {
  [TRAFFIC_CODES.NO_VEHICLE]: 'no-vehicle',
  [TRAFFIC_CODES.NOT_MORTGAGED]: 'not-mortgaged',
  [TRAFFIC_CODES.NO_RELEASE_RECORD]: 'no-release-record',
};

const HANDLING_REFUSALS: Readonly<Record<string, HandlingRefusal>> = {
  [TRAFFIC_CODES.NO_VIOLATION]: 'not-found',
  [TRAFFIC_CODES.VIOLATION_HANDLED]: 'already-handled',
  [TRAFFIC_CODES.NO_LICENCE]: 'no-licence',
  [TRAFFIC_CODES.HANDLING_STATUS]: 'licence-status',
  [TRAFFIC_CODES.HANDLING_POINTS]: 'points-reach-12',
  [TRAFFIC_CODES.HANDLING_AT_POLICE]: 'window-only',
  [TRAFFIC_CODES.HANDLING_AT_OFFICE]: 'window-only',
};

/** Where each refusal sends the person: the brigade, or the 车管所 for acts of 12 points. */
const HANDLING_WINDOWS: Readonly<Record<string, HandlingWindow>> = {
  [TRAFFIC_CODES.NO_LICENCE]: 'police',
  [TRAFFIC_CODES.HANDLING_STATUS]: 'police',
  [TRAFFIC_CODES.HANDLING_POINTS]: 'police',
  [TRAFFIC_CODES.HANDLING_AT_POLICE]: 'police',
  [TRAFFIC_CODES.HANDLING_AT_OFFICE]: 'vehicle-office',
};

const VIOLATION_PAGE_SIZE = 100;
/** A person with more than this many records is a data problem, not a page to show. */
const MAX_VIOLATION_PAGES = 10;

/** The traffic system (车驾管): licence, vehicles, violations and the prechecks of two online items. */
export class TrafficClient extends GovSystemClient {
  constructor(settings: GovSettings, logger: Logger) {
    super(settings, logger, { name: 'traffic', label: '车驾管系统' });
  }

  /** The person's driving licence, or null when they hold none. */
  async licence(idNumber: string): Promise<LicenceRecord | null> {
    const answer = await this.get('/traffic/v1/drv', { sfzmhm: idNumber }, DriverResponseSchema);
    if (answer.code === TRAFFIC_CODES.NO_LICENCE) return null;
    return toLicenceRecord(this.data(answer, 'drv').drv);
  }

  async vehicles(idNumber: string): Promise<VehicleRecord[]> {
    const answer = await this.get('/traffic/v1/veh', { sfzmhm: idNumber }, VehicleListResponseSchema);
    return this.data(answer, 'veh').list.map(toVehicleRecord);
  }

  /** Every record of one kind, newest first (the system pages; we read all pages). */
  async violations(idNumber: string, kind: ViolationKind): Promise<ViolationRecord[]> {
    const rows: ViolationRow[] = [];
    for (let pageNo = 1; pageNo <= MAX_VIOLATION_PAGES; pageNo += 1) {
      const answer = await this.get(
        '/traffic/v1/vio',
        { sfzmhm: idNumber, lx: VIOLATION_SOURCE[kind], pageNo: String(pageNo), pageSize: String(VIOLATION_PAGE_SIZE) },
        ViolationPageResponseSchema,
      );
      const page = this.data(answer, 'vio');
      rows.push(...page.list);
      if (page.list.length < VIOLATION_PAGE_SIZE || rows.length >= Number(page.total)) break;
    }
    return rows.map(toViolationRecord);
  }

  /** 自愿降级 precheck: allowed, or the system's reason. It changes nothing, so it may be retried. */
  async checkDowngrade(
    idNumber: string,
    targetClass: string,
  ): Promise<DowngradeAllowed | TrafficRefusal<DowngradeRefusal>> {
    const answer = await this.post(
      '/traffic/v1/jj/check',
      { sfzmhm: idNumber, mbcx: targetClass },
      DowngradeCheckResponseSchema,
      { safe: true },
    );
    if (answer.code === LEGACY_OK && answer.data) {
      return { ok: true, archiveNo: answer.data.dabh, from: answer.data.yzjcx, to: answer.data.xzjcx };
    }
    return this.refusal(answer, DOWNGRADE_REFUSALS);
  }

  /** 解除抵押 precheck: the lender's release record, or the reason there is none. */
  async checkRelease(idNumber: string, recordNo: string): Promise<ReleaseRecord | TrafficRefusal<ReleaseRefusal>> {
    const answer = await this.post(
      '/traffic/v1/jcdy/check',
      { sfzmhm: idNumber, xh: recordNo },
      ReleaseCheckResponseSchema,
      { safe: true },
    );
    if (answer.code === LEGACY_OK && answer.data) return toReleaseRecord(answer.data);
    return this.refusal(answer, RELEASE_REFUSALS);
  }

  /** One of the person's records with its photo count; undefined when it is not theirs (or not known). */
  async violation(idNumber: string, violationNo: string): Promise<ViolationDetailRecord | undefined> {
    const answer = await this.get(
      '/traffic/v1/vio/detail',
      { sfzmhm: idNumber, wfbh: violationNo },
      ViolationDetailResponseSchema,
    );
    if (answer.code === TRAFFIC_CODES.NO_VIOLATION) return undefined;
    const data = this.data(answer, 'vio/detail');
    return { ...toViolationRecord(data.vio), photoCount: data.zpsl };
  }

  /** Evidence photo `number` (1-based) of one of the person's records; undefined when there is no such photo. */
  async photo(idNumber: string, violationNo: string, number: number): Promise<EvidencePhoto | undefined> {
    const answer = await this.get(
      '/traffic/v1/vio/zp',
      { sfzmhm: idNumber, wfbh: violationNo, xh: String(number) },
      PhotoResponseSchema,
    );
    if (answer.code === TRAFFIC_CODES.NO_VIOLATION || answer.code === TRAFFIC_CODES.NO_PHOTO) return undefined;
    const data = this.data(answer, 'vio/zp');
    return { bytes: Buffer.from(data.zp, 'base64'), contentType: data.zplx };
  }

  /** Whether the person may handle the record online, and what it would do; changes nothing. */
  async checkHandling(idNumber: string, violationNo: string): Promise<HandlingAllowed | HandlingRefused> {
    const answer = await this.post(
      '/traffic/v1/vio/clcheck',
      { sfzmhm: idNumber, wfbh: violationNo },
      HandlingCheckResponseSchema,
      { safe: true },
    );
    if (answer.code === LEGACY_OK && answer.data) {
      const data = answer.data;
      return {
        ok: true,
        pointsNow: data.ljjf,
        pointsAfter: data.cljf,
        licenceStatusAfter: licenceStatusWords(data.zt),
        fineFen: fenOf(data.fkje),
        points: data.wfjf,
      };
    }
    return this.handlingRefusal(answer);
  }

  /**
   * Handles the record: the system issues the 处罚决定书. `operationId` is its 流水号: the same one again
   * answers the same decision, so the call may be retried.
   */
  async handle(
    idNumber: string,
    violationNo: string,
    operationId: string,
  ): Promise<HandlingDecision | HandlingRefused> {
    const answer = await this.post(
      '/traffic/v1/vio/cl',
      { sfzmhm: idNumber, wfbh: violationNo, lsh: operationId },
      HandlingResponseSchema,
      { safe: true },
    );
    if (answer.code === LEGACY_OK && answer.data) {
      const decision = toHandlingDecision(answer.data);
      if (!decision) throw this.unexpected(answer, 'vio/cl time');
      return decision;
    }
    return this.handlingRefusal(answer);
  }

  private handlingRefusal(answer: LegacyAnswer<unknown>): HandlingRefused {
    const refusal = this.refusal(answer, HANDLING_REFUSALS);
    const window = HANDLING_WINDOWS[answer.code];
    return window ? { ...refusal, window } : refusal;
  }

  /** One of the refusals a precheck expects, in our words; any other code is a failure. */
  private refusal<R extends string>(
    answer: LegacyAnswer<unknown>,
    reasons: Readonly<Record<string, R>>,
  ): TrafficRefusal<R> {
    const { code, message } = this.refused(answer, Object.keys(reasons));
    const reason = reasons[code];
    if (reason === undefined) throw this.unexpected(answer, 'answer');
    return { ok: false, reason, message };
  }
}
