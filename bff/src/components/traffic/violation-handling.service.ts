import type { HandlingDecision, HandlingPreview, ViolationAnswer } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import type { TrafficClient } from '../../upstreams/traffic/traffic.client';
import type { EvidencePhoto, HandlingRefused } from '../../upstreams/traffic/traffic.types';
import type { IdentityService } from '../identity/identity.service';
import type { TrafficService } from './traffic.service';
import { allowedPreview, refusedPreview, toHandlingDecision, toViolationDetail } from './violation-handling-view';

export interface ViolationHandlingDeps {
  traffic: TrafficService;
  client: TrafficClient;
  identity: IdentityService;
  idempotency: IdempotencyStore;
  /** Where the API is mounted (photo URLs). */
  apiPrefix: string;
}

/**
 * 违法处理 online: one of my records (by the opaque id of my list, so
 * someone else's is 404), its photos, what handling would do, and handling
 * it exactly once per Idempotency-Key (the traffic system also takes the
 * key's operation id as its 流水号, so a retry after a lost answer finds the
 * same 决定书). Afterwards my cached licence, vehicles and violations are
 * read again, so points and 已处理 show at once.
 */
export class ViolationHandlingService {
  constructor(private readonly deps: ViolationHandlingDeps) {}

  async detail(userId: string, id: string): Promise<ViolationAnswer> {
    const person = await this.deps.identity.require(userId);
    const { record, kind } = await this.deps.traffic.ownViolation(person, id);
    const detail = await this.deps.client.violation(person.idNumber, record.id);
    if (!detail) throw new AppError({ code: 'VIOLATION_NOT_FOUND' });
    return { violation: toViolationDetail(detail, kind, id, this.deps.apiPrefix) };
  }

  async photo(userId: string, id: string, number: number): Promise<EvidencePhoto> {
    const person = await this.deps.identity.require(userId);
    const { record } = await this.deps.traffic.ownViolation(person, id);
    const photo = await this.deps.client.photo(person.idNumber, record.id, number);
    if (!photo) throw new AppError({ code: 'VIOLATION_PHOTO_NOT_FOUND' });
    return photo;
  }

  async preview(userId: string, id: string): Promise<HandlingPreview> {
    const person = await this.deps.identity.require(userId);
    const { record } = await this.deps.traffic.ownViolation(person, id);
    const check = await this.deps.client.checkHandling(person.idNumber, record.id);
    if (check.ok) return allowedPreview(check);
    if (check.reason === 'not-found') throw new AppError({ code: 'VIOLATION_NOT_FOUND' });
    return refusedPreview({ ...check, reason: check.reason });
  }

  async handle(userId: string, id: string, idempotencyKey: string): Promise<StoredResponse<HandlingDecision>> {
    const person = await this.deps.identity.require(userId);
    const { record } = await this.deps.traffic.ownViolation(person, id);
    const hash = requestHash({ kind: 'violation-handling', id });
    return this.deps.idempotency.run(`violations:${userId}`, idempotencyKey, hash, async (operationId) => {
      const result = await this.deps.client.handle(person.idNumber, record.id, operationId);
      if (!result.ok) {
        // The record may have changed upstream (handled at a window): the next read asks again.
        this.deps.traffic.forget(person);
        throw this.refused(result);
      }
      this.deps.traffic.forget(person);
      return { status: 201, body: toHandlingDecision(result) };
    });
  }

  private refused(refused: HandlingRefused): AppError {
    if (refused.reason === 'not-found') return new AppError({ code: 'VIOLATION_NOT_FOUND' });
    if (refused.reason === 'already-handled') return new AppError({ code: 'VIOLATION_ALREADY_HANDLED' });
    const preview = refusedPreview({ ...refused, reason: refused.reason });
    const message = preview.allowed ? undefined : `${preview.reasonText}。${preview.whatToDo}`;
    return new AppError({ code: 'VIOLATION_NOT_HANDLEABLE', ...(message ? { message } : {}) });
  }
}
