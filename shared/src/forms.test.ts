import { checkField, dateRange, filingDay, mustProvideOnline, validateForm } from './forms';
import { field } from './forms.fixture';
import type { ApplicationForm, Material } from './schemas/catalog';

const FORM: ApplicationForm = {
  version: 'F1',
  sections: [
    {
      title: '申请人信息',
      fields: [
        field({ key: 'name', label: '姓名', maxLength: 30, identity: 'name' }),
        field({ key: 'idNumber', label: '身份证号码', type: 'idNumber' }),
        field({ key: 'phone', label: '手机号码', type: 'phone' }),
        field({ key: 'reason', label: '换领原因', type: 'select', options: [{ value: '1', label: '有效期满' }] }),
        field({ key: 'note', label: '备注', type: 'textarea', required: false }),
      ],
    },
  ],
};

describe('form validation', () => {
  it('when every field is right, then there are no issues', () => {
    const issues = validateForm(FORM, {
      name: '张三',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      reason: '1',
    });

    expect(issues).toEqual([]);
  });

  it('when required fields are missing, then each is named; a draft (partial) does not mind', () => {
    expect(validateForm(FORM, {}).map((issue) => issue.path)).toEqual(['name', 'idNumber', 'phone', 'reason']);
    expect(validateForm(FORM, {}, { partial: true })).toEqual([]);
  });

  it('when a field breaks its kind of rule, then the message says what to fix', () => {
    expect(checkField(field({ type: 'idNumber', label: '身份证号码' }), '110105194912310021')).toMatch(/身份证/);
    expect(checkField(field({ type: 'phone', label: '手机号码' }), '12345')).toMatch(/11 位/);
    expect(checkField(field({ type: 'plate', label: '号牌号码' }), 'ABC')).toMatch(/粤A12345/);
    expect(checkField(field({ type: 'date', label: '出生日期' }), '2026-02-30')).toMatch(/有效日期/);
    expect(checkField(field({ type: 'number', min: 1, max: 9 }), '10')).toMatch(/不能大于 9/);
    expect(checkField(field({ type: 'number' }), 'abc')).toMatch(/数字/);
    expect(checkField(field({ maxLength: 3 }), '四个汉字')).toMatch(/最多 3 个字/);
    expect(checkField(field({ minLength: 2 }), '一')).toMatch(/至少 2 个字/);
    expect(checkField(field({ pattern: '\\d{6}', patternMessage: '请填写 6 位邮编' }), '51000')).toBe(
      '请填写 6 位邮编',
    );
    expect(checkField(field({ type: 'select', options: [{ value: 'a', label: 'A' }] }), 'b')).toMatch(/选项/);
    expect(checkField(field({ type: 'checkbox', options: [{ value: 'a', label: 'A' }] }), 'a')).toMatch(/选项/);
    expect(checkField(field({}), ['a', 'b'])).toMatch(/只能填写一项/);
  });

  it('when the data has a key the form does not, then it is refused', () => {
    const issues = validateForm(FORM, { name: '张三', injected: 'x' }, { partial: true });

    expect(issues).toEqual([{ path: 'injected', message: expect.any(String) }]);
  });

  it('when a value has no limit of its own, then the general limit applies', () => {
    expect(checkField(field({ required: false }), 'x'.repeat(501))).toMatch(/最多 500 个字/);
  });
});

describe('date bounds', () => {
  const TODAY = '2026-12-08';
  const birth = field({ type: 'date', label: '出生日期', earliest: '1900-01-01', latest: 0 });
  const booking = field({ type: 'date', label: '预约办理日期', earliest: 1, latest: 7 });

  it('when a date field has bounds, then its range is the calendar date or the days counted from the filing day', () => {
    expect(dateRange(birth, TODAY)).toEqual({ start: '1900-01-01', end: TODAY });
    expect(dateRange(booking, TODAY)).toEqual({ start: '2026-12-09', end: '2026-12-15' });
    expect(dateRange(field({ type: 'date', earliest: -365 }), '2024-03-01')).toEqual({ start: '2023-03-02' });
    expect(dateRange(field({ type: 'date' }), TODAY)).toEqual({});
  });

  it('when a date is outside its range, then the message names the bound; inside it, there is none', () => {
    expect(checkField(birth, '2530-01-01', TODAY)).toBe('出生日期不能晚于今天');
    expect(checkField(birth, '1899-12-31', TODAY)).toBe('出生日期不能早于1900年1月1日');
    expect(checkField(birth, '1990-05-20', TODAY)).toBeUndefined();
    expect(checkField(booking, '2026-12-08', TODAY)).toBe('预约办理日期不能早于2026年12月9日');
    expect(checkField(booking, '2026-12-16', TODAY)).toBe('预约办理日期不能晚于2026年12月15日');
    expect(checkField(booking, '2026-12-15', TODAY)).toBeUndefined();
    expect(checkField(field({ type: 'date', label: '活动日期', earliest: 20 }), '2026-12-20', TODAY)).toBe(
      '活动日期不能早于2026年12月28日',
    );
  });

  it('when a form is checked on a given day, then its date bounds count from that day', () => {
    const form: ApplicationForm = {
      version: 'F1',
      sections: [{ title: '预约', fields: [{ ...booking, key: 'yjsj' }] }],
    };

    expect(validateForm(form, { yjsj: '2026-12-10' }, { today: TODAY })).toEqual([]);
    expect(validateForm(form, { yjsj: '2026-12-10' }, { today: '2026-12-20' })).toHaveLength(1);
  });

  it('when the filing day is asked for late in the UTC day, then it is already the next Beijing day', () => {
    expect(filingDay(new Date('2026-12-07T16:30:00Z'))).toBe('2026-12-08');
  });
});

describe('materials filing online must carry', () => {
  const material = (overrides: Partial<Material>): Material => ({
    name: '材料',
    necessity: 'required',
    source: '申请人自备',
    paperCopies: 1,
    spec: '原件',
    eLicence: { reusable: false },
    sampleAvailable: false,
    blankFormAvailable: false,
    ...overrides,
  });

  it('when a material is required, then it must be provided unless the guide exempts it online', () => {
    expect(mustProvideOnline(material({}))).toBe(true);
    expect(mustProvideOnline(material({ onlineExemption: 'form' }))).toBe(false);
    expect(mustProvideOnline(material({ onlineExemption: 'shared' }))).toBe(false);
    expect(mustProvideOnline(material({ necessity: 'waivable' }))).toBe(false);
    expect(mustProvideOnline(material({ necessity: 'conditional' }))).toBe(false);
  });
});
