import { normaliseIdNumber } from '../seed/population';

/**
 * What a live check (实人) can come to, as the person in front of the camera
 * makes it happen. Shared by the stand-ins of WeChat's face verification and
 * of the 网证 platform; each system turns an outcome into its own codes.
 */
export const IN_PERSON_OUTCOMES = [
  'pass',
  'not-same-person',
  'no-face',
  'liveness-failed',
  'timeout',
  'cancel',
  'fail',
] as const;

export type InPersonOutcome = (typeof IN_PERSON_OUTCOMES)[number];

export function isInPersonOutcome(value: unknown): value is InPersonOutcome {
  return typeof value === 'string' && (IN_PERSON_OUTCOMES as readonly string[]).includes(value);
}

export const IN_PERSON_OUTCOME_LIST = IN_PERSON_OUTCOMES.join(' | ');

/**
 * How each registered person's checks go when nobody says otherwise: 'pass'
 * unless a test or the demo set another outcome for their ID number (an
 * impostor's face, a camera that never sees a face ...). Cleared on reset.
 */
export class PersonOutcomes {
  private readonly byIdNumber = new Map<string, InPersonOutcome>();

  get(idNumber: string): InPersonOutcome {
    return this.byIdNumber.get(normaliseIdNumber(idNumber)) ?? 'pass';
  }

  set(idNumber: string, outcome: InPersonOutcome): void {
    if (outcome === 'pass') this.byIdNumber.delete(normaliseIdNumber(idNumber));
    else this.byIdNumber.set(normaliseIdNumber(idNumber), outcome);
  }

  clear(): void {
    this.byIdNumber.clear();
  }
}
