import {
  birthDateOfIdNumber,
  fillIdentity,
  identityMismatches,
  draftableData,
  recordFilledKeys,
  sexOfIdNumber,
  type ApplicantIdentity,
} from './form-identity';
import { validateForm } from './forms';
import { maskIdNumber, maskName, maskPhone } from './masking';
import { field } from './forms.fixture';
import type { ApplicationForm } from './schemas/catalog';

/** An applicant section of identity fields, and a section about the person the item is done for. */
const FORM: ApplicationForm = {
  version: 'F1',
  sections: [
    {
      title: '申请人信息',
      fields: [
        field({ key: 'xm', label: '姓名', minLength: 2, identity: 'name' }),
        field({ key: 'sfzh', label: '公民身份号码', type: 'idNumber', identity: 'idNumber' }),
        field({
          key: 'xb',
          label: '性别',
          type: 'radio',
          identity: 'sex',
          options: [
            { value: '1', label: '男' },
            { value: '2', label: '女' },
          ],
        }),
        field({ key: 'csrq', label: '出生日期', type: 'date', identity: 'birthDate' }),
        field({ key: 'sjhm', label: '手机号码', type: 'phone', identity: 'phone' }),
      ],
    },
    {
      title: '办理对象',
      fields: [
        field({ key: 'dx_xm', label: '婴儿姓名' }),
        field({ key: 'dx_sfzh', label: '母亲公民身份号码', type: 'idNumber' }),
      ],
    },
  ],
};

const APPLICANT: ApplicantIdentity = { name: '李四', idNumber: '440105199001011239', phone: '13912345678' };
const SOMEONE_ELSE = '11010519491231002X';

describe('identity from the ID number (GB 11643)', () => {
  it('when the 17th digit is odd, then the person is a man; even, a woman; the masked number still tells', () => {
    expect(sexOfIdNumber('440105199001011239')).toBe('男');
    expect(sexOfIdNumber(SOMEONE_ELSE)).toBe('女');
    expect(sexOfIdNumber(maskIdNumber(SOMEONE_ELSE))).toBe('女');
    expect(sexOfIdNumber('4401')).toBeUndefined();
  });

  it('when the birth date is read, then characters 7 to 14 come back as yyyy-MM-dd', () => {
    expect(birthDateOfIdNumber('440105199001011239')).toBe('1990-01-01');
    expect(birthDateOfIdNumber(maskIdNumber(SOMEONE_ELSE))).toBeUndefined();
  });
});

describe('identity fields of a form', () => {
  it('when nothing is sent for them, then the record fills every one and the form passes', () => {
    // Arrange
    const sent = { dx_xm: '李小四', dx_sfzh: SOMEONE_ELSE };

    // Act
    const filled = fillIdentity(FORM, sent, APPLICANT);

    // Assert
    expect(identityMismatches(FORM, sent, APPLICANT)).toEqual([]);
    expect(filled).toEqual({
      xm: '李四',
      sfzh: '440105199001011239',
      xb: '1',
      csrq: '1990-01-01',
      sjhm: '13912345678',
      dx_xm: '李小四',
      dx_sfzh: SOMEONE_ELSE,
    });
    expect(validateForm(FORM, filled)).toEqual([]);
  });

  it("when another person's ID number or name is sent as the applicant's, then those keys are refused", () => {
    // Act
    const issues = identityMismatches(FORM, { xm: '王五', sfzh: SOMEONE_ELSE, sjhm: '13800000000' }, APPLICANT);

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['xm', 'sfzh', 'sjhm']);
    expect(issues[0]?.message).toMatch(/实名认证/);
  });

  it('when the proven values or the masked ones shown are sent back, then they are accepted', () => {
    // Arrange
    const echoed = {
      xm: maskName(APPLICANT.name),
      sfzh: maskIdNumber(APPLICANT.idNumber),
      sjhm: maskPhone('13912345678'),
      xb: '男',
      csrq: '19900101',
    };

    // Act / Assert
    expect(identityMismatches(FORM, echoed, APPLICANT)).toEqual([]);
    expect(identityMismatches(FORM, { sfzh: APPLICANT.idNumber, xb: '1' }, APPLICANT)).toEqual([]);
    expect(fillIdentity(FORM, echoed, APPLICANT)).toMatchObject({ xm: '李四', sfzh: APPLICANT.idNumber });
  });

  it('when the account has no phone, then its phone field is a typed contact: not filled, not refused, still checked', () => {
    // Arrange
    const noPhone = { ...APPLICANT, phone: null };

    // Act
    const typed = fillIdentity(FORM, { sjhm: '13800000000' }, noPhone);
    const missing = validateForm(FORM, fillIdentity(FORM, {}, noPhone));

    // Assert
    expect(identityMismatches(FORM, { sjhm: '13800000000' }, noPhone)).toEqual([]);
    expect(typed['sjhm']).toBe('13800000000');
    expect(missing.map((issue) => issue.path)).toEqual(['sjhm', 'dx_xm', 'dx_sfzh']);
    expect([...recordFilledKeys(FORM, false)]).toEqual(['xm', 'sfzh', 'xb', 'csrq']);
  });

  it('when a client checks the form, then the fields the record fills are left to the server', () => {
    // Act
    const issues = validateForm(
      FORM,
      { dx_xm: '李小四', dx_sfzh: SOMEONE_ELSE },
      { filledByServer: recordFilledKeys(FORM, true) },
    );

    // Assert
    expect(issues).toEqual([]);
  });

  it('when a draft is kept, then it holds no identity field and no other ID number or phone', () => {
    expect(draftableData(FORM, { xm: '王五', sfzh: SOMEONE_ELSE, dx_xm: '李小四', dx_sfzh: SOMEONE_ELSE })).toEqual({
      dx_xm: '李小四',
    });
  });
});
