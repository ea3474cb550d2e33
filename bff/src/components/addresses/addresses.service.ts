import {
  MAX_ADDRESSES,
  resolveDistrict,
  type Address,
  type AddressChange,
  type AddressFields,
  type AddressList,
  type PostalAddress,
  type ResolvedDistrict,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { randomToken, type Sealer } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import type { AddressDocument } from './address.model';
import { toAddress, toAddressSummary, type AddressSecret } from './address-view';
import type { AddressesRepository } from './addresses.repository';

export interface AddressesServiceDeps {
  addresses: AddressesRepository;
  sealer: Sealer;
  idempotency: IdempotencyStore;
  clock: Clock;
}

/** An address of the book as a delivery needs it: who receives it, their mobile, where. */
export interface DeliveryAddress {
  recipient: string;
  mobile: string;
  address: PostalAddress;
}

/** An address opened whole, for the person's own copy of their data (nothing masked). */
export interface KeptAddress extends AddressSecret {
  id: string;
  province: string;
  city: string;
  district: string;
  districtCode: string;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What other components may ask of the book (applications fill a 邮寄 choice from it). */
export interface AddressBook {
  forDelivery(userId: string, id: string): Promise<DeliveryAddress>;
}

const notFound = () => new AppError({ code: 'ADDRESS_NOT_FOUND' });

function regionOf(code: string): ResolvedDistrict {
  const region = resolveDistrict(code);
  if (!region) {
    throw new AppError({ code: 'REGION_UNKNOWN', fields: [{ path: 'districtCode', message: '请重新选择省市区' }] });
  }
  return region;
}

/**
 * 收件地址簿: a user's postal addresses for results sent by post. Lists show
 * them masked; the full address is read one at a time (to edit it) and
 * handed whole only to a delivery. Another user's address does not exist.
 */
export class AddressesService implements AddressBook {
  constructor(private readonly deps: AddressesServiceDeps) {}

  async list(userId: string): Promise<AddressList> {
    const rows = await this.deps.addresses.listByUser(userId);
    const items = rows.flatMap((row) => {
      const opened = this.open(row);
      return opened ? [toAddressSummary(row, opened.secret, opened.region)] : [];
    });
    return { items, limit: MAX_ADDRESSES };
  }

  async get(userId: string, id: string): Promise<Address> {
    const { row, secret, region } = await this.own(userId, id);
    return toAddress(row, secret, region);
  }

  /** Once per Idempotency-Key: a retried save answers the same address, never a second one. */
  async create(userId: string, idempotencyKey: string, parsed: AddressFields): Promise<StoredResponse<Address>> {
    const region = regionOf(parsed.districtCode);
    return this.deps.idempotency.run(`addresses:${userId}`, idempotencyKey, requestHash(parsed), async () => {
      const count = await this.deps.addresses.countByUser(userId);
      if (count >= MAX_ADDRESSES) throw new AppError({ code: 'ADDRESS_LIMIT' });
      const now = this.deps.clock.now();
      const row: AddressDocument = {
        _id: randomToken(12),
        userId,
        sealed: this.seal(parsed),
        districtCode: parsed.districtCode,
        // The first address is the default, whatever was asked.
        isDefault: parsed.isDefault || count === 0,
        createdAt: now,
        updatedAt: now,
      };
      await this.deps.addresses.add(row);
      if (row.isDefault) await this.deps.addresses.clearDefaultExcept(userId, row._id);
      return { status: 201, body: toAddress(row, parsed, region) };
    });
  }

  /** A change; without a mobile the one kept stays. */
  async update(userId: string, id: string, change: AddressChange): Promise<Address> {
    const region = regionOf(change.districtCode);
    const { row: current, secret: kept } = await this.own(userId, id);
    const parsed = { ...change, mobile: change.mobile ?? kept.mobile };
    const row = await this.deps.addresses.update(userId, id, {
      sealed: this.seal(parsed),
      districtCode: parsed.districtCode,
      // The default stays the default until another takes its place.
      isDefault: parsed.isDefault || current.isDefault,
      updatedAt: this.deps.clock.now(),
    });
    if (!row) throw notFound();
    if (row.isDefault) await this.deps.addresses.clearDefaultExcept(userId, id);
    return toAddress(row, parsed, region);
  }

  /** Removes it and answers the book left; the default gone, the newest one takes its place. */
  async remove(userId: string, id: string): Promise<AddressList> {
    const current = await this.deps.addresses.findOwn(userId, id);
    if (!current || !(await this.deps.addresses.remove(userId, id))) throw notFound();
    if (current.isDefault) await this.deps.addresses.promoteNewest(userId);
    return this.list(userId);
  }

  /** The whole book opened, for 个人信息副本; a row that cannot be opened is left out, as the list leaves it out. */
  async everything(userId: string): Promise<KeptAddress[]> {
    const rows = await this.deps.addresses.listByUser(userId);
    return rows.flatMap((row) => {
      const opened = this.open(row);
      if (!opened) return [];
      const { secret, region } = opened;
      return [
        {
          id: row._id,
          recipient: secret.recipient,
          mobile: secret.mobile,
          detail: secret.detail,
          province: region.province.name,
          city: region.city.name,
          district: region.district.name,
          districtCode: row.districtCode,
          isDefault: row.isDefault,
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
        },
      ];
    });
  }

  async forDelivery(userId: string, id: string): Promise<DeliveryAddress> {
    const { secret, region } = await this.own(userId, id);
    return {
      recipient: secret.recipient,
      mobile: secret.mobile,
      address: {
        province: region.province.name,
        city: region.city.name,
        district: region.district.name,
        detail: secret.detail,
      },
    };
  }

  /** The user's address opened; 404 when it is not theirs (or cannot be opened). */
  private async own(
    userId: string,
    id: string,
  ): Promise<{ row: AddressDocument; secret: AddressSecret; region: ResolvedDistrict }> {
    const row = await this.deps.addresses.findOwn(userId, id);
    const opened = row ? this.open(row) : undefined;
    if (!row || !opened) throw notFound();
    return { row, ...opened };
  }

  private seal({ recipient, mobile, detail }: AddressSecret): string {
    return this.deps.sealer.seal(JSON.stringify({ recipient, mobile, detail }));
  }

  /** The row's secret and region; undefined when it cannot be opened (another key) or its district left the table. */
  private open(row: AddressDocument): { secret: AddressSecret; region: ResolvedDistrict } | undefined {
    const plain = this.deps.sealer.open(row.sealed);
    const region = resolveDistrict(row.districtCode);
    if (plain === null || !region) return undefined;
    const secret = JSON.parse(plain) as AddressSecret;
    return { secret, region };
  }
}
