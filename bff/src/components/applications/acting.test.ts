import { AppError } from '../../libraries/errors';
import type { FamilyMemberSubject } from '../family/family-authority';
import { actsAsGuardian, caseActing, demandOnBehalfAllowed, subjectRelation } from './acting';

/** Born 2018-06-01: 8 on the day below; the daughter born 2010-10-01 is 16. */
const SON: FamilyMemberSubject = {
  memberId: 'm-son-01',
  name: '张小明',
  idNumber: '440106201806011234',
  idHash: 'h-son',
  birthDate: '2018-06-01',
  kind: 'minor',
  relation: 'son',
  guardian: true,
};
const DAUGHTER: FamilyMemberSubject = {
  ...SON,
  memberId: 'm-daughter-01',
  name: '张小红',
  idNumber: '440106201010011247',
  birthDate: '2010-10-01',
  relation: 'daughter',
};
const FATHER: FamilyMemberSubject = {
  ...SON,
  memberId: 'm-father-01',
  name: '张大山',
  idNumber: '440106196001011231',
  birthDate: '1960-01-01',
  kind: 'adult',
  relation: 'parent',
  guardian: false,
};
const DAY = '20261206';

function refusal(run: () => void): AppError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('acting for a family member (代办)', () => {
  it('when the item must be filed by the person (none), then even a guardian is refused 403 ON_BEHALF_NOT_ALLOWED', () => {
    // Act
    const error = refusal(() => demandOnBehalfAllowed({ onBehalf: 'none' }, SON, DAY));

    // Assert
    expect(error).toMatchObject({ code: 'ON_BEHALF_NOT_ALLOWED', status: 403 });
  });

  it('when an item is for minors only, then the guardian of a child under 16 may file and an adult member may not', () => {
    // Act
    const forChild = refusal(() => demandOnBehalfAllowed({ onBehalf: 'minors' }, SON, DAY));
    const forFather = refusal(() => demandOnBehalfAllowed({ onBehalf: 'minors' }, FATHER, DAY));
    const forDaughterAt16 = refusal(() => demandOnBehalfAllowed({ onBehalf: 'minors' }, DAUGHTER, DAY));

    // Assert
    expect(forChild).toBeUndefined();
    expect(forFather).toMatchObject({ code: 'ON_BEHALF_NOT_ALLOWED' });
    expect(forFather?.message).toContain('未满 16 周岁');
    expect(forDaughterAt16).toMatchObject({ code: 'ON_BEHALF_NOT_ALLOWED' });
  });

  it('when an item allows family, then a child and an authorised adult may both be filed for', () => {
    expect(refusal(() => demandOnBehalfAllowed({ onBehalf: 'family' }, SON, DAY))).toBeUndefined();
    expect(refusal(() => demandOnBehalfAllowed({ onBehalf: 'family' }, FATHER, DAY))).toBeUndefined();
  });

  it('when a child turns 16, then the one acting is a relative from that day, no longer the guardian', () => {
    // Act / Assert
    expect(actsAsGuardian(DAUGHTER, '20260930')).toBe(true);
    expect(subjectRelation(DAUGHTER, '20260930')).toBe('guardian');
    expect(actsAsGuardian(DAUGHTER, '20261001')).toBe(false);
    expect(subjectRelation(DAUGHTER, '20261001')).toBe('relative');
    expect(subjectRelation(FATHER, DAY)).toBe('relative');
  });

  it('when a case is filed for a member, then it names 当事人 and 代办人 masked, with the relation in words', () => {
    // Act
    const acting = caseActing('张三丰', SON);

    // Assert
    expect(acting).toEqual({ subjectNameMasked: '张**', relationText: '儿子', actorNameMasked: '张**' });
    expect(JSON.stringify(acting)).not.toMatch(/张小明|张三丰/);
  });
});
