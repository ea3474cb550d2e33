import type { ProgressLookupRequest, ProgressLookupResponse } from '@suijing/shared';
import { safeEqual } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';
import type { RateLimiter } from '../../libraries/rate-limiter';
import type { IdentityService } from '../identity/identity.service';
import type { ApplicationDocument } from './application.model';
import type { ApplicationsRepository } from './applications.repository';
import type { ProgressTags } from './progress-tags';

/** Per client address and per case number: enough to check a case, far too few to guess numbers. */
const LIMITS = {
  perAddress: { points: 20, windowMs: 3_600_000 },
  perCase: { points: 5, windowMs: 3_600_000 },
};

export interface ProgressLookupDeps {
  applications: ApplicationsRepository;
  identity: IdentityService;
  tags: ProgressTags;
  limiter: RateLimiter;
}

/**
 * 办件进度查询 without logging in: a case number and the applicant's last six
 * ID digits give the status only. A wrong pair and an unknown number answer alike.
 */
export class ProgressLookupService {
  constructor(private readonly deps: ProgressLookupDeps) {}

  async lookup(request: ProgressLookupRequest, clientAddress: string): Promise<ProgressLookupResponse> {
    const [address, perCase] = await Promise.all([
      this.deps.limiter.hit(`progress:address:${clientAddress}`, LIMITS.perAddress),
      this.deps.limiter.hit(`progress:case:${request.caseNo}`, LIMITS.perCase),
    ]);
    if (!address.allowed || !perCase.allowed) {
      throw new AppError({
        code: 'RATE_LIMITED',
        message: '查询过于频繁，请一小时后再试',
        retryAfterSeconds: Math.max(...[address, perCase].filter((t) => !t.allowed).map((t) => t.retryAfterSeconds)),
      });
    }
    const found = await this.deps.applications.find(request.caseNo);
    if (!found || !(await this.isApplicants(found, request.idLast6))) {
      throw new AppError({ code: 'CASE_NOT_FOUND', message: '未找到该办件，请核对办件编号和身份证号码后 6 位' });
    }
    const { view } = found;
    return {
      caseNo: view.caseNo,
      itemName: view.itemName,
      status: view.status,
      statusText: view.statusText,
      updatedAt: view.updatedAt,
      promisedDate: view.promisedDate,
    };
  }

  /** Whether the digits are the applicant's: by the case's tag, or (cases filed before tags) by the filing account. */
  private async isApplicants(found: ApplicationDocument, idLast6: string): Promise<boolean> {
    if (found.lookupTag) return this.deps.tags.matches(found.lookupTag, found._id, idLast6);
    const applicant = await this.deps.identity.require(found.userId).catch(() => undefined);
    return applicant !== undefined && safeEqual(applicant.idNumber.slice(-6), idLast6.toUpperCase());
  }
}
