import { applyHandling, checkHandling, windowFor } from './handling';
import type { DriverLicence, TrafficFile, Vehicle, Violation } from './records';
import { trafficTables } from './tables';

const TABLES = trafficTables();

function violation(fields: Partial<Violation> = {}): Violation {
  return {
    wfbh: '4401100000000001',
    hphm: '粤A12345',
    hpzl: '02',
    wfsj: '2026-11-20 10:00:00',
    wfdz: '天河路与体育东路交叉口',
    wfxw: '1352',
    wfms: '超速',
    fkje: '200',
    wfjf: '3',
    clbj: '0',
    jkbj: '0',
    cjjg: '440106000000',
    cjjgmc: '广州市公安局交通警察支队天河大队',
    jdsbh: '',
    jdsj: '',
    ...fields,
  };
}

function file(options: {
  ljjf?: string;
  zt?: string;
  camera?: Violation[];
  onSite?: Violation[];
  licence?: boolean;
}): TrafficFile {
  const licence = { ljjf: options.ljjf ?? '2', zt: options.zt ?? 'A', xm: '张三' } as DriverLicence;
  const vehicle = { hphm: '粤A12345', hpzl: '02', zt: 'G' } as Vehicle;
  return {
    sfzmhm: '440101199001010011',
    ...(options.licence === false ? {} : { licence }),
    vehicles: [vehicle],
    onSite: options.onSite ?? [],
    camera: options.camera ?? [violation()],
  };
}

describe('违法处理 rules (交管12123): who may handle which record online', () => {
  it('when the record is an open camera record of my car, my licence is A and the points stay below 12, then it is allowed with the points before and after', () => {
    // Act
    const check = checkHandling(file({ ljjf: '2' }), '4401100000000001', TABLES);

    // Assert
    expect(check).toMatchObject({ ok: true, ljjf: 2, cljf: 5 });
  });

  it('when the record is not against a plate I own now (or not mine at all), then it answers 4003 as if unknown', () => {
    // Arrange
    const sold = file({ camera: [violation({ hphm: '粤A99999' })] });

    // Act / Assert
    expect(checkHandling(sold, '4401100000000001', TABLES)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: '4003' }),
    });
    expect(checkHandling(file({}), '4401100000000099', TABLES)).toMatchObject({ ok: false, error: { code: '4003' } });
  });

  it('when the record is already handled, then it answers 6001', () => {
    // Act
    const check = checkHandling(file({ camera: [violation({ clbj: '1' })] }), '4401100000000001', TABLES);

    // Assert
    expect(check).toMatchObject({ ok: false, error: { code: '6001' } });
  });

  it('when the licence status is not A, then it answers 6002 naming the status', () => {
    // Act
    const check = checkHandling(file({ zt: 'HP' }), '4401100000000001', TABLES);

    // Assert
    expect(check).toMatchObject({ ok: false, error: { code: '6002' } });
    expect(check.ok ? '' : check.error.msg).toContain('H违法未处理、P延期体检');
  });

  it('when the person holds no licence to take the points, then it answers 4001', () => {
    // Act / Assert
    expect(checkHandling(file({ licence: false }), '4401100000000001', TABLES)).toMatchObject({
      ok: false,
      error: { code: '4001' },
    });
  });

  it.each([
    ['9 + 3 = 12', '9', '6003'],
    ['11 + 3 = 14', '11', '6003'],
    ['8 + 3 = 11', '8', undefined],
  ])('when the points after handling are %s, then 12 or more answers 6003 and less is allowed', (_sum, ljjf, code) => {
    // Act
    const check = checkHandling(file({ ljjf }), '4401100000000001', TABLES);

    // Assert
    if (code) expect(check).toMatchObject({ ok: false, error: { code } });
    else expect(check.ok).toBe(true);
  });

  it.each([
    ['1603 (吊销)', { wfxw: '1603', fkje: '2000', wfjf: '6' }, '6004', '吊销'],
    ['1044 (12 points)', { wfxw: '1044', fkje: '200', wfjf: '12' }, '6005', '12分'],
    ['any act of 12 points', { wfxw: '1625', wfjf: '12' }, '6005', '记12分'],
    ['a fine above 2000 yuan', { wfxw: '1625', fkje: '2500' }, '6004', '2500元'],
  ])('when the act is %s, then it must go to a window (%s) and says why', (_what, fields, code, why) => {
    // Arrange
    const record = violation(fields);

    // Act
    const check = checkHandling(file({ ljjf: '0', camera: [record] }), record.wfbh, TABLES);

    // Assert
    expect(check).toMatchObject({ ok: false, error: { code } });
    expect(check.ok ? '' : check.error.msg).toContain(why);
  });

  it('when an open record is a 现场 one, then it goes to the brigade window (6004)', () => {
    // Arrange
    const record = violation({ wfbh: '4401000000000002' });

    // Act
    const check = checkHandling(file({ camera: [], onSite: [record] }), record.wfbh, TABLES);

    // Assert
    expect(check).toMatchObject({ ok: false, error: { code: '6004' } });
  });

  it('when a fine of exactly 2000 yuan on an unlisted act is checked, then the limit is not exceeded', () => {
    // Act / Assert
    expect(windowFor(violation({ wfxw: '1625', fkje: '2000', wfjf: '6' }), TABLES)).toBeUndefined();
  });

  it('when a record is handled, then it is 已处理 with its decision, the points are on the licence and the car loses G once nothing is open', () => {
    // Arrange
    const person = file({ ljjf: '2' });
    const check = checkHandling(person, '4401100000000001', TABLES);
    if (!check.ok) throw new Error('expected allowed');

    // Act
    applyHandling(person, check, '44011234567890123456', '20261206120000');

    // Assert
    expect(person.camera[0]).toMatchObject({
      clbj: '1',
      jkbj: '0',
      jdsbh: '44011234567890123456',
      jdsj: '20261206120000',
    });
    expect(person.licence?.ljjf).toBe('5');
    expect(person.vehicles[0]?.zt).toBe('A');
  });
});
