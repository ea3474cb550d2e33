import { DEFAULT_SEED } from '../../options';
import { selfServices, shareOut } from './stations';
import { hallTables } from './tables';

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

  it('when weights are shared out, then the counts are proportional and sum to the total', () => {
    // Arrange / Act
    const counts = shareOut(10, [1, 1, 1]);

    // Assert
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});
