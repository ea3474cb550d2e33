import { LICENCE_STATUS, VEHICLE_STATUS } from './traffic-codes';
import type { DriverRow, VehicleRow, ViolationRow } from './traffic.dialect';
import { toLicenceRecord, toVehicleRecord, toViolationRecord } from './traffic.mapping';
import { LONG_TERM_DAY } from './traffic.types';

const driver = (patch: Partial<DriverRow> = {}): DriverRow => ({
  dabh: '440100123456',
  sfzmhm: '440106199001011234',
  xm: '张三',
  xb: '1',
  gj: '中国',
  csrq: '19900101',
  zjcx: 'B2',
  ljjf: 3,
  qfrq: '20270315',
  yxqs: '20200315',
  yxqz: '20300315',
  cclzrq: '20100315',
  syrq: '',
  tjrq: '20250301',
  fzjg: '粤A',
  zt: 'A',
  ...patch,
});

const vehicle = (patch: Partial<VehicleRow> = {}): VehicleRow => ({
  xh: '44010020190001',
  hphm: '粤AD12345',
  hpzl: '52',
  cllx: 'K33',
  clpp: '比亚迪',
  clxh: 'BYD7005BEV',
  csys: 'A',
  syxz: 'A',
  ccdjrq: '20190601',
  yxqz: '20270630',
  qzbfqz: '20990101',
  bxzzrq: '20270601',
  dybj: '0',
  clsbdh: 'LGXCE4CB0K0123456',
  syr: '张三',
  zt: 'A',
  ...patch,
});

describe('traffic mapping: the 车驾管 records in our words', () => {
  const rows = (table: typeof LICENCE_STATUS) =>
    Object.entries(table).map(([letter, [text, severity]]) => [letter, text, severity] as const);

  it.each(rows(LICENCE_STATUS))('when the licence status is %s, then it reads %s (%s)', (letter, text, severity) => {
    // Act
    const licence = toLicenceRecord(driver({ zt: letter }));

    // Assert
    expect(licence.statuses).toEqual([{ code: letter, text, severity }]);
  });

  it.each(rows(VEHICLE_STATUS))('when the vehicle status is %s, then it reads %s (%s)', (letter, text, severity) => {
    const record = toVehicleRecord(vehicle({ zt: letter }));
    expect(record.statuses).toEqual([{ code: letter, text, severity }]);
  });

  it('when a licence carries several letters and an unknown one, then each shows', () => {
    const licence = toLicenceRecord(driver({ zt: 'HMZ' }));
    expect(licence.statuses.map((s) => s.text)).toEqual(['违法未处理', '逾期未换证', '状态Z']);
  });

  it('when the traffic system writes 20991231 (长期), then the day is the long-term day', () => {
    expect(toLicenceRecord(driver({ yxqz: '20991231' })).validUntil).toBe(LONG_TERM_DAY);
  });

  it('when a licence is translated, then its days are yyyy-MM-dd and the issuer is named', () => {
    const licence = toLicenceRecord(driver());
    expect(licence).toMatchObject({ validUntil: '2030-03-15', lastReviewOn: '', gender: '男' });
    expect(licence.issuer).toBe('广东省广州市公安局交通警察支队');
  });

  it('when a vehicle is translated, then its colour follows the plate kind', () => {
    const record = toVehicleRecord(vehicle());
    expect(record.plateColour).toBe('green');
    expect(record.plateKind).toBe('小型新能源汽车');
    expect(toVehicleRecord(vehicle({ hpzl: '02', hphm: '粤A12345' })).plateColour).toBe('blue');
  });

  it('when a violation is translated, then its time is Beijing time', () => {
    const record: ViolationRow = {
      wfbh: '4401012026000001',
      hphm: '粤A12345',
      hpzl: '02',
      wfsj: '2026-10-01 08:30:00',
      wfdz: '天河路体育中心路段',
      wfxw: '1625',
      wfms: '驾驶机动车违反道路交通信号灯通行的',
      fkje: 200,
      wfjf: 6,
      clbj: '0',
      jkbj: '0',
      cjjg: '440100',
      cjjgmc: '广州市公安局交通警察支队',
    };
    const violation = toViolationRecord(record);
    expect(violation).toMatchObject({
      time: '2026-10-01T08:30:00+08:00',
      handled: false,
      points: 6,
    });
  });
});
