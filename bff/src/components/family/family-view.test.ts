import type { FamilyLinkDocument } from './family-link.model';
import { ageOn, effectiveStatus, toFamilyMember } from './family-view';

const NOW = new Date('2026-12-06T08:00:00Z');
const TODAY = '2026-12-06';

function link(overrides: Partial<FamilyLinkDocument>): FamilyLinkDocument {
  return {
    _id: 'link_0000000000001',
    actorUserId: 'u1',
    actorIdHash: 'a',
    actorNameMasked: '张*',
    memberIdHash: 'm',
    memberNameMasked: '张**',
    memberIdNumberMasked: '4401**********1234',
    memberSealed: 'sealed',
    memberBirthDate: '2018-03-01',
    relation: 'son',
    kind: 'minor',
    status: 'active',
    proof: 'birth-certificate',
    invitation: null,
    createdAt: NOW,
    activatedAt: NOW,
    endedAt: null,
    ...overrides,
  };
}

describe('family links as the actor sees them', () => {
  it('when the birthday is today or tomorrow, then the age counts whole years only', () => {
    expect([ageOn('2010-12-06', TODAY), ageOn('2010-12-07', TODAY), ageOn('2008-02-29', '2026-02-28')]).toEqual([
      16, 15, 17,
    ]);
  });

  it('when a child added as a minor turns 16, then the guardian’s link has expired and says why', () => {
    // Arrange
    const grown = link({ memberBirthDate: '2010-12-06' });
    const young = link({ memberBirthDate: '2010-12-07' });

    // Act
    const view = toFamilyMember(grown, NOW, TODAY);

    // Assert
    expect([effectiveStatus(grown, NOW, TODAY), effectiveStatus(young, NOW, TODAY)]).toEqual(['expired', 'active']);
    expect(view.kind).toBe('adult');
    expect(view.statusText).toContain('16 周岁');
    expect(view).not.toHaveProperty('since');
  });

  it('when an SMS invitation is pending, then the view shows the masked phone and the expiry; once it ran out, it has expired', () => {
    // Arrange
    const invitation = {
      method: 'sms' as const,
      codeHash: 'h',
      phoneMasked: '138****0000',
      expiresAt: new Date(NOW.getTime() + 60_000),
    };
    const pending = link({ kind: 'adult', relation: 'parent', status: 'pending', proof: null, invitation });

    // Act
    const view = toFamilyMember(pending, NOW, TODAY);
    const later = toFamilyMember(pending, new Date(NOW.getTime() + 60_000), TODAY);

    // Assert
    expect(view).toMatchObject({
      status: 'pending',
      relationText: '父母',
      invitation: { method: 'sms', phoneMasked: '138****0000', expiresAt: invitation.expiresAt.toISOString() },
    });
    expect(view.proofText).toContain('138****0000');
    expect(JSON.stringify(view)).not.toContain('codeHash');
    expect(later.status).toBe('expired');
    expect(later).not.toHaveProperty('invitation');
  });
});
