import { checkField, validateForm } from './forms';
import type { ApplicationForm, FormField } from './schemas/catalog';

const field = (overrides: Partial<FormField>): FormField => ({
  key: 'f',
  label: '字段',
  type: 'text',
  required: true,
  ...overrides,
});

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
