import { ASSURANCE, type ApplicationForm } from '@suijing/shared';
import type { AuthState } from '../../libraries/context';
import { AppError } from '../../libraries/errors';
import { applicantFormData, demandFilingAssurance, filingRequirement } from './applicant';

const NOW = Date.parse('2026-12-01T02:00:00Z');

const auth = (inPersonAtMs: number | null): AuthState => ({
  userId: 'u1',
  loginMethod: 'sms',
  sessionId: 's1',
  client: { platform: 'h5', model: null },
  inPersonAtMs,
  inPersonMethod: inPersonAtMs === null ? null : 'ctid',
});

const FORM: ApplicationForm = {
  version: 'F1',
  sections: [
    {
      title: '申请人信息',
      fields: [
        { key: 'xm', label: '姓名', type: 'text', required: true, identity: 'name' },
        { key: 'sfzh', label: '公民身份号码', type: 'idNumber', required: true, identity: 'idNumber' },
        { key: 'sjhm', label: '手机号码', type: 'phone', required: true, identity: 'phone' },
      ],
    },
  ],
};

const APPLICANT = { name: '李四', idNumber: '440105199001011239', phone: '13912345678' };

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('filing as the verified applicant', () => {
  it('when any item asks 实人, then filing them asks L3 within 30 days; else 实名', () => {
    expect(filingRequirement([{ assurance: 'L2' }, { assurance: 'L3' }])).toEqual(ASSURANCE.inPerson);
    expect(filingRequirement([{ assurance: 'L2' }])).toEqual(ASSURANCE.realName);
  });

  it('when an L3 item is filed by a session without a recent in-person check, then 403 names L3', () => {
    // Arrange
    const items = [{ assurance: 'L3' as const }];
    const stale = NOW - 31 * 86_400_000;

    // Act
    const never = errorOf(() => demandFilingAssurance(auth(null), items, NOW));
    const tooOld = errorOf(() => demandFilingAssurance(auth(stale), items, NOW));

    // Assert
    expect(never.code).toBe('ASSURANCE_REQUIRED');
    expect(never.required).toEqual(ASSURANCE.inPerson);
    expect(tooOld.code).toBe('ASSURANCE_REQUIRED');
    expect(() => demandFilingAssurance(auth(NOW - 60_000), items, NOW)).not.toThrow();
    expect(() => demandFilingAssurance(auth(null), [{ assurance: 'L2' }], NOW)).not.toThrow();
  });

  it("when the applicant's fields carry someone else's identity, then 400 FORM_IDENTITY_MISMATCH names them", () => {
    const error = errorOf(() => applicantFormData(FORM, { sfzh: '11010519491231002X' }, APPLICANT));

    expect(error.code).toBe('FORM_IDENTITY_MISMATCH');
    expect(error.status).toBe(400);
    expect(error.fields?.map((f) => f.path)).toEqual(['sfzh']);
  });

  it("when a form filed for a family member names someone else, then the refusal says the member's record fills it", () => {
    // Act
    const error = errorOf(() =>
      applicantFormData(FORM, { xm: '王五', sjhm: '13800000000' }, APPLICANT, undefined, 'member'),
    );

    // Assert
    expect(error.code).toBe('FORM_IDENTITY_MISMATCH');
    expect(error.fields).toEqual([
      { path: 'xm', message: '姓名来自所代办家人的登记信息，不能修改' },
      { path: 'sjhm', message: '手机号码为您账号绑定的手机号码，不能修改' },
    ]);
  });

  it('when nothing is sent for them, then the data to file carries the proven identity', () => {
    expect(applicantFormData(FORM, {}, APPLICANT)).toEqual({
      xm: '李四',
      sfzh: '440105199001011239',
      sjhm: '13912345678',
    });
  });

  it('when an account without a phone leaves the phone out, then the form asks for it', () => {
    const error = errorOf(() => applicantFormData(FORM, {}, { ...APPLICANT, phone: null }));

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.map((f) => f.path)).toEqual(['sjhm']);
  });
});
