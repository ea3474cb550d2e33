import type { Logger } from '../../libraries/logger';
import { GovSystemClient, LEGACY_OK, type GovSettings, type LegacyAnswer } from '../gov-system-client';
import {
  DowngradeCheckResponseSchema,
  DriverResponseSchema,
  ReleaseCheckResponseSchema,
  TRAFFIC_CODES,
  VehicleListResponseSchema,
  ViolationPageResponseSchema,
  type ViolationRow,
} from './traffic.dialect';
import { toLicenceRecord, toReleaseRecord, toVehicleRecord, toViolationRecord } from './traffic.mapping';
import type {
  DowngradeAllowed,
  DowngradeRefusal,
  LicenceRecord,
  ReleaseRecord,
  ReleaseRefusal,
  TrafficRefusal,
  VehicleRecord,
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
