import type { VehicleSummary } from '@suijing/shared';
import type { VehicleRecord } from '../../upstreams/traffic/traffic.types';
import { VehicleLists, type VehicleListView } from './vehicle-lists';

const fresh = (ageSeconds: number) => ({ updatedAt: '2026-12-06T01:00:00.000Z', ageSeconds, stale: false });

/** Records stand in by reference only: the view below reads nothing of them. */
const recordsOf = (count: number) => Array.from({ length: count }, () => ({}) as VehicleRecord);

/** A view that names whose list it is and the day, and counts its builds. */
function countingView() {
  const built: string[] = [];
  const view: VehicleListView = (records, idHash, today) => {
    built.push(`${idHash}@${today}`);
    return records.map((_, index) => ({ id: `${idHash}-${index}-${today}` }) as VehicleSummary);
  };
  return { built, view };
}

describe('VehicleLists: my vehicles as the bytes sent', () => {
  it('when the same person asks again on the same day, then the list is built once and the freshness is current', () => {
    // Arrange
    const { built, view } = countingView();
    const lists = new VehicleLists(view);
    const records = recordsOf(2);

    // Act
    const first = lists.answer(records, 'p1', '20261206', fresh(3));
    const later = lists.answer(records, 'p1', '20261206', fresh(4));

    // Assert
    expect(built).toEqual(['p1@20261206']);
    expect(JSON.parse(first.bytes.toString())).toEqual({
      items: [{ id: 'p1-0-20261206' }, { id: 'p1-1-20261206' }],
      freshness: fresh(3),
    });
    expect(later.bytes.toString()).toBe(
      JSON.stringify({ items: [{ id: 'p1-0-20261206' }, { id: 'p1-1-20261206' }], freshness: fresh(4) }),
    );
  });

  it('when the day turns, then the list is built again, counted from the new day', () => {
    // Arrange
    const { built, view } = countingView();
    const lists = new VehicleLists(view);
    const records = recordsOf(1);
    lists.answer(records, 'p1', '20261206', fresh(3));

    // Act
    const nextDay = lists.answer(records, 'p1', '20261207', fresh(4));

    // Assert
    expect(built).toEqual(['p1@20261206', 'p1@20261207']);
    expect(nextDay.bytes.toString()).toContain('p1-0-20261207');
  });

  it("when the person's cached records are replaced (refreshed or forgotten), then the new ones are listed", () => {
    // Arrange
    const { built, view } = countingView();
    const lists = new VehicleLists(view);
    lists.answer(recordsOf(1), 'p1', '20261206', fresh(3));

    // Act
    const refreshed = lists.answer(recordsOf(2), 'p1', '20261206', fresh(0));

    // Assert
    expect(built).toHaveLength(2);
    expect(JSON.parse(refreshed.bytes.toString()).items).toHaveLength(2);
  });

  it('when another person comes with the same records object, then their own list is built, never the first one', () => {
    // Arrange
    const { view } = countingView();
    const lists = new VehicleLists(view);
    const records = recordsOf(1);
    lists.answer(records, 'p1', '20261206', fresh(3));

    // Act
    const other = lists.answer(records, 'p2', '20261206', fresh(3));

    // Assert
    expect(other.bytes.toString()).toContain('p2-0-20261206');
    expect(other.bytes.toString()).not.toContain('p1-');
  });
});
