import { Prng } from '../../core/prng';
import type { SeedCitizen } from '../../seed/citizens';
import { MOBILE_PREFIXES } from '../../seed/pools';
import type { RegisteredPerson } from '../../seed/population';

/**
 * The mobile the register holds for a person (登记的联系电话): a seeded
 * citizen's own phone, else a number drawn per person, the same every time.
 */
export function registeredPhone(person: RegisteredPerson, citizens: readonly SeedCitizen[], seed: number): string {
  const citizen = citizens.find((candidate) => candidate.idNumber === person.idNumber);
  if (citizen) return citizen.phone;
  const random = Prng.derive(seed, `contact:${person.idNumber}`);
  return `${random.pick(MOBILE_PREFIXES)}${random.chars('0123456789', 8)}`;
}
