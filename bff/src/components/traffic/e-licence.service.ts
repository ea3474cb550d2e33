import { maskIdNumber, maskName, type ELicenceCard, type ELicenceVerifyResult } from '@suijing/shared';
import { z } from 'zod';
import type { Clock } from '../../libraries/clock';
import type { Sealer } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';
import type { RateLimiter } from '../../libraries/rate-limiter';
import { RotatingQr } from '../../libraries/rotating-qr';
import type { IdentityService } from '../identity/identity.service';
import type { TrafficService } from './traffic.service';

const PAYLOAD_PREFIX = 'SJDL1.';
/** An officer's device scans often, a prober far more. */
const VERIFY_LIMIT = { points: 120, windowMs: 60_000 };

/** What the sealed QR payload carries: the holder as the card showed them. */
const QrClaimsSchema = z.object({
  name: z.string(),
  number: z.string(),
  classes: z.string(),
  status: z.string(),
  validUntil: z.string(),
});

export interface ELicenceDeps {
  traffic: TrafficService;
  identity: IdentityService;
  /** Seals QR payloads (AES-GCM: a changed or made-up payload does not open). */
  sealer: Sealer;
  limiter: RateLimiter;
  clock: Clock;
}

/**
 * 电子驾驶证: the card of my licence with a QR code that an officer's device
 * verifies. The code is sealed by the BFF and short-lived, so a screenshot
 * or a photo of someone else's phone stops working within a minute or two.
 */
export class ELicenceService {
  private readonly qr: RotatingQr<typeof QrClaimsSchema>;

  constructor(private readonly deps: ELicenceDeps) {
    this.qr = new RotatingQr({
      prefix: PAYLOAD_PREFIX,
      claims: QrClaimsSchema,
      sealer: deps.sealer,
      clock: deps.clock,
    });
  }

  async card(userId: string): Promise<ELicenceCard> {
    const person = await this.deps.identity.require(userId);
    const { value: record } = await this.deps.traffic.licenceRecord(person);
    if (!record) throw new AppError({ code: 'DRIVING_LICENCE_NOT_FOUND' });
    const status = record.statuses.map((word) => word.text).join('、');
    return {
      numberMasked: maskIdNumber(record.idNumber),
      name: record.name,
      gender: record.gender,
      nationality: record.nationality,
      birthDate: record.birthDate,
      firstIssuedOn: record.firstIssuedOn,
      classes: record.classes,
      validFrom: record.validFrom,
      validUntil: record.validUntil,
      archiveNoMasked: maskIdNumber(record.archiveNo),
      statusText: status,
      accumulatedPoints: record.accumulatedPoints,
      issuer: record.issuer,
      generatedAt: this.deps.clock.now().toISOString(),
      qr: this.qr.issue({
        name: record.name,
        number: record.idNumber,
        classes: record.classes,
        status,
        validUntil: record.validUntil,
      }),
    };
  }

  /** What an officer's device learns from a scanned code: valid (and whose), expired, or forged. */
  async verify(payload: string, clientAddress: string): Promise<ELicenceVerifyResult> {
    await this.deps.limiter.demand(`e-licence-verify:${clientAddress}`, VERIFY_LIMIT, '核验过于频繁，请稍后再试');
    const checkedAt = this.deps.clock.now().toISOString();
    const reading = this.qr.read(payload);
    if (reading.state === 'forged') {
      return { result: 'forged', resultText: '无效的电子驾驶证二维码，可能被伪造或篡改', checkedAt };
    }
    if (reading.state === 'expired') {
      return { result: 'expired', resultText: '二维码已过期，请持证人刷新后重新出示', checkedAt };
    }
    const { claims } = reading;
    return {
      result: 'valid',
      resultText: '电子驾驶证有效',
      checkedAt,
      holder: {
        name: maskName(claims.name),
        numberMasked: maskIdNumber(claims.number),
        classes: claims.classes,
        statusText: claims.status,
        validUntil: claims.validUntil,
      },
    };
  }
}
