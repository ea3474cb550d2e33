import { catalogSeed } from '../catalog';
import { readCatalogTables } from '../catalog/read-tables';
import { DOWNGRADE_ITEM_NAME, itemCodeNamed, RELEASE_ITEM_NAME } from './approval-effects';
import { Scrambler } from './numbering';
import { trafficTables } from './tables';
import { vinCheckDigit } from './vin';

describe('traffic data tables (sandbox/data/traffic)', () => {
  it('when the downgrade rules are compared with the catalog form field jjcx, then they offer exactly the same option codes', () => {
    // Arrange
    const { fields } = readCatalogTables().forms as { fields: Record<string, { xx?: { dm: string }[] }> };

    // Act
    const catalogCodes = (fields.jjcx?.xx ?? []).map((option) => option.dm).sort();
    const ruleCodes = trafficTables()
      .downgrades.map((pair) => pair.mbcx)
      .sort();

    // Assert
    expect(catalogCodes.length).toBeGreaterThan(0);
    expect(ruleCodes).toEqual(catalogCodes);
  });

  it('when each downgrade pair is read, then its code names its classes and the target is one the source class covers', () => {
    // Arrange
    const { downgrades, classes } = trafficTables();

    // Act / Assert
    for (const pair of downgrades) {
      expect(pair.mbcx).toBe(`${pair.from}-${pair.to}`);
      expect(classes.covers[pair.from]).toContain(pair.to);
    }
  });

  it('when the class, vehicle, violation and place tables are read, then every reference resolves', () => {
    // Arrange
    const tables = trafficTables();

    // Act / Assert
    for (const [code, covered] of Object.entries(tables.classes.covers)) {
      expect(tables.classes.order).toContain(code);
      for (const lower of covered) expect(tables.classes.order).toContain(lower);
    }
    for (const model of tables.vehicles.models) {
      expect(model.wmi).toMatch(/^[0-9A-HJ-NPR-Z]{3}$/);
      expect(['fuel', 'D', 'F']).toContain(model.energy);
    }
    for (const [wfxw, behaviour] of Object.entries(tables.behaviours)) {
      expect(wfxw).toMatch(/^\d{4,5}$/);
      expect(behaviour.camera || behaviour.onSite).toBe(true);
      expect(Number.isInteger(behaviour.fkje) && Number.isInteger(behaviour.wfjf)).toBe(true);
    }
    expect(tables.behaviours['1625']).toMatchObject({ wfjf: 6, fkje: 200 });
    expect(tables.behaviours['1208']).toMatchObject({ wfjf: 2 });
    expect(tables.behaviours['1039']).toMatchObject({ wfjf: 0 });
    for (const place of tables.places.places) expect(tables.places.offices[place.cjjg]).toBeDefined();
    expect(Object.keys(tables.statusLetters.licence)).toContain('A');
    expect(Object.keys(tables.statusLetters.vehicle)).toContain('Q');
  });

  it('when the items whose approval changes traffic records are looked up by name, then each is exactly one catalog item', () => {
    // Arrange / Act
    const downgrade = itemCodeNamed(DOWNGRADE_ITEM_NAME);
    const release = itemCodeNamed(RELEASE_ITEM_NAME);

    // Assert
    const fieldsOf = (sxbm: string): string[] =>
      (catalogSeed().items.find((item) => item.sxbm === sxbm)?.bdjg.fz ?? []).flatMap((group) =>
        group.zd.map((field) => field.zddm),
      );
    expect(fieldsOf(downgrade)).toEqual(expect.arrayContaining(['dabh', 'jjcx']));
    expect(fieldsOf(release)).toEqual(expect.arrayContaining(['hphm', 'hpzl', 'clsbdh', 'dyqr', 'dyhtbh']));
  });
});

describe('traffic record numbers', () => {
  it('when ordinals are scrambled, then numbers are distinct, of fixed width, and decode back', () => {
    // Arrange
    const scrambler = new Scrambler(5, 42, 'test');

    // Act
    const numbers = Array.from({ length: 20_000 }, (_, ordinal) => scrambler.encode(ordinal));

    // Assert
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((number) => /^\d{5}$/.test(number))).toBe(true);
    numbers.forEach((number, ordinal) => expect(scrambler.decode(number)).toBe(ordinal));
  });

  it('when a known VIN is checked, then its check digit is the one it carries', () => {
    // Arrange / Act / Assert: the textbook example of the ISO 3779 / GB 16735 check digit
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });
});
