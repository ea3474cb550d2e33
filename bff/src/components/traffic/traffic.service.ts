import { createHmac } from 'node:crypto';
import {
  toCompactDate,
  type DowngradeOption,
  type DrivingLicence,
  type ItemGuide,
  type LicenceAnswer,
  type VehicleAnswer,
  type VehicleDetail,
  type ViolationList,
  type ViolationListQuery,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import type { JsonBytes } from '../../libraries/json-bytes';
import type { TrafficClient } from '../../upstreams/traffic/traffic.client';
import type {
  LicenceRecord,
  VehicleRecord,
  ViolationKind,
  ViolationRecord,
} from '../../upstreams/traffic/traffic.types';
import type { CatalogService } from '../catalog/catalog.service';
import type { IdentityService, VerifiedIdentity } from '../identity/identity.service';
import type { Known, LastKnown } from './last-known';
import {
  DOWNGRADE_FIELD,
  DOWNGRADE_ITEM_NAME,
  MORTGAGE_RELEASE_ITEM_NAME,
  RELEASE_MATERIAL_NAME,
} from './traffic-items';
import { downgradeOptionsFor, toLicence, toVehicleDetail, toVehicleSummary, toViolation } from './traffic-view';
import { VehicleLists } from './vehicle-lists';

export interface TrafficServiceDeps {
  traffic: TrafficClient;
  identity: IdentityService;
  catalog: CatalogService;
  lastKnown: LastKnown;
  /** Key of the opaque vehicle ids. */
  vehicleIdKey: Buffer;
  /** Key of the opaque violation ids. */
  violationIdKey: Buffer;
  clock: Clock;
}

interface ViolationRecords {
  onsite: ViolationRecord[];
  camera: ViolationRecord[];
}

/**
 * 我的车辆与驾驶证: the verified person's own records from the traffic
 * system, found by their verified ID number (never by anything the client
 * sends), cached per person and shown from the last known copy when the
 * system is down.
 */
export class TrafficService {
  private readonly vehicleLists = new VehicleLists((records, idHash, today) =>
    records.map((record) => toVehicleSummary(record, this.vehicleId({ idHash }, record), today)),
  );

  private todayOf = { hour: Number.NaN, day: '' };

  constructor(private readonly deps: TrafficServiceDeps) {}

  async licence(userId: string): Promise<LicenceAnswer> {
    const person = await this.deps.identity.require(userId);
    const { value: record, freshness } = await this.licenceRecord(person);
    if (!record) throw new AppError({ code: 'DRIVING_LICENCE_NOT_FOUND' });
    return { licence: toLicence(record, this.today(), await this.downgradeFor(record)), freshness };
  }

  /**
   * My vehicles as the bytes sent (VehicleLists: built once per cached records and day), for the
   * person the route's 实人 gate found bound to the account. The sealed ID number is opened only
   * when the traffic system must be asked.
   */
  async vehicles(userId: string, bound: Pick<VerifiedIdentity, 'idHash'>): Promise<JsonBytes> {
    const { value: records, freshness } = await this.deps.lastKnown.get('vehicles', bound.idHash, async () => {
      const person = await this.deps.identity.require(userId);
      // The account's person changed in between (an unbinding ends the sessions): never one's records under another.
      if (person.idHash !== bound.idHash) throw new AppError({ code: 'SESSION_REVOKED' });
      return this.deps.traffic.vehicles(person.idNumber);
    });
    return this.vehicleLists.answer(records, bound.idHash, this.today(), freshness);
  }

  /** One of my vehicles by its opaque id; an id that is not mine is 404 like an unknown one. */
  async vehicle(userId: string, id: string): Promise<VehicleAnswer> {
    const person = await this.deps.identity.require(userId);
    const { record, freshness } = await this.ownVehicle(person, id);
    const [violations, mortgageRelease] = await Promise.all([
      this.unhandledFor(person, record),
      record.mortgaged ? this.releaseState(person, record) : Promise.resolve(undefined),
    ]);
    const vehicle = toVehicleDetail(record, id, this.today(), {
      ...(violations === undefined ? {} : { unhandledViolations: violations }),
      ...(mortgageRelease ? { mortgageRelease } : {}),
    });
    return { vehicle, freshness };
  }

  async violations(userId: string, query: ViolationListQuery): Promise<ViolationList> {
    const person = await this.deps.identity.require(userId);
    const { value: records, freshness } = await this.violationRecords(person);
    const items = [
      ...(query.kind === 'onsite'
        ? []
        : records.camera.map((r) => toViolation(r, 'camera', this.violationId(person, r)))),
      ...(query.kind === 'camera'
        ? []
        : records.onsite.map((r) => toViolation(r, 'onsite', this.violationId(person, r)))),
    ]
      .filter((v) => query.status === 'all' || v.handled === (query.status === 'handled'))
      .sort((a, b) => b.time.localeCompare(a.time));
    const totals = {
      count: items.length,
      fine: items.reduce((sum, v) => sum + v.fine, 0),
      points: items.reduce((sum, v) => sum + v.points, 0),
    };
    return { items, totals, freshness };
  }

  /** My vehicle's record (for the detail and for 解除抵押), or 404. */
  async ownVehicle(
    person: VerifiedIdentity,
    id: string,
  ): Promise<{ record: VehicleRecord; freshness: Known<unknown>['freshness'] }> {
    const { value: records, freshness } = await this.vehicleRecords(person);
    const record = records.find((candidate) => this.vehicleId(person, candidate) === id);
    if (!record) throw new AppError({ code: 'VEHICLE_NOT_FOUND' });
    return { record, freshness };
  }

  /** One of my violation records by its opaque id (as the list gave it), or 404. */
  async ownViolation(person: VerifiedIdentity, id: string): Promise<{ record: ViolationRecord; kind: ViolationKind }> {
    const { value: records } = await this.violationRecords(person);
    for (const kind of ['camera', 'onsite'] as const) {
      const record = records[kind].find((candidate) => this.violationId(person, candidate) === id);
      if (record) return { record, kind };
    }
    throw new AppError({ code: 'VIOLATION_NOT_FOUND' });
  }

  licenceRecord(person: VerifiedIdentity): Promise<Known<LicenceRecord | null>> {
    return this.deps.lastKnown.get('licence', person.idHash, () => this.deps.traffic.licence(person.idNumber));
  }

  /** The item a downgrade is filed as, or 503 when the catalog no longer publishes it. */
  async downgradeItem(): Promise<ItemGuide> {
    return this.namedItem(DOWNGRADE_ITEM_NAME);
  }

  async mortgageReleaseItem(): Promise<ItemGuide> {
    return this.namedItem(MORTGAGE_RELEASE_ITEM_NAME);
  }

  /** After an application changes my records upstream, the next read asks again. */
  forget(person: VerifiedIdentity): void {
    for (const kind of ['licence', 'vehicles', 'violations']) this.deps.lastKnown.forget(kind, person.idHash);
  }

  /** The Beijing day, yyyyMMdd; it turns at a whole UTC hour, so it is worked out once an hour. */
  today(): string {
    const ms = this.deps.clock.now().getTime();
    const hour = Math.floor(ms / 3_600_000);
    if (hour !== this.todayOf.hour) this.todayOf = { hour, day: toCompactDate(new Date(ms)) };
    return this.todayOf.day;
  }

  /** The person's vehicles as the system has them (the 证照夹 shows each as an 电子行驶证). */
  vehicleRecords(person: VerifiedIdentity): Promise<Known<VehicleRecord[]>> {
    return this.deps.lastKnown.get('vehicles', person.idHash, () => this.deps.traffic.vehicles(person.idNumber));
  }

  private violationRecords(person: VerifiedIdentity): Promise<Known<ViolationRecords>> {
    return this.deps.lastKnown.get('violations', person.idHash, async () => {
      const [onsite, camera] = await Promise.all([
        this.deps.traffic.violations(person.idNumber, 'onsite'),
        this.deps.traffic.violations(person.idNumber, 'camera'),
      ]);
      return { onsite, camera };
    });
  }

  /** Unhandled records against this plate; undefined (not a made-up 0) when they cannot be read. */
  private async unhandledFor(person: VerifiedIdentity, vehicle: VehicleRecord): Promise<number | undefined> {
    try {
      const { value } = await this.violationRecords(person);
      return [...value.camera, ...value.onsite].filter(
        (r) => r.plate === vehicle.plate && r.plateKindCode === vehicle.plateKindCode && !r.handled,
      ).length;
    } catch (error) {
      if (error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE') return undefined;
      throw error;
    }
  }

  private async releaseState(
    person: VerifiedIdentity,
    vehicle: VehicleRecord,
  ): Promise<NonNullable<VehicleDetail['mortgageRelease']>> {
    const item = await this.deps.catalog.guideNamed(MORTGAGE_RELEASE_ITEM_NAME);
    const itemCode = item?.code ?? '';
    const suppliedMaterials = [RELEASE_MATERIAL_NAME];
    if (!item)
      return { possible: false, reason: '解除抵押暂不支持网上办理，请到车管所办理', itemCode, suppliedMaterials };
    try {
      const { value: check } = await this.deps.lastKnown.get(`release-${vehicle.recordNo}`, person.idHash, () =>
        this.deps.traffic.checkRelease(person.idNumber, vehicle.recordNo),
      );
      if (check.ok) return { possible: true, lender: check.lender, itemCode, suppliedMaterials };
      return { possible: false, reason: check.message || '暂不能申请解除抵押', itemCode, suppliedMaterials };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE')) throw error;
      return { possible: false, reason: '暂时无法查询解除抵押信息，请稍后再试', itemCode, suppliedMaterials };
    }
  }

  private async downgradeFor(record: LicenceRecord): Promise<DrivingLicence['downgrade']> {
    const item = await this.deps.catalog.guideNamed(DOWNGRADE_ITEM_NAME);
    const field = item?.form.sections.flatMap((s) => s.fields).find((f) => f.key === DOWNGRADE_FIELD);
    if (!item || !field?.options) return undefined;
    const all: DowngradeOption[] = field.options.map((o) => ({ code: o.value, label: o.label }));
    const options = downgradeOptionsFor(record.classes, all);
    return options.length > 0 ? { itemCode: item.code, options } : undefined;
  }

  private async namedItem(name: string): Promise<ItemGuide> {
    const item = await this.deps.catalog.guideNamed(name);
    if (!item) throw new AppError({ code: 'ITEM_NOT_FOUND' });
    return item;
  }

  /** Stable per person and record, meaningless to anyone else, and never the 违法编号. */
  private violationId(person: VerifiedIdentity, record: ViolationRecord): string {
    return createHmac('sha256', this.deps.violationIdKey)
      .update(`${person.idHash}:${record.id}`)
      .digest('base64url')
      .slice(0, 22);
  }

  /** Stable per person and vehicle, meaningless to anyone else, and never the plate. */
  vehicleId(person: Pick<VerifiedIdentity, 'idHash'>, record: VehicleRecord): string {
    return createHmac('sha256', this.deps.vehicleIdKey)
      .update(`${person.idHash}:${record.recordNo}`)
      .digest('base64url')
      .slice(0, 22);
  }
}
