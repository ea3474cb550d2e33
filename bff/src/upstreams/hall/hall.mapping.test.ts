import type { StationRecord } from './hall.dialect';
import { toSelfServicePlaces, toSlot, weekdaysOf } from './hall.mapping';

describe("the queuing system's halls, slots and stations in our words", () => {
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
      past: false,
    });
  });

  it('when every regular place is taken, then the slot is full for everyone but the green channel', () => {
    const slot = toSlot({ sdbh: '02', kssj: '0930', jssj: '1000', zrs: 8, yyrs: 6, lszrs: 2, lsyyrs: 0 });
    expect(slot).toMatchObject({ remaining: 0, greenRemaining: 2, available: false });
  });

  it.each([
    ['1-5', [1, 2, 3, 4, 5]],
    ['1-7', [1, 2, 3, 4, 5, 6, 7]],
    ['6', [6]],
    ['6,7', [6, 7]],
  ])('when the hours are for days %s, then they are the weekdays %j', (spec, weekdays) => {
    expect(weekdaysOf(spec)).toEqual(weekdays);
  });

  it('when several machines stand at one place, then each model there is one entry with their numbers, and a station holds its own', () => {
    // Arrange: a station with two machines, and a hall with three of one model and one of another.
    const at = (zdbh: string, lx: string, mc: string, dz: string, gn: string[]): StationRecord => ({
      zdbh,
      lx,
      mc,
      qxmc: '天河区',
      dz,
      wd: dz.startsWith('站') ? 23.1351 : 23.1301,
      jd: dz.startsWith('站') ? 113.3243 : 113.3598,
      yysj: '00:00-24:00',
      gn,
    });
    const records = [
      at('ZZZ1', 'zzz', '天河城24小时自助服务站', '站：天河路208号', []),
      at('ZDJ0003', 'zdj', '大厅身份证自助拍照机', '厅：黄埔大道中261号', ['身份证自助拍照']),
      at('ZDJ0001', 'zdj', '大厅身份证自助拍照机', '厅：黄埔大道中261号', ['身份证自助拍照']),
      at('ZDJ0004', 'zdj', '天河城24小时自助服务站交管自助服务机', '站：天河路208号', ['违法处理']),
      at('ZDJ0002', 'zdj', '大厅身份证自助拍照机', '厅：黄埔大道中261号', ['身份证自助拍照']),
      at('ZDJ0005', 'zdj', '大厅户政综合自助机', '厅：黄埔大道中261号', ['户籍证明打印']),
      at('ZDJ0006', 'zdj', '天河城24小时自助服务站出入境自助签注机', '站：天河路208号', ['港澳签注']),
    ];

    // Act
    const places = toSelfServicePlaces(records);

    // Assert
    expect(places.map((p) => [p.kind, p.name, p.machines])).toEqual([
      ['station', '天河城24小时自助服务站', ['ZDJ0004', 'ZDJ0006']],
      ['terminal', '大厅身份证自助拍照机', ['ZDJ0001', 'ZDJ0002', 'ZDJ0003']],
      ['terminal', '大厅户政综合自助机', ['ZDJ0005']],
    ]);
    expect(places[0]?.services).toEqual(['违法处理', '港澳签注']);
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
  });
});
