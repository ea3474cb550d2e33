import { createHmac } from 'node:crypto';
import {
  IN_PERSON_RECENT_SECONDS,
  isoDayFromCompact,
  toCompactDate,
  type Wallet,
  type WalletItem,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { AuthState } from '../../libraries/context';
import { AppError } from '../../libraries/errors';
import type { LicenceOnFile } from '../../upstreams/identity/identity.mapping';
import type { FamilyAuthority } from '../family/family-authority';
import type { FamilyService } from '../family/family.service';
import type { IdentityService } from '../identity/identity.service';
import type { TrafficService } from '../traffic/traffic.service';
import {
  drivingLicenceItem,
  eLicenceItem,
  identityItem,
  permitItem,
  SHOWN_BY_THEIR_SYSTEMS,
  vehicleItem,
  type HeldItem,
  type WalletPermit,
  type WalletSubject,
} from './wallet-items';

type Source = Wallet['unavailable'][number]['source'];

const SOURCE_NAMES: Record<Source, string> = {
  traffic: '车驾管系统（电子驾驶证、电子行驶证）',
  'e-licences': '电子证照库',
  residence: '居住证信息系统',
};

/** Mini-program pages of the cards that have their own (only for the holder's own wallet). */
const LINKS = {
  drivingLicence: '/packages/vehicles/pages/e-card/index',
  vehicle: (id: string) => `/packages/vehicles/pages/detail/index?id=${id}`,
  permit: '/packages/wallet/pages/residence-card/index',
};

export interface WalletServiceDeps {
  identity: Pick<IdentityService, 'require'>;
  traffic: Pick<TrafficService, 'licenceRecord' | 'vehicleRecords' | 'vehicleId'>;
  /** The e-licence store. */
  licences: { licences(idNumber: string): Promise<LicenceOnFile[]> };
  /** The residence component: the permit a person holds, or undefined. */
  permits: { permitOf(person: WalletSubject): Promise<WalletPermit | undefined> };
  /** Authority over family members, and the member's usage record of what was done for them. */
  family: FamilyAuthority & Pick<FamilyService, 'recordActing'>;
  /** Key of the opaque item ids. */
  itemIdKey: Buffer;
  clock: Clock;
}

/** An item with its opaque id, and its share values. */
export interface OwnedItem extends HeldItem {
  id: string;
}

const isDown = (error: unknown): boolean => error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE';

/**
 * 证照夹: every certificate of the verified person (or of a family member the
 * caller holds authority for) from the systems that keep them, each source on
 * its own, so one system down leaves the others' certificates shown and the
 * missing ones named.
 */
export class WalletService {
  constructor(private readonly deps: WalletServiceDeps) {}

  async own(auth: AuthState): Promise<Wallet> {
    const { items, unavailable } = await this.ownItems(auth);
    return { items: items.map(toItem), unavailable };
  }

  /** A family member's certificates (authority 'certs'), without the identity credential, which is the member's own. */
  async member(auth: AuthState, memberId: string): Promise<Wallet> {
    const member = await this.deps.family.memberFor(auth.userId, memberId, 'certs');
    const { items, unavailable } = await this.gather(member, false);
    // The member sees in their own usage record that a family member looked (when they have an account).
    await this.deps.family.recordActing(auth, memberId, '查看了您的证照夹');
    return { items: items.map(toItem), unavailable };
  }

  async ownItem(auth: AuthState, itemId: string): Promise<WalletItem> {
    return toItem(await this.ownedItem(auth, itemId));
  }

  /** One of my items with its share values; 404 for an id that is not mine (503 when its source may be down). */
  async ownedItem(auth: AuthState, itemId: string): Promise<OwnedItem> {
    const { items, unavailable } = await this.ownItems(auth);
    const found = items.find((item) => item.id === itemId);
    if (found) return found;
    if (unavailable.length > 0) {
      throw new AppError({
        code: 'UPSTREAM_UNAVAILABLE',
        message: `${unavailable.map((u) => u.sourceName).join('、')}暂时无法访问，请稍后再试`,
        expose: true,
      });
    }
    throw new AppError({ code: 'WALLET_ITEM_NOT_FOUND' });
  }

  private async ownItems(auth: AuthState) {
    const person = await this.deps.identity.require(auth.userId);
    const gathered = await this.gather(person, true);
    const nowMs = this.deps.clock.now().getTime();
    const credential = identityItem(
      person,
      { atMs: auth.inPersonAtMs, method: auth.inPersonMethod },
      nowMs,
      IN_PERSON_RECENT_SECONDS * 1000,
      dayOf,
      dayOf(nowMs),
    );
    return { items: [this.withId(person, credential), ...gathered.items], unavailable: gathered.unavailable };
  }

  private async gather(
    subject: WalletSubject,
    own: boolean,
  ): Promise<{ items: OwnedItem[]; unavailable: Wallet['unavailable'] }> {
    const today = dayOf(this.deps.clock.now().getTime());
    const unavailable: Wallet['unavailable'] = [];
    const attempt = async (source: Source, read: () => Promise<HeldItem[]>): Promise<HeldItem[]> => {
      try {
        return await read();
      } catch (error) {
        if (!isDown(error)) throw error;
        unavailable.push({ source, sourceName: SOURCE_NAMES[source] });
        return [];
      }
    };
    const [traffic, residence, licences] = await Promise.all([
      attempt('traffic', async () => {
        const [licence, vehicles] = await Promise.all([
          this.deps.traffic.licenceRecord(subject),
          this.deps.traffic.vehicleRecords(subject),
        ]);
        return [
          ...(licence.value ? [drivingLicenceItem(licence.value, today, own ? LINKS.drivingLicence : undefined)] : []),
          ...vehicles.value.map((record) =>
            vehicleItem(record, today, own ? LINKS.vehicle(this.deps.traffic.vehicleId(subject, record)) : undefined),
          ),
        ];
      }),
      attempt('residence', async () => {
        const permit = await this.deps.permits.permitOf(subject);
        return permit ? [permitItem(subject, permit, today, own ? LINKS.permit : undefined)] : [];
      }),
      attempt('e-licences', async () =>
        (await this.deps.licences.licences(subject.idNumber))
          .filter((licence) => !SHOWN_BY_THEIR_SYSTEMS.has(licence.typeCode))
          .map((licence) => eLicenceItem(subject, licence, today)),
      ),
    ]);
    // Sources in the order they are listed: unavailable is filled as they fail, which is any order.
    unavailable.sort(
      (a, b) => Object.keys(SOURCE_NAMES).indexOf(a.source) - Object.keys(SOURCE_NAMES).indexOf(b.source),
    );
    return { items: [...traffic, ...residence, ...licences].map((held) => this.withId(subject, held)), unavailable };
  }

  /** Stable per person and certificate, meaningless to anyone else, and never its number. */
  private withId(subject: WalletSubject, held: HeldItem): OwnedItem {
    const id = createHmac('sha256', this.deps.itemIdKey)
      .update(`${subject.idHash}:${held.key}`)
      .digest('base64url')
      .slice(0, 22);
    return { ...held, id };
  }
}

function toItem(owned: OwnedItem): WalletItem {
  return { id: owned.id, ...owned.item };
}

/** yyyy-MM-dd of the Beijing calendar day of an instant. */
function dayOf(ms: number): string {
  return isoDayFromCompact(toCompactDate(new Date(ms)));
}
