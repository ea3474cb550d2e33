import type { Logger } from '../../libraries/logger';
import { GovSystemClient, LEGACY_OK, type GovSettings, type Refused } from '../gov-system-client';
import {
  DowngradeCheckResponseSchema,
  DriverResponseSchema,
  ReleaseCheckResponseSchema,
  TRAFFIC_CODES,
  VehicleListResponseSchema,
  ViolationPageResponseSchema,
  type DriverRecord,
  type ReleaseRecord,
  type VehicleRecord,
  type ViolationRecord,
} from './traffic.dialect';

/** 现场 (decisions against the licence) or 非现场 (camera records against the plates). */
export type ViolationSource = 'xc' | 'fxc';

const VIOLATION_PAGE_SIZE = 100;
/** A person with more than this many records is a data problem, not a page to show. */
const MAX_VIOLATION_PAGES = 10;

/** The traffic system (车驾管): licence, vehicles, violations and the prechecks of two online items. */
export class TrafficClient extends GovSystemClient {
  constructor(settings: GovSettings, logger: Logger) {
    super(settings, logger, { name: 'traffic', label: '车驾管系统' });
  }

  /** The person's driving licence, or null when they hold none. */
  async licence(idNumber: string): Promise<DriverRecord | null> {
    const answer = await this.get('/traffic/v1/drv', { sfzmhm: idNumber }, DriverResponseSchema);
    if (answer.code === TRAFFIC_CODES.NO_LICENCE) return null;
    return this.data(answer, 'drv').drv;
  }

  async vehicles(idNumber: string): Promise<VehicleRecord[]> {
    const answer = await this.get('/traffic/v1/veh', { sfzmhm: idNumber }, VehicleListResponseSchema);
    return this.data(answer, 'veh').list;
  }

  /** Every record of one source, newest first (the system pages; we read all pages). */
  async violations(idNumber: string, source: ViolationSource): Promise<ViolationRecord[]> {
    const records: ViolationRecord[] = [];
    for (let pageNo = 1; pageNo <= MAX_VIOLATION_PAGES; pageNo += 1) {
      const answer = await this.get(
        '/traffic/v1/vio',
        { sfzmhm: idNumber, lx: source, pageNo: String(pageNo), pageSize: String(VIOLATION_PAGE_SIZE) },
        ViolationPageResponseSchema,
      );
      const page = this.data(answer, 'vio');
      records.push(...page.list);
      if (page.list.length < VIOLATION_PAGE_SIZE || records.length >= Number(page.total)) break;
    }
    return records;
  }

  /** 自愿降级 precheck: allowed, or the system's reason. It changes nothing, so it may be retried. */
  async checkDowngrade(
    idNumber: string,
    targetClass: string,
  ): Promise<{ ok: true; archiveNo: string; from: string; to: string } | Refused> {
    const answer = await this.post(
      '/traffic/v1/jj/check',
      { sfzmhm: idNumber, mbcx: targetClass },
      DowngradeCheckResponseSchema,
      { safe: true },
    );
    if (answer.code === LEGACY_OK && answer.data) {
      return { ok: true, archiveNo: answer.data.dabh, from: answer.data.yzjcx, to: answer.data.xzjcx };
    }
    return this.refused(answer, [
      TRAFFIC_CODES.NO_LICENCE,
      TRAFFIC_CODES.DOWNGRADE_CLASS,
      TRAFFIC_CODES.DOWNGRADE_STATUS,
      TRAFFIC_CODES.DOWNGRADE_VIOLATIONS,
    ]);
  }

  /** 解除抵押 precheck: the lender's release record, or the reason there is none. */
  async checkRelease(idNumber: string, recordNo: string): Promise<({ ok: true } & ReleaseRecord) | Refused> {
    const answer = await this.post(
      '/traffic/v1/jcdy/check',
      { sfzmhm: idNumber, xh: recordNo },
      ReleaseCheckResponseSchema,
      { safe: true },
    );
    if (answer.code === LEGACY_OK && answer.data) return { ok: true, ...answer.data };
    return this.refused(answer, [
      TRAFFIC_CODES.NO_VEHICLE,
      TRAFFIC_CODES.NOT_MORTGAGED,
      TRAFFIC_CODES.NO_RELEASE_RECORD,
    ]);
  }
}
