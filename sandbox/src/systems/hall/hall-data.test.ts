import { DEFAULT_SEED } from '../../options';
import { selfServices, shareOut } from './stations';
import { hallTables } from './tables';

/** Rough extent of each district (south, north latitude; west, east longitude), from the map. */
const DISTRICT_EXTENT: Record<string, [number, number, number, number]> = {
  '440104': [23.105, 23.165, 113.23, 113.32], // 越秀
  '440105': [23.04, 23.125, 113.23, 113.42], // 海珠
  '440103': [23.04, 23.16, 113.17, 113.27], // 荔湾
  '440106': [23.1, 23.25, 113.3, 113.44], // 天河
  '440111': [23.14, 23.44, 113.15, 113.5], // 白云
  '440112': [23.03, 23.42, 113.38, 113.62], // 黄埔
  '440113': [22.87, 23.08, 113.24, 113.56], // 番禺
  '440114': [23.26, 23.62, 112.95, 113.47], // 花都
  '440115': [22.56, 22.91, 113.28, 113.7], // 南沙
  '440117': [23.37, 23.94, 113.27, 114.05], // 从化
  '440118': [23.08, 23.62, 113.54, 114.0], // 增城
};

/** Landmarks everyone knows, where they are (GCJ-02, as Chinese maps and WeChat use). */
const LANDMARKS: ReadonlyArray<[string, number, number]> = [
  ['公园前', 23.1264, 113.2645],
  ['广州南站', 22.989, 113.27],
  ['白云机场', 23.395, 113.305],
  ['阅江中路', 23.097, 113.365],
  ['广州东站', 23.1505, 113.325],
  ['天河路208号', 23.1351, 113.3243],
  ['体育西路', 23.1372, 113.3217],
  ['小谷围', 23.056, 113.383],
  ['长隆', 23.003, 113.328],
  ['客村', 23.0962, 113.3175],
  ['九龙大道', 23.375, 113.502],
];

/** Metres between two points (equirectangular: plenty within a city). */
function metres(a: { wd: number; jd: number }, b: { wd: number; jd: number }): number {
  const rad = Math.PI / 180;
  const x = (b.jd - a.jd) * rad * Math.cos(((a.wd + b.wd) / 2) * rad);
  const y = (b.wd - a.wd) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

describe('hall data tables (sandbox/data/hall)', () => {
  it('when the halls are read, then 23 unique halls cover the 11 districts, each near its district and with known businesses', () => {
    // Arrange
    const { halls, districts, businesses } = hallTables();
    const districtOf = new Map(districts.map((district) => [district.qxdm, district]));
    const codes = new Set(businesses.map((business) => business.ywdm));

    // Act / Assert
    expect(halls).toHaveLength(23);
    expect(new Set(halls.map((hall) => hall.dtbh)).size).toBe(23);
    expect(new Set(halls.map((hall) => hall.qxdm)).size).toBe(11);
    for (const hall of halls) {
      const district = districtOf.get(hall.qxdm);
      expect(hall.dtbh).toMatch(new RegExp(`^GA${hall.qxdm}\\d{2}$`));
      expect(Math.abs(hall.wd - (district?.wd ?? 0))).toBeLessThan(0.2);
      expect(Math.abs(hall.jd - (district?.jd ?? 0))).toBeLessThan(0.2);
      expect(hall.yw.length).toBeGreaterThan(0);
      for (const business of hall.yw) {
        expect(codes.has(business.ywdm)).toBe(true);
        expect(business.cks).toBeGreaterThan(0);
      }
      for (const line of hall.gzsj) {
        expect(['1-5', '6', '7', '1-7']).toContain(line.xq);
        expect(line.kssj < line.jssj).toBe(true);
      }
    }
  });

  it('when the self-service places are generated, then there are 59 stations and exactly 923 terminals, the same every time', () => {
    // Arrange
    const tables = hallTables();

    // Act
    const first = selfServices(tables, DEFAULT_SEED);
    const second = selfServices(tables, DEFAULT_SEED);

    // Assert
    expect(first.stations).toHaveLength(59);
    expect(first.terminals).toHaveLength(923);
    expect(new Set(first.terminals.map((terminal) => terminal.zdbh)).size).toBe(923);
    expect(new Set(first.stations.map((station) => station.qxmc)).size).toBe(11);
    expect(first).toEqual(second);
    for (const station of first.stations) expect(station.gn.length).toBeGreaterThan(0);
  });

  it('when the 出入境 businesses are read, then passports, the 港澳 and 台湾 permits and endorsements each have their own windows', () => {
    // Arrange
    const { halls, businesses } = hallTables();
    const exitEntry = businesses.filter((business) => business.jzlb === '出入境');

    // Act
    const handlingPermits = halls.filter((hall) => hall.yw.some((business) => business.ywdm === 'CR01'));

    // Assert
    expect(exitEntry.map((business) => business.ywmc)).toEqual(
      expect.arrayContaining(['普通护照', '往来港澳通行证', '往来台湾通行证', '港澳台签注']),
    );
    expect(handlingPermits.length).toBeGreaterThanOrEqual(10);
    for (const hall of handlingPermits) {
      const windows = new Map(hall.yw.map((business) => [business.ywdm, business.cks]));
      for (const code of ['CR01', 'CR04', 'CR05', 'CR02']) expect(windows.get(code)).toBeGreaterThan(0);
    }
  });

  it('when halls, stations and terminal sites are located, then each lies in its district and landmarks are where they are', () => {
    // Arrange
    const { halls, stations, terminals } = hallTables();
    const places = [
      ...halls.map((hall) => ({ mc: hall.dtmc, qxdm: hall.qxdm, dz: hall.dz, wd: hall.wd, jd: hall.jd })),
      ...stations.stations,
      ...terminals.sites,
    ];

    // Act / Assert
    for (const place of places) {
      const [south, north, west, east] = DISTRICT_EXTENT[place.qxdm] ?? [0, 0, 0, 0];
      expect({
        place: place.mc,
        inDistrict: place.wd >= south && place.wd <= north && place.jd >= west && place.jd <= east,
      }).toEqual({
        place: place.mc,
        inDistrict: true,
      });
    }
    for (const [name, wd, jd] of LANDMARKS) {
      const there = places.filter((place) => place.dz.includes(name) || place.mc.includes(name));
      expect(there.length).toBeGreaterThan(0);
      for (const place of there)
        expect({ place: place.mc, near: metres(place, { wd, jd }) < 1500 }).toEqual({ place: place.mc, near: true });
    }
  });

  it('when weights are shared out, then the counts are proportional and sum to the total', () => {
    // Arrange / Act
    const counts = shareOut(10, [1, 1, 1]);

    // Assert
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});
