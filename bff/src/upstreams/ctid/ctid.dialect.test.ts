import { ctidOutcomeOf, ctidTimeStamp, parseCtidTimeStamp, type ResultPackage } from './ctid.dialect';

const RESULT_AT = new Date('2026-11-28T03:04:05.678Z');

function answer(fields: Partial<ResultPackage>): ResultPackage {
  return {
    success: true,
    bizSerialNum: 'serial',
    businessSerialNumber: 'REQUEST',
    authMode: '0x42',
    authStatus: 'DONE',
    authResult: '00XX',
    resultTime: ctidTimeStamp(RESULT_AT),
    ...fields,
  };
}

describe('网证 result codes', () => {
  it('when the timeStamp format is written and read back, then it is Beijing time to the millisecond', () => {
    // Act
    const stamp = ctidTimeStamp(RESULT_AT);

    // Assert
    expect(stamp).toBe('20261128110405678');
    expect(parseCtidTimeStamp(stamp)).toEqual(RESULT_AT);
    expect(parseCtidTimeStamp('2026-11-28')).toBeUndefined();
  });

  it.each(['00XX', '000X', '0000'])(
    'when a 0x42 request is DONE with %s, then it passed at the platform’s time',
    (code) => {
      // Act
      const outcome = ctidOutcomeOf(answer({ authResult: code }));

      // Assert
      expect(outcome).toEqual({ kind: 'passed', checkedAt: RESULT_AT });
    },
  );

  it.each([
    { authResult: '01XX', reason: 'not-same-person' },
    { authResult: '0FXX', reason: 'no-face' },
    { authResult: '0GXX', reason: 'no-face' },
    { authResult: '0JXX', reason: 'no-face' },
    { authResult: '0IXX', reason: 'liveness' },
    { authResult: '0WXX', reason: 'timeout' },
    { authResult: '02XX', reason: 'other' },
    { authResult: '0BXX', reason: 'other' },
    { authResult: '0TXX', reason: 'other' },
    { authResult: '5XXX', reason: 'other' },
    { authResult: 'EEEE', reason: 'other' },
    { authResult: 'XXXX', reason: 'other' },
    { authResult: '0XXX', reason: 'other' },
    { authResult: '001X', reason: 'other' },
    { authResult: 'garbage', reason: 'other' },
  ])('when a request is DONE with $authResult, then it failed with $reason', ({ authResult, reason }) => {
    // Act
    const outcome = ctidOutcomeOf(answer({ authResult }));

    // Assert
    expect(outcome).toEqual({ kind: 'failed', reason });
  });

  it.each([
    { label: 'no result time', fields: { resultTime: undefined } },
    { label: 'a malformed result time', fields: { resultTime: '2026-11-28T03:04:05Z' } },
    { label: 'mode 0x40 (no face)', fields: { authMode: '0x40' } },
    { label: 'no authResult', fields: { authResult: undefined } },
  ])('when a pass comes with $label, then it is not taken as a pass', ({ fields }) => {
    // Act
    const outcome = ctidOutcomeOf(answer(fields));

    // Assert
    expect(outcome).toEqual({ kind: 'failed', reason: 'other' });
  });

  it.each([
    { authStatus: 'WAITING', outcome: { kind: 'pending' } },
    { authStatus: 'CANCELLED', outcome: { kind: 'failed', reason: 'cancelled' } },
    { authStatus: 'EXPIRED', outcome: { kind: 'failed', reason: 'expired' } },
    { authStatus: 'SOMETHING_NEW', outcome: { kind: 'failed', reason: 'other' } },
  ])('when the status is $authStatus, then the outcome is $outcome.kind', ({ authStatus, outcome }) => {
    // Act
    const result = ctidOutcomeOf(answer({ authStatus, authResult: undefined }));

    // Assert
    expect(result).toEqual(outcome);
  });
});
