/** The legacy yyyyMMdd[HHmmss] Beijing-time formats live in shared/, where the BFF reads them too. */
export {
  addDaysCompact,
  fromCompactDate,
  fromCompactDateTime,
  toCompactDate,
  toCompactDateTime,
} from '@suijing/shared';
