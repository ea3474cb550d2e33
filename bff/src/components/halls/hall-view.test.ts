import { distanceKm, travelMinutes } from './geo';
import { startedSlot, waitMinutes } from './hall-view';
import { ageOn, greenChannel } from '../appointments/green-channel';

describe('halls: started slots, waits, distances and the green channel', () => {
  it('when a slot has started, then it is past, with no places, not full', () => {
    // The system shows a started slot as fully booked; by our clock it is over.
    const open = { id: '03', from: '10:00', to: '10:30', capacity: 8, remaining: 3, greenRemaining: 1 };
    const slot = startedSlot({ ...open, available: true, past: false });
    expect(slot).toMatchObject({ remaining: 0, greenRemaining: 0, available: false, past: true });
  });

  it.each([
    [{ waiting: 0, averageMinutes: 10, windows: 2 }, 0],
    [{ waiting: 12, averageMinutes: 10, windows: 3 }, 40],
    [{ waiting: 5, averageMinutes: 7, windows: 0 }, 35],
  ])('when the queue is %j, then the wait is %i minutes', (queue, minutes) => {
    expect(waitMinutes({ business: 'HZ02', ...queue })).toBe(minutes);
  });

  it('when two places are a few kilometres apart, then the distance and travel time are plausible', () => {
    const tianhe = { lat: 23.1371, lng: 113.3245 };
    const yuexiu = { lat: 23.1291, lng: 113.2644 };
    const km = distanceKm(tianhe, yuexiu);
    expect(km).toBeGreaterThan(5);
    expect(km).toBeLessThan(7);
    expect(travelMinutes(km)).toBe(Math.round((km / 22) * 60) + 5);
  });

  it.each([
    ['20261128', 60, true],
    ['20261127', 59, false],
  ])(
    'when the visit is on %s for someone born on 1966-11-28, then they are %i and the green channel is %s',
    (day, age, green) => {
      const id = '440106196611281234';
      expect(ageOn(id, day)).toBe(age);
      expect(greenChannel(id, day)).toBe(green);
    },
  );
});
