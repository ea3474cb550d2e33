import { joinStatusLetters } from '../../legacy/fields';
import { violationDay } from './days';
import type { Vehicle, Violation } from './records';

/** 累积记分: points of the records handled within the current 记分周期 (points count once a record is dealt with). */
export function pointsInCycle(records: readonly Violation[], cycleStart: string, asOf: string): number {
  return records
    .filter((record) => {
      const day = violationDay(record.wfsj) ?? '';
      return record.clbj === '1' && day >= cycleStart && day <= asOf;
    })
    .reduce((sum, record) => sum + Number(record.wfjf), 0);
}

/** Whether any open record carries points: what blocks 自愿降级 (and sets H on a licence). */
export function hasOpenPointRecords(records: readonly Violation[]): boolean {
  return records.some((record) => record.clbj === '0' && Number(record.wfjf) > 0);
}

/** A vehicle's status as the nightly batch leaves it: Q 逾期未检验, G 违法未处理, P 达到报废标准, else A. */
export function vehicleStatus(vehicle: Vehicle, camera: readonly Violation[], asOf: string): string {
  const letters: string[] = [];
  if (vehicle.yxqz < asOf) letters.push('Q');
  if (camera.some((record) => record.hphm === vehicle.hphm && record.clbj === '0')) letters.push('G');
  if (vehicle.qzbfqz < asOf) letters.push('P');
  return letters.length === 0 ? 'A' : joinStatusLetters(letters);
}

/** "A" alone, or the other letters without it (A means nothing else applies). */
export function licenceStatus(letters: readonly string[]): string {
  const others = letters.filter((letter) => letter !== 'A');
  return others.length === 0 ? 'A' : joinStatusLetters(others);
}
