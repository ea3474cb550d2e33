import {
  deadline,
  downgradeOptionsFor,
  licenceClasses,
  toLicence,
  toVehicleSummary,
  toViolation,
} from './traffic-view';
import { LICENCE_STATUS, VEHICLE_STATUS } from './traffic-codes';
import type { DriverRecord, VehicleRecord, ViolationRecord } from '../../upstreams/traffic/traffic.dialect';

const TODAY = '20261128';

const driver = (patch: Partial<DriverRecord> = {}): DriverRecord => ({
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

const vehicle = (patch: Partial<VehicleRecord> = {}): VehicleRecord => ({
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

describe('traffic view: the 车驾管 records in words', () => {
  it.each([
    ['20261127', -1, 'overdue'],
    ['20261128', 0, 'today'],
    ['20261129', 1, 'soon'],
    ['20261228', 30, 'soon'],
    ['20261229', 31, 'ok'],
  ])('when a deadline falls on %s, then it is %i days away and %s', (date, daysLeft, state) => {
    // Act
    const result = deadline(date, TODAY);

    // Assert
    expect(result).toEqual({ date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`, daysLeft, state });
  });

  it('when the traffic system writes 20991231 (长期), then the validity reads 长期 with no countdown', () => {
    expect(deadline('20991231', TODAY)).toEqual({ date: '长期', daysLeft: 0, state: 'long-term' });
  });

  it('when a deadline crosses a month and a leap day, then the days are counted on the calendar', () => {
    expect(deadline('20280301', '20280228').daysLeft).toBe(2);
  });

  const rows = (table: typeof LICENCE_STATUS) =>
    Object.entries(table).map(([letter, [text, severity]]) => [letter, text, severity] as const);

  it.each(rows(LICENCE_STATUS))('when the licence status is %s, then it reads %s (%s)', (letter, text, severity) => {
    // Act
    const licence = toLicence(driver({ zt: letter }), TODAY, undefined);

    // Assert
    expect(licence.statuses).toEqual([{ code: letter, text, severity }]);
  });

  it.each(rows(VEHICLE_STATUS))('when the vehicle status is %s, then it reads %s (%s)', (letter, text, severity) => {
    const summary = toVehicleSummary(vehicle({ zt: letter }), 'id', TODAY);
    expect(summary.statuses).toEqual([{ code: letter, text, severity }]);
  });

  it('when a licence carries several letters and an unknown one, then each shows and the worst decides', () => {
    const licence = toLicence(driver({ zt: 'HMZ' }), TODAY, undefined);
    expect(licence.statuses.map((s) => s.text)).toEqual(['违法未处理', '逾期未换证', '状态Z']);
    expect(licence.severity).toBe('danger');
  });

  it('when 12 or more points are accumulated, then none remain and it is shown as danger', () => {
    const licence = toLicence(driver({ ljjf: 14 }), TODAY, undefined);
    expect(licence.points).toEqual({ accumulated: 14, remaining: 0, max: 12 });
    expect(licence.severity).toBe('danger');
  });

  it('when a licence is shown, then its numbers are masked and the issuer is named', () => {
    const licence = toLicence(driver(), TODAY, undefined);
    expect(licence.numberMasked).toBe('4401**********1234');
    expect(JSON.stringify(licence)).not.toContain('440106199001011234');
    expect(licence.issuer).toBe('广东省广州市公安局交通警察支队');
  });

  it('when a vehicle is summarised, then the plate is masked, its colour follows the plate kind', () => {
    const summary = toVehicleSummary(vehicle(), 'id', TODAY);
    expect(summary.plateMasked).toBe('粤A·****45');
    expect(summary.plateColour).toBe('green');
    expect(summary.plateKind).toBe('小型新能源汽车');
    expect(toVehicleSummary(vehicle({ hpzl: '02', hphm: '粤A12345' }), 'id', TODAY).plateColour).toBe('blue');
  });

  it('when classes are combined, then each is recognised and the downgrade options follow them', () => {
    const options = [
      { code: 'A1-B1', label: 'A1 降为 B1' },
      { code: 'B2-C1', label: 'B2 降为 C1' },
      { code: 'C1-C2', label: 'C1 降为 C2' },
    ];
    expect(licenceClasses('A1A2')).toEqual(['A1', 'A2']);
    expect(licenceClasses('C1D')).toEqual(['C1', 'D']);
    expect(downgradeOptionsFor('A1A2', options).map((o) => o.code)).toEqual(['A1-B1']);
    expect(downgradeOptionsFor('C2', options)).toEqual([]);
  });

  it('when a violation is translated, then its time is Beijing time and the plate masked', () => {
    const record: ViolationRecord = {
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
    const violation = toViolation(record, 'camera');
    expect(violation).toMatchObject({
      time: '2026-10-01T08:30:00+08:00',
      plateMasked: '粤A·***45',
      handled: false,
      points: 6,
    });
  });
});
