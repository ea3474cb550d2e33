import {
  maskIdNumber,
  maskName,
  qualification,
  type ResidenceOverview,
  type ResidencePermitCard,
  type ResidencePermitVerifyResult,
} from '@suijing/shared';
import { z } from 'zod';
import type { Clock } from '../../libraries/clock';
import type { Sealer } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';
import type { RateLimiter } from '../../libraries/rate-limiter';
import { RotatingQr } from '../../libraries/rotating-qr';
import type { CatalogService } from '../catalog/catalog.service';
import type { ResidenceFile } from '../../upstreams/identity/identity.mapping';
import type { IdentityService } from '../identity/identity.service';
import { registrationQualification, todayOf, type ResidenceRecords } from './residence-eligibility';
import { RESIDENCE_ITEM_NAMES, RESIDENCE_STEPS } from './residence-items';
import {
  currentDistrict,
  factsOf,
  isLocalHukou,
  regionName,
  toPermitView,
  toRegistrationsView,
  type ResidenceViewer,
} from './residence-view';

const PAYLOAD_PREFIX = 'SJRP1.';
/** A landlord's or an officer's device scans now and then, a prober far more. */
const VERIFY_LIMIT = { points: 120, windowMs: 60_000 };

/** What the sealed QR payload carries: the holder and the permit as the card showed them. */
const QrClaimsSchema = z.object({
  name: z.string(),
  number: z.string(),
  issuer: z.string(),
  validUntil: z.string(),
  endorsedUntil: z.string(),
});

/** Whose residence file: the verified user, or a family member they act for. */
export interface ResidencePerson {
  name: string;
  idNumber: string;
}

/** The 居住证 a person holds now (not one voided by 补领/换领), as a card shows it, without the QR. */
export type PermitOnFile = Omit<ResidencePermitCard, 'qr' | 'generatedAt'>;

export interface ResidenceServiceDeps {
  records: ResidenceRecords;
  identity: IdentityService;
  catalog: CatalogService;
  /** Seals QR payloads (AES-GCM: a changed or made-up payload does not open). */
  sealer: Sealer;
  limiter: RateLimiter;
  clock: Clock;
}

/**
 * 我的居住证 and the 电子居住证: the person's 居住登记 and permit as the register
 * holds them (found by the verified ID number, or a family member's the caller
 * was given authority for), what they may apply for next by the shared rules,
 * and the card with a sealed QR that rotates like the 电子驾驶证's.
 */
export class ResidenceService {
  private readonly qr: RotatingQr<typeof QrClaimsSchema>;

  constructor(private readonly deps: ResidenceServiceDeps) {
    this.qr = new RotatingQr({
      prefix: PAYLOAD_PREFIX,
      claims: QrClaimsSchema,
      sealer: deps.sealer,
      clock: deps.clock,
    });
  }

  async overview(userId: string): Promise<ResidenceOverview> {
    return this.overviewOf(await this.deps.identity.require(userId), 'owner');
  }

  async overviewOf(person: ResidencePerson, viewer: ResidenceViewer = 'owner'): Promise<ResidenceOverview> {
    const file = await this.deps.records.residence(person.idNumber);
    const today = todayOf(this.deps.clock);
    const facts = factsOf(file);
    const hukouRegionName = regionName(file.hukouRegionCode);
    const actions: ResidenceOverview['actions'] = [];
    for (const step of RESIDENCE_STEPS) {
      const item = await this.deps.catalog.guideNamed(RESIDENCE_ITEM_NAMES[step]);
      // An item the catalog does not publish online is not offered (the hall still handles it).
      if (!item) continue;
      const verdict = step === 'register' ? registrationQualification(file) : qualification(step, facts, today);
      actions.push({
        action: step,
        itemCode: item.code,
        itemName: item.name,
        allowed: verdict.allowed,
        ...(verdict.allowed ? {} : { reason: verdict.reason }),
      });
    }
    return {
      hukouLocal: isLocalHukou(file),
      ...(hukouRegionName ? { hukouRegionName } : {}),
      registrations: toRegistrationsView(file, today, viewer),
      ...(file.permit ? { permit: toPermitView(file.permit, today) } : {}),
      actions,
    };
  }

  /** The permit a person holds, or undefined when none (a voided one is not held). */
  async permitOf(person: ResidencePerson): Promise<PermitOnFile | undefined> {
    return this.heldPermit(person, await this.deps.records.residence(person.idNumber));
  }

  async card(userId: string): Promise<ResidencePermitCard> {
    return this.permitCard(await this.deps.identity.require(userId));
  }

  /** The 电子居住证; the QR only while the permit is valid (a suspended one shows why, and no code to show). */
  async permitCard(person: ResidencePerson): Promise<ResidencePermitCard> {
    const file = await this.deps.records.residence(person.idNumber);
    const permit = this.heldPermit(person, file);
    if (!permit || !file.permit) throw new AppError({ code: 'RESIDENCE_PERMIT_NOT_FOUND' });
    const card: ResidencePermitCard = { ...permit, generatedAt: this.deps.clock.now().toISOString() };
    if (permit.status !== 'valid') return card;
    return {
      ...card,
      qr: this.qr.issue({
        name: person.name,
        number: file.permit.number,
        issuer: permit.issuer,
        validUntil: permit.validUntil,
        endorsedUntil: permit.endorsedUntil,
      }),
    };
  }

  /** What a verifier's device learns from a scanned code: valid (and whose, masked), expired, or forged. */
  async verify(payload: string, clientAddress: string): Promise<ResidencePermitVerifyResult> {
    await this.deps.limiter.demand(`residence-verify:${clientAddress}`, VERIFY_LIMIT, '核验过于频繁，请稍后再试');
    const checkedAt = this.deps.clock.now().toISOString();
    const reading = this.qr.read(payload);
    if (reading.state === 'forged') {
      return { result: 'forged', resultText: '无效的电子居住证二维码，可能被伪造或篡改', checkedAt };
    }
    if (reading.state === 'expired') {
      return { result: 'expired', resultText: '二维码已过期，请持证人刷新后重新出示', checkedAt };
    }
    const { claims } = reading;
    return {
      result: 'valid',
      resultText: '电子居住证有效',
      checkedAt,
      holder: {
        name: maskName(claims.name),
        numberMasked: maskIdNumber(claims.number),
        issuer: claims.issuer,
        validUntil: claims.validUntil,
        endorsedUntil: claims.endorsedUntil,
      },
    };
  }

  private heldPermit(person: ResidencePerson, file: ResidenceFile): PermitOnFile | undefined {
    const { permit } = file;
    if (!permit || permit.statusCode === 'void') return undefined;
    const view = toPermitView(permit, todayOf(this.deps.clock));
    const district = currentDistrict(file);
    return {
      name: person.name,
      numberMasked: view.numberMasked,
      issuer: view.issuer,
      issuedOn: view.issuedOn,
      validUntil: view.validUntil,
      endorsedUntil: view.endorsedUntil,
      status: view.status,
      statusText: view.statusText,
      endorsements: view.endorsements,
      ...(district ? { districtName: district } : {}),
    };
  }
}
