import { isoDayFromCompact, type StatusWord } from '@suijing/shared';
import {
  LONG_TERM_DAY,
  type LicenceRecord,
  type VehicleRecord,
  type ViolationRecord,
} from '../../upstreams/traffic/traffic.types';
import {
  deadline,
  downgradeOptionsFor,
  licenceClasses,
  toLicence,
  toVehicleSummary,
  toViolation,
} from './traffic-view';

const TODAY = '20261128';
const NORMAL: StatusWord = { code: 'A', text: '正常', severity: 'ok' };

const licence = (patch: Partial<LicenceRecord> = {}): LicenceRecord => ({
  archiveNo: '440100123456',
  idNumber: '440106199001011234',
  name: '张三',
  gender: '男',
  nationality: '中国',
  birthDate: '1990-01-01',
  classes: 'B2',
  accumulatedPoints: 3,
  pointsResetOn: '2027-03-15',
  validFrom: '2020-03-15',
  validUntil: '2030-03-15',
  firstIssuedOn: '2010-03-15',
  lastReviewOn: '',
  lastMedicalOn: '2025-03-01',
  issuer: '广东省广州市公安局交通警察支队',
  statuses: [NORMAL],
  ...patch,
});

const vehicle = (patch: Partial<VehicleRecord> = {}): VehicleRecord => ({
  recordNo: '44010020190001',
  plate: '粤AD12345',
  plateKindCode: '52',
  plateKind: '小型新能源汽车',
  plateColour: 'green',
  vehicleType: '轿车',
  brand: '比亚迪',
  model: 'BYD7005BEV',
  colour: '白',
  useNature: '非营运',
  registeredOn: '2019-06-01',
  inspectionUntil: '2027-06-30',
  scrapOn: '2099-01-01',
  insuranceUntil: '2027-06-01',
  mortgaged: false,
  vin: 'LGXCE4CB0K0123456',
  owner: '张三',
  statuses: [NORMAL],
  ...patch,
});

describe('traffic view: the 车驾管 records as shown', () => {
  it.each([
    ['20261127', -1, 'overdue'],
    ['20261128', 0, 'today'],
    ['20261129', 1, 'soon'],
    ['20261228', 30, 'soon'],
    ['20261229', 31, 'ok'],
  ])('when a deadline falls on %s, then it is %i days away and %s', (date, daysLeft, state) => {
    // Act
    const result = deadline(isoDayFromCompact(date), TODAY);

    // Assert
    expect(result).toEqual({ date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`, daysLeft, state });
  });

  it('when the traffic system writes 20991231 (长期), then the validity reads 长期 with no countdown', () => {
    expect(deadline(LONG_TERM_DAY, TODAY)).toEqual({ date: '长期', daysLeft: 0, state: 'long-term' });
  });

  it('when a deadline crosses a month and a leap day, then the days are counted on the calendar', () => {
    expect(deadline('2028-03-01', '20280228').daysLeft).toBe(2);
  });

  it('when a licence carries several statuses and an unknown one, then each shows and the worst decides', () => {
    const statuses: StatusWord[] = [
      { code: 'H', text: '违法未处理', severity: 'warning' },
      { code: 'M', text: '逾期未换证', severity: 'danger' },
      { code: 'Z', text: '状态Z', severity: 'warning' },
    ];
    const shown = toLicence(licence({ statuses }), TODAY, undefined);
    expect(shown.statuses.map((s) => s.text)).toEqual(['违法未处理', '逾期未换证', '状态Z']);
    expect(shown.severity).toBe('danger');
  });

  it('when a licence has no status at all, then 状态未知 shows as a warning', () => {
    const shown = toLicence(licence({ statuses: [] }), TODAY, undefined);
    expect(shown.statuses).toEqual([{ code: '', text: '状态未知', severity: 'warning' }]);
  });

  it('when 12 or more points are accumulated, then none remain and it is shown as danger', () => {
    const shown = toLicence(licence({ accumulatedPoints: 14 }), TODAY, undefined);
    expect(shown.points).toEqual({ accumulated: 14, remaining: 0, max: 12 });
    expect(shown.severity).toBe('danger');
  });

  it('when a licence is shown, then its numbers are masked and the issuer is named', () => {
    const shown = toLicence(licence(), TODAY, undefined);
    expect(shown.numberMasked).toBe('4401**********1234');
    expect(JSON.stringify(shown)).not.toContain('440106199001011234');
    expect(shown.issuer).toBe('广东省广州市公安局交通警察支队');
  });

  it('when a vehicle is summarised, then the plate is masked, its colour follows the plate kind', () => {
    const summary = toVehicleSummary(vehicle(), 'id', TODAY);
    expect(summary.plateMasked).toBe('粤A·****45');
    expect(summary.plateColour).toBe('green');
    expect(summary.plateKind).toBe('小型新能源汽车');
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

  it('when a violation is shown, then its time is Beijing time and the plate masked', () => {
    const record: ViolationRecord = {
      id: '4401012026000001',
      plate: '粤A12345',
      plateKindCode: '02',
      time: '2026-10-01T08:30:00+08:00',
      place: '天河路体育中心路段',
      code: '1625',
      description: '驾驶机动车违反道路交通信号灯通行的',
      fine: 200,
      points: 6,
      handled: false,
      paid: false,
      authority: '广州市公安局交通警察支队',
    };
    const violation = toViolation(record, 'camera', 'opaque-id-of-the-record');
    expect(violation).toMatchObject({
      id: 'opaque-id-of-the-record',
      time: '2026-10-01T08:30:00+08:00',
      plateMasked: '粤A·***45',
      handled: false,
      points: 6,
    });
  });
});
