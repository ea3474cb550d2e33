import { distanceKm, travelMinutes } from './geo';
import { toSlot, waitMinutes } from './hall-view';
import { ageOn, greenChannel } from '../appointments/green-channel';

describe('halls: places, waits, distances and the green channel', () => {
  it('when a slot has regular and green places, then each is counted on its own', () => {
    // 8 places, 2 kept for 60+; 5 booked of which 1 green.
    const slot = toSlot({ sdbh: '01', kssj: '0900', jssj: '0930', zrs: 8, yyrs: 5, lszrs: 2, lsyyrs: 1 });
    expect(slot).toEqual({
      id: '01',
      from: '09:00',
      to: '09:30',
      capacity: 8,
      remaining: 2,
      greenRemaining: 1,
      available: true,
    });
  });

  it('when every regular place is taken, then the slot is full for everyone but the green channel', () => {
    const slot = toSlot({ sdbh: '02', kssj: '0930', jssj: '1000', zrs: 8, yyrs: 6, lszrs: 2, lsyyrs: 0 });
    expect(slot).toMatchObject({ remaining: 0, greenRemaining: 2, available: false });
  });

  it.each([
    [{ ddrs: 0, pjblsj: 10, kfck: 2 }, 0],
    [{ ddrs: 12, pjblsj: 10, kfck: 3 }, 40],
    [{ ddrs: 5, pjblsj: 7, kfck: 0 }, 35],
  ])('when the queue is %j, then the wait is %i minutes', (queue, minutes) => {
    expect(waitMinutes({ ywdm: 'HZ02', ...queue })).toBe(minutes);
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
