import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import { UpstreamClient } from '../upstream-client';
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

export interface TrafficSettings {
  baseUrl: string;
  appKey: string;
  timeoutMs: number;
}

/** 现场 (decisions against the licence) or 非现场 (camera records against the plates). */
export type ViolationSource = 'xc' | 'fxc';

/** A precheck the traffic system refused, with its reason in its own words. */
export type Refusal = { ok: false; code: string; message: string };

const VIOLATION_PAGE_SIZE = 100;
/** A person with more than this many records is a data problem, not a page to show. */
const MAX_VIOLATION_PAGES = 10;

/** The traffic system (车驾管): licence, vehicles, violations and the prechecks of two online items. */
export class TrafficClient {
  readonly upstream: UpstreamClient;

  constructor(
    private readonly settings: TrafficSettings,
    logger: Logger,
  ) {
    this.upstream = new UpstreamClient(
      { name: 'traffic', label: '车驾管系统', baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, retries: 1 },
      logger,
    );
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

  /** 自愿降级 precheck: allowed, or the system's reason. A read: safe to retry. */
  async checkDowngrade(
    idNumber: string,
    targetClass: string,
  ): Promise<{ ok: true; archiveNo: string; from: string; to: string } | Refusal> {
    const answer = await this.post(
      '/traffic/v1/jj/check',
      { sfzmhm: idNumber, mbcx: targetClass },
      DowngradeCheckResponseSchema,
    );
    if (answer.code === TRAFFIC_CODES.OK && answer.data) {
      return { ok: true, archiveNo: answer.data.dabh, from: answer.data.yzjcx, to: answer.data.xzjcx };
    }
    return this.refusal(answer, [
      TRAFFIC_CODES.NO_LICENCE,
      TRAFFIC_CODES.DOWNGRADE_CLASS,
      TRAFFIC_CODES.DOWNGRADE_STATUS,
      TRAFFIC_CODES.DOWNGRADE_VIOLATIONS,
    ]);
  }

  /** 解除抵押 precheck: the lender's release record, or the reason there is none. */
  async checkRelease(idNumber: string, recordNo: string): Promise<({ ok: true } & ReleaseRecord) | Refusal> {
    const answer = await this.post(
      '/traffic/v1/jcdy/check',
      { sfzmhm: idNumber, xh: recordNo },
      ReleaseCheckResponseSchema,
    );
    if (answer.code === TRAFFIC_CODES.OK && answer.data) return { ok: true, ...answer.data };
    return this.refusal(answer, [
      TRAFFIC_CODES.NO_VEHICLE,
      TRAFFIC_CODES.NOT_MORTGAGED,
      TRAFFIC_CODES.NO_RELEASE_RECORD,
    ]);
  }

  close(): Promise<void> {
    return this.upstream.close();
  }

  private get<S extends Parameters<UpstreamClient['call']>[0]['schema']>(
    path: string,
    query: Record<string, string>,
    schema: S,
  ) {
    return this.upstream.call({ method: 'GET', path, query, headers: this.headers(), safe: true, schema });
  }

  // The prechecks change nothing upstream, so they are safe to retry like reads.
  private post<S extends Parameters<UpstreamClient['call']>[0]['schema']>(path: string, body: unknown, schema: S) {
    return this.upstream.call({ method: 'POST', path, body, headers: this.headers(), safe: true, schema });
  }

  private headers(): Record<string, string> {
    return { 'x-app-key': this.settings.appKey };
  }

  private data<T>(answer: { code: string; msg?: string; data?: T | null }, what: string): T {
    if (answer.code === TRAFFIC_CODES.OK && answer.data) return answer.data;
    throw this.failure(`traffic ${what} code ${answer.code}: ${answer.msg ?? ''}`);
  }

  private refusal(answer: { code: string; msg?: string }, expected: readonly string[]): Refusal {
    if (!expected.includes(answer.code)) throw this.failure(`traffic check code ${answer.code}: ${answer.msg ?? ''}`);
    return { ok: false, code: answer.code, message: (answer.msg ?? '').trim() };
  }

  private failure(detail: string): AppError {
    return new AppError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: '车驾管系统暂时无法访问，请稍后再试',
      expose: true,
      cause: new Error(detail),
    });
  }
}
