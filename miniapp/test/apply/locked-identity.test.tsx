import { render } from '@testing-library/react';
import type { ApplicationForm, FormField } from '@suijing/shared';
import { FormFieldView } from '@/components/FormFieldView';
import { GuideHeader } from '@/packages/catalog/pages/item/GuideHeader';
import { displayValue, submitData } from '@/packages/apply/utils/form-data';
import { lockedIdentity } from '@/packages/apply/utils/locked-identity';
import { itemGuide } from '../fixtures/catalog';
import { byId } from '../support/dom';

const field = (overrides: Partial<FormField>): FormField => ({
  key: 'f',
  label: '字段',
  type: 'text',
  required: true,
  ...overrides,
});

const FORM: ApplicationForm = {
  version: 'v1',
  sections: [
    {
      title: '申请人信息',
      fields: [
        field({ key: 'xm', label: '姓名', identity: 'name' }),
        field({ key: 'xb', label: '性别', type: 'radio', identity: 'sex', options: [{ value: '1', label: '男' }] }),
        field({ key: 'csrq', label: '出生日期', type: 'date', identity: 'birthDate' }),
        field({ key: 'sfzh', label: '公民身份号码', type: 'idNumber', identity: 'idNumber' }),
        field({ key: 'sjhm', label: '手机号码', type: 'phone', identity: 'phone' }),
      ],
    },
    { title: '办理对象', fields: [field({ key: 'mq_sfzh', label: '母亲公民身份号码', type: 'idNumber' })] },
  ],
};

const SHOWN = { nameMasked: '张*', idNumberMasked: '4401**********1239', phoneMasked: '139****5678' };

describe("the applicant's identity in forms", () => {
  it('when the form is shown, then the fields the record fills show masked values', () => {
    expect(lockedIdentity(FORM, SHOWN)).toEqual({
      xm: '张*',
      xb: '男',
      csrq: '按身份证号码填写',
      sfzh: '4401**********1239',
      sjhm: '139****5678',
    });
  });

  it('when the account has no phone, then its phone field stays open for a contact number', () => {
    expect(lockedIdentity(FORM, { ...SHOWN, phoneMasked: null })).not.toHaveProperty('sjhm');
  });

  it('when a locked field is rendered, then it shows its text and offers nothing to type', () => {
    // Act
    render(
      <FormFieldView
        field={FORM.sections[0]?.fields[3] as FormField}
        value={undefined}
        locked="4401**********1239"
        onChange={() => undefined}
        onBlur={() => undefined}
      />,
    );

    // Assert
    expect(byId('field-sfzh-locked').textContent).toContain('4401**********1239');
    expect(document.getElementById('field-sfzh-input')).toBeNull();
  });

  it('when the application is sent, then nothing goes for the locked fields', () => {
    const sent = submitData(FORM, { xm: '王五', mq_sfzh: '11010519491231002X' }, new Set(['xm', 'sfzh']));

    expect(sent).toEqual({ mq_sfzh: '11010519491231002X' });
  });

  it('when the review page shows an ID number or a phone, then it is masked, also for other people', () => {
    expect(displayValue(field({ type: 'idNumber' }), '11010519491231002X')).toBe('1101**********002X');
    expect(displayValue(field({ type: 'phone' }), '13812345678')).toBe('138****5678');
  });

  it('when a guide is shown, then the level filing it online needs is named', () => {
    const { unmount } = render(<GuideHeader item={itemGuide({ assurance: 'L3' })} />);
    expect(byId('item-assurance').textContent).toBe('在线办理需刷脸认证');
    unmount();

    render(<GuideHeader item={itemGuide({ assurance: 'L2' })} />);
    expect(byId('item-assurance').textContent).toBe('在线办理需实名认证');
  });
});
