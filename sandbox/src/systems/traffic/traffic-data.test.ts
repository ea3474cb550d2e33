import { catalogSeed } from '../catalog';
import { readCatalogTables } from '../catalog/read-tables';
import { DOWNGRADE_ITEM_NAME, itemCodeNamed, RELEASE_ITEM_NAME } from './approval-effects';
import { DEFAULT_SEED } from '../../options';
import { Prng } from '../../core/prng';
import { toCompactDate } from '../../legacy/dates';
import { populationRegister, SEED_CITIZENS } from '../../seed';
import { Scrambler } from './numbering';
import { ROAD_KINDS, trafficTables } from './tables';
import { TrafficBook } from './traffic-book';
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
      expect(behaviour.roads.length).toBeGreaterThan(0);
      for (const road of behaviour.roads) expect(ROAD_KINDS).toContain(road);
    }
    for (const place of tables.places.places) {
      expect(tables.places.offices[place.cjjg]).toBeDefined();
      expect(ROAD_KINDS).toContain(place.road);
    }
    expect(Object.keys(tables.statusLetters.licence)).toContain('A');
    expect(Object.keys(tables.statusLetters.vehicle)).toContain('Q');
    for (const [wfxw, act] of Object.entries(tables.windowActs.acts)) {
      expect(tables.behaviours[wfxw]).toBeDefined();
      expect(tables.windowActs.windows[act.window]).toBeDefined();
    }
  });

  it('when the acts are read, then their points are the 2022 rules’ (公安部令第163号) and each cites the article that sets them', () => {
    // Arrange
    const { behaviours } = trafficTables();
    // The 163号令 lists: 12 points 第八条, 9 第九条, 6 第十条, 3 第十一条, 1 第十二条; an act in none of them has none.
    const articleOf: Record<number, string> = { 12: '第八条', 9: '第九条', 6: '第十条', 3: '第十一条', 1: '第十二条' };

    // Act
    const points = Object.fromEntries(Object.entries(behaviours).map(([wfxw, behaviour]) => [wfxw, behaviour.wfjf]));

    // Assert
    expect(points).toMatchObject({
      '1625': 6, // 不按交通信号灯指示通行 (闯红灯)
      '1357': 3, // 不礼让行人
      '1223': 3, // 拨打、接听手持电话
      '1352': 3, // 小型载客汽车城市道路超速 20%-50%
      '1355': 3, // 城市快速路不按规定车道
      '1301': 3, // 普通道路逆行
      '1344': 1, // 违反禁令标志 (3 before 2022)
      '1345': 1, // 违反禁止标线 (3 before 2022)
      '1101': 1, // 未系安全带 (2 on expressways before 2022)
      '1039': 0, // 违停，驾驶人不在现场
      '1208': 0, // 不按导向车道
      '1636': 0, // 小型车快速路超速 10%-20%
      '1019': 0, // 未携带驾驶证
    });
    for (const behaviour of Object.values(behaviours)) {
      const article = articleOf[behaviour.wfjf];
      if (article === undefined) expect(behaviour.jfyj).toBe('不记分');
      else expect(behaviour.jfyj.startsWith(article)).toBe(true);
    }
  });

  it('when every generated file of the register is read, then each record’s points and fine are its act’s and its place fits the act', () => {
    // Arrange: every person of the register, generated as the sandbox does
    const tables = trafficTables();
    const register = populationRegister(SEED_CITIZENS, DEFAULT_SEED);
    const book = new TrafficBook({
      register,
      seed: DEFAULT_SEED,
      asOf: toCompactDate(new Date()),
      tables,
      random: (stream) => Prng.derive(DEFAULT_SEED, stream),
    });
    const roadOf = new Map(tables.places.places.map((place) => [place.wfdz, place]));

    // Act
    const records = register.people.flatMap((person) => {
      const file = book.file(person.idNumber);
      return file ? [...file.onSite, ...file.camera] : [];
    });

    // Assert
    const problems: string[] = [];
    for (const record of records) {
      const behaviour = tables.behaviours[record.wfxw];
      const place = roadOf.get(record.wfdz);
      if (!behaviour || !place) {
        problems.push(`${record.wfbh}: unknown act ${record.wfxw} or place ${record.wfdz}`);
        continue;
      }
      if (record.wfjf !== String(behaviour.wfjf) || record.fkje !== String(behaviour.fkje)) {
        problems.push(`${record.wfbh}: ${record.wfxw} with ${record.wfjf} points, ${record.fkje} yuan`);
      }
      if (!behaviour.roads.includes(place.road)) problems.push(`${record.wfbh}: ${record.wfxw} at ${record.wfdz}`);
      if (behaviour.plates && !behaviour.plates.includes(record.hpzl)) {
        problems.push(`${record.wfbh}: ${record.wfxw} for plate kind ${record.hpzl}`);
      }
      if (record.cjjg !== place.cjjg) problems.push(`${record.wfbh}: ${record.wfdz} recorded by ${record.cjjg}`);
    }
    expect(records.length).toBeGreaterThan(500);
    // Acts of weight 0 (window-only ones) are never drawn: a seeded person's plan has them.
    expect(new Set(records.map((record) => record.wfxw)).size).toBe(Object.keys(tables.behaviours).length);
    expect(problems).toEqual([]);
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
