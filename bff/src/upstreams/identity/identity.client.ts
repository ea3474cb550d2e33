import type { Logger } from '../../libraries/logger';
import { GovSystemClient, type GovSettings } from '../gov-system-client';
import {
  ContactResponseSchema,
  IDENTITY_CODES,
  LicenceListResponseSchema,
  ResidenceResponseSchema,
  VerifyResponseSchema,
} from './identity.dialect';
import {
  toLicenceOnFile,
  toResidenceFile,
  toVerifiedMatch,
  type LicenceOnFile,
  type ResidenceFile,
  type VerifyOutcome,
} from './identity.mapping';

/** Register answers that all mean "not this person": mismatch, unknown and cancelled look alike on purpose. */
const NOT_MATCHED: readonly string[] = [
  IDENTITY_CODES.MISMATCH,
  IDENTITY_CODES.NOT_FOUND,
  IDENTITY_CODES.BAD_NUMBER,
  IDENTITY_CODES.CANCELLED,
];

/** The identity system (实名认证) and the e-licence store (电子证照) of the data-exchange platform. */
export class IdentityClient extends GovSystemClient {
  constructor(settings: GovSettings, logger: Logger) {
    super(settings, logger, { name: 'identity', label: '实名认证服务' });
  }

  /** A lookup with no side effects, so it may be retried. */
  async verify(name: string, idNumber: string): Promise<VerifyOutcome> {
    const answer = await this.post('/identity/v1/verify', { xm: name, sfzmhm: idNumber }, VerifyResponseSchema, {
      safe: true,
    });
    if (answer.code === IDENTITY_CODES.OK && answer.data) return toVerifiedMatch(answer.data);
    if (NOT_MATCHED.includes(answer.code)) return { matched: false };
    throw this.unexpected(answer, 'verify');
  }

  /** Licences on file for a person, for materials that need no upload. */
  async licences(idNumber: string): Promise<LicenceOnFile[]> {
    const answer = await this.get('/elicence/v1/licences', { sfzmhm: idNumber }, LicenceListResponseSchema);
    return this.data(answer, 'e-licence').list.map(toLicenceOnFile);
  }

  /** The mobile the register holds for a person (to reach them, not the caller), or null when it has none. */
  async contactPhone(idNumber: string): Promise<string | null> {
    const answer = await this.get('/identity/v1/contact', { sfzmhm: idNumber }, ContactResponseSchema);
    if (answer.code === IDENTITY_CODES.OK && answer.data) return answer.data.sjhm || null;
    if (NOT_MATCHED.includes(answer.code)) return null;
    throw this.unexpected(answer, 'contact');
  }

  /** 居住登记 and 居住证 on file for a person (the register computes the permit's status on read). */
  async residence(idNumber: string): Promise<ResidenceFile> {
    const answer = await this.get('/identity/v1/residence', { sfzmhm: idNumber }, ResidenceResponseSchema);
    return toResidenceFile(this.data(answer, 'residence'));
  }
}
