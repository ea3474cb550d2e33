export { seedCitizens, seedCitizen, SEED_CITIZENS, type SeedCitizen, type CitizenRole } from './citizens';
export { makeIdNumber } from './id-number';
export { seedKin, kinOf, type KinRole, type SeedKin } from './kin';
export {
  populationRegister,
  PopulationRegister,
  normaliseIdNumber,
  type RegisteredPerson,
  type PersonRole,
  type IdentityCheck,
} from './population';
