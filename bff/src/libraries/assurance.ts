import {
  assuranceMessage,
  meetsAssurance,
  type AssuranceLevel,
  type AssuranceRequirement,
  type DataUseFeature,
} from '@suijing/shared';
import { AppError } from './errors';

/** What the caller holds: the session's level and when it last passed an in-person (L3) check. */
export interface HeldAssurance {
  level: AssuranceLevel;
  inPersonAtMs: number | null;
}

/** The 403 a caller below a requirement gets: the level it needs, in words and in `required`. */
export function assuranceRequired(required: AssuranceRequirement): AppError {
  return new AppError({ code: 'ASSURANCE_REQUIRED', message: assuranceMessage(required), required });
}

/** Throws ASSURANCE_REQUIRED unless `held` meets `required` now. */
export function demandAssurance(held: HeldAssurance, required: AssuranceRequirement, nowMs: number): void {
  if (!meetsAssurance(held, required, nowMs)) throw assuranceRequired(required);
}

/** A read of personal data a route makes, for 个人信息使用记录. */
export interface DataUse {
  feature: DataUseFeature;
  /** In words, e.g. 查询名下机动车. */
  what: string;
}
