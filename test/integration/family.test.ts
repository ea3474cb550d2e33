import { randomUUID } from 'node:crypto';
import { maskName } from '@suijing/shared';
import type {
  FamilyAuthorisationList,
  FamilyInvitationList,
  FamilyList,
  FamilyMember,
  PersonalExport,
  TokenResponse,
} from '@suijing/shared';
import { seedKin } from '@suijing/sandbox';
import type { Response } from 'supertest';
import { startTestStack, type TestStack } from '../support/stack';
import { aResident, bearer, loginBySms, passInPerson, verifyIdentity } from '../support/auth-helpers';

type Person = { name: string; idNumber: string };
type ErrorBody = { error: { code: string; message: string } };
type Citizen = { token: string; refreshToken: string; userId: string; person: Person & { phone?: string } };

const DAY_MS = 86_400_000;

/**
 * 我的家人 against the sandbox identity system (register, e-licences, the
 * register's phones) and SMS gateway over HTTP: a child proven by the
 * 出生医学证明, adults who consent by SMS or in their own account (or refuse),
 * the limit, removal and withdrawal ending authority at once, another user's
 * member unknown, and the personal copy and account closing.
 */
describe('family members: adding, consent, authority', () => {
  let stack: TestStack;
  let primary: Citizen;
  const son: Person = seedKin('son');
  const daughter: Person = seedKin('daughter');

  beforeAll(async () => {
    stack = await startTestStack();
    primary = await citizen('primary');
  });
  afterAll(() => stack.close());

  /** A seeded citizen, logged in, 实名 and 实人 on this session. */
  async function citizen(role: string): Promise<Citizen> {
    const person = await stack.sandbox.citizen(role);
    const tokens = await loginBySms(stack);
    await verifyIdentity(stack, tokens.accessToken, person);
    return { token: tokens.accessToken, refreshToken: tokens.refreshToken, userId: tokens.user.id, person };
  }

  /** Someone else of the register, logged in and verified the same way. */
  async function resident(): Promise<Citizen> {
    const person = await aResident(stack);
    const tokens = await loginBySms(stack);
    await verifyIdentity(stack, tokens.accessToken, person);
    return { token: tokens.accessToken, refreshToken: tokens.refreshToken, userId: tokens.user.id, person };
  }

  const api = () => stack.api();
  const addChild = (who: Citizen, body: object, key: string = randomUUID()) =>
    api().post('/api/v1/family/children').set(bearer(who.token)).set('Idempotency-Key', key).send(body);
  const addAdult = (who: Citizen, body: object) =>
    api().post('/api/v1/family/adults').set(bearer(who.token)).set('Idempotency-Key', randomUUID()).send(body);
  const family = async (who: Citizen) =>
    (await api().get('/api/v1/family').set(bearer(who.token)).expect(200)).body as FamilyList;
  /** A route that acts on the member's behalf (their cases): what authority the link gives now. */
  const memberCases = (who: Citizen, memberId: string, instance = api) =>
    instance().get(`/api/v1/family/members/${memberId}/cases`).set(bearer(who.token));
  const codeOf = (res: Response) => (res.body as ErrorBody).error.code;
  /** The citizen's session after time has passed: a new access token by the refresh token. */
  const refreshed = async (who: Citizen): Promise<Citizen> => {
    const res = await api().post('/api/v1/auth/refresh').send({ refreshToken: who.refreshToken }).expect(200);
    const tokens = res.body as TokenResponse;
    return { ...who, token: tokens.accessToken, refreshToken: tokens.refreshToken };
  };

  describe('children', () => {
    let sonId: string;

    it('when I add my son, whose 出生医学证明 names me, then he is active at once, masked, and a repeat answers the same', async () => {
      // Arrange
      const key = randomUUID();
      const request = { name: son.name, idNumber: son.idNumber, relation: 'son' };

      // Act
      const added = await addChild(primary, request, key);
      const repeat = await addChild(primary, request, key);
      const list = await family(primary);

      // Assert
      expect(added.status).toBe(201);
      const member = added.body as FamilyMember;
      sonId = member.memberId;
      expect(member).toMatchObject({
        nameMasked: maskName(son.name),
        relation: 'son',
        relationText: '儿子',
        kind: 'minor',
        age: 8,
        status: 'active',
        proofText: '已通过出生医学证明核实监护关系',
      });
      expect(repeat.status).toBe(201);
      expect(repeat.body).toEqual(added.body);
      expect(list.members.map((m) => m.memberId)).toEqual([sonId]);
      expect(list.limit).toBe(8);
      for (const text of [added.text, JSON.stringify(list)]) {
        expect(text).not.toContain(son.idNumber);
        expect(text).not.toContain(son.name);
      }
      expect((await memberCases(primary, sonId)).status).toBe(200);
    });

    it('when the son is added again with another key, then 409 FAMILY_MEMBER_EXISTS', async () => {
      // Act
      const again = await addChild(primary, { name: son.name, idNumber: son.idNumber, relation: 'son' });

      // Assert
      expect(again.status).toBe(409);
      expect(codeOf(again)).toBe('FAMILY_MEMBER_EXISTS');
    });

    it('when the child is someone else’s, then 422 FAMILY_PROOF_MISSING and nothing is added', async () => {
      // Arrange: a child of the register whose 出生医学证明 names other parents
      const stranger = await stack.sandbox.registered('child');

      // Act
      const res = await addChild(primary, { name: stranger.name, idNumber: stranger.idNumber, relation: 'son' });

      // Assert
      expect(res.status).toBe(422);
      expect(codeOf(res)).toBe('FAMILY_PROOF_MISSING');
      expect((await family(primary)).members).toHaveLength(1);
    });

    it('when my daughter of 16 is added as a child, then 422 FAMILY_MEMBER_NOT_MINOR; a child as an adult, 422 FAMILY_MEMBER_IS_MINOR', async () => {
      // Arrange
      const child = await stack.sandbox.registered('child');

      // Act
      const asChild = await addChild(primary, {
        name: daughter.name,
        idNumber: daughter.idNumber,
        relation: 'daughter',
      });
      const asAdult = await addAdult(primary, {
        name: child.name,
        idNumber: child.idNumber,
        relation: 'other',
        method: 'sms',
      });

      // Assert
      expect([asChild.status, codeOf(asChild)]).toEqual([422, 'FAMILY_MEMBER_NOT_MINOR']);
      expect([asAdult.status, codeOf(asAdult)]).toEqual([422, 'FAMILY_MEMBER_IS_MINOR']);
    });

    it('when the name does not match the register, or I name myself, then it is refused as bad input', async () => {
      // Act
      const wrongName = await addChild(primary, { name: '王小二', idNumber: daughter.idNumber, relation: 'daughter' });
      const myself = await addAdult(primary, {
        name: primary.person.name,
        idNumber: primary.person.idNumber,
        relation: 'other',
        method: 'sms',
      });

      // Assert
      expect([wrongName.status, codeOf(wrongName)]).toEqual([400, 'IDENTITY_MISMATCH']);
      expect([myself.status, codeOf(myself)]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('when I remove my son, then my authority ends at once on every instance, and he can be added again', async () => {
      // Arrange
      const other = await stack.anotherInstance();
      expect((await memberCases(primary, sonId, other.api)).status).toBe(200);

      // Act
      await api().delete(`/api/v1/family/members/${sonId}`).set(bearer(primary.token)).expect(204);
      const here = await memberCases(primary, sonId);
      const there = await memberCases(primary, sonId, other.api);
      await other.close();
      const again = await addChild(primary, { name: son.name, idNumber: son.idNumber, relation: 'son' });

      // Assert
      expect([here.status, codeOf(here)]).toEqual([403, 'FAMILY_AUTHORITY_ENDED']);
      expect([there.status, codeOf(there)]).toEqual([403, 'FAMILY_AUTHORITY_ENDED']);
      expect(again.status).toBe(201);
      expect((again.body as FamilyMember).memberId).not.toBe(sonId);
      expect((await family(primary)).members.map((m) => m.memberId)).toEqual([(again.body as FamilyMember).memberId]);
    });
  });

  describe('adults', () => {
    let secondary: Citizen;
    let spouseLinkId: string;

    beforeAll(async () => {
      secondary = await citizen('secondary');
    });

    it('when I add my father by SMS, then he gets a code on the register’s phone, a wrong one is counted, and the right one makes him active', async () => {
      // Arrange
      const elder = await stack.sandbox.citizen('elder');

      // Act
      const added = await addAdult(primary, {
        name: elder.name,
        idNumber: elder.idNumber,
        relation: 'parent',
        method: 'sms',
      });
      const member = added.body as FamilyMember;
      const pendingCases = await memberCases(primary, member.memberId);
      const [sms] = await stack.sandbox.smsOutbox(elder.phone);
      const code = sms?.params['code'] ?? '';
      const wrong = await api()
        .post(`/api/v1/family/members/${member.memberId}/confirm`)
        .set(bearer(primary.token))
        .send({ code: code === '000000' ? '111111' : '000000' });
      const confirmed = await api()
        .post(`/api/v1/family/members/${member.memberId}/confirm`)
        .set(bearer(primary.token))
        .send({ code });
      const reused = await api()
        .post(`/api/v1/family/members/${member.memberId}/confirm`)
        .set(bearer(primary.token))
        .send({ code });

      // Assert
      expect(added.status).toBe(201);
      expect(member).toMatchObject({
        status: 'pending',
        kind: 'adult',
        relationText: '父母',
        invitation: { method: 'sms', phoneMasked: `${elder.phone.slice(0, 3)}****${elder.phone.slice(7)}` },
      });
      expect(added.text).not.toContain(elder.phone);
      expect([pendingCases.status, codeOf(pendingCases)]).toEqual([403, 'FAMILY_AUTHORITY_ENDED']);
      expect(sms?.text).toContain(maskName(primary.person.name));
      expect(sms?.text).toContain('您是其父母');
      expect([wrong.status, codeOf(wrong)]).toEqual([400, 'SMS_CODE_INVALID']);
      expect((wrong.body as ErrorBody).error.message).toContain('4 次');
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ status: 'active', proofText: '本人已通过短信验证码确认授权' });
      expect(reused.status).toBe(200);
      expect((await memberCases(primary, member.memberId)).status).toBe(200);
    });

    it('when I invite my wife in her own account, then she sees it, accepts with a fresh in-person check, and sees me among those who may act for her', async () => {
      // Act
      const added = await addAdult(primary, {
        name: secondary.person.name,
        idNumber: secondary.person.idNumber,
        relation: 'spouse',
        method: 'account',
      });
      spouseLinkId = (added.body as FamilyMember).memberId;
      const invitations = (await api().get('/api/v1/family/invitations').set(bearer(secondary.token)).expect(200))
        .body as FamilyInvitationList;
      await passInPerson(stack, secondary.token);
      const accepted = await api()
        .post(`/api/v1/family/invitations/${spouseLinkId}/accept`)
        .set(bearer(secondary.token));
      const authorisations = (await api().get('/api/v1/family/authorisations').set(bearer(secondary.token)).expect(200))
        .body as FamilyAuthorisationList;
      const mine = (await family(primary)).members.find((m) => m.memberId === spouseLinkId);

      // Assert
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ status: 'pending', invitation: { method: 'account' } });
      expect(invitations.items).toEqual([
        expect.objectContaining({
          invitationId: spouseLinkId,
          fromNameMasked: maskName(primary.person.name),
          relationText: '配偶',
        }),
      ]);
      expect(accepted.status).toBe(204);
      expect(authorisations.items).toEqual([
        expect.objectContaining({ authorisationId: spouseLinkId, actorNameMasked: maskName(primary.person.name) }),
      ]);
      expect(mine).toMatchObject({ status: 'active', proofText: '本人已在穗警通确认授权' });
      expect((await memberCases(primary, spouseLinkId)).status).toBe(200);
    });

    it('when an adult declines, then the link is declined, gives no authority, and cannot be accepted afterwards', async () => {
      // Arrange
      const young = await citizen('young');
      const added = await addAdult(primary, {
        name: young.person.name,
        idNumber: young.person.idNumber,
        relation: 'sibling',
        method: 'account',
      });
      const { memberId } = added.body as FamilyMember;

      // Act
      const declined = await api().post(`/api/v1/family/invitations/${memberId}/decline`).set(bearer(young.token));
      const lateAccept = await api().post(`/api/v1/family/invitations/${memberId}/accept`).set(bearer(young.token));
      const cases = await memberCases(primary, memberId);

      // Assert
      expect(declined.status).toBe(204);
      expect([lateAccept.status, codeOf(lateAccept)]).toEqual([404, 'FAMILY_INVITATION_NOT_FOUND']);
      expect([cases.status, codeOf(cases)]).toEqual([403, 'FAMILY_AUTHORITY_ENDED']);
      expect((await family(primary)).members.find((m) => m.memberId === memberId)).toMatchObject({
        status: 'declined',
        statusText: '对方已拒绝授权',
      });
    });

    it('when the adult has no verified account, then an account invitation is refused with a pointer to SMS', async () => {
      // Arrange
      const nobody = await aResident(stack);

      // Act
      const res = await addAdult(primary, { ...nobody, relation: 'other', method: 'account' });

      // Assert
      expect([res.status, codeOf(res)]).toEqual([409, 'FAMILY_MEMBER_NO_ACCOUNT']);
      expect((res.body as ErrorBody).error.message).toContain('短信');
    });

    it('when my wife withdraws my authority, then it ends at once and my list says so', async () => {
      // Act
      const withdrawn = await api()
        .post(`/api/v1/family/authorisations/${spouseLinkId}/withdraw`)
        .set(bearer(secondary.token));
      const cases = await memberCases(primary, spouseLinkId);

      // Assert
      expect(withdrawn.status).toBe(204);
      expect([cases.status, codeOf(cases)]).toEqual([403, 'FAMILY_AUTHORITY_ENDED']);
      expect((await family(primary)).members.find((m) => m.memberId === spouseLinkId)).toMatchObject({
        status: 'withdrawn',
      });
      const left = (await api().get('/api/v1/family/authorisations').set(bearer(secondary.token)).expect(200))
        .body as FamilyAuthorisationList;
      expect(left.items).toEqual([]);
    });
  });

  describe('another user and the limit', () => {
    it('when another user names my member, then it is unknown to them (404) and my link is unchanged', async () => {
      // Arrange
      const stranger = await resident();
      const { members } = await family(primary);
      const sonLink = members.find((m) => m.relation === 'son' && m.status === 'active');
      if (!sonLink) throw new Error('no active son link');

      // Act
      const answers = [
        await memberCases(stranger, sonLink.memberId),
        await api().delete(`/api/v1/family/members/${sonLink.memberId}`).set(bearer(stranger.token)),
        await api()
          .post(`/api/v1/family/members/${sonLink.memberId}/confirm`)
          .set(bearer(stranger.token))
          .send({ code: '123456' }),
        await api().post(`/api/v1/family/authorisations/${sonLink.memberId}/withdraw`).set(bearer(stranger.token)),
      ];

      // Assert
      for (const res of answers) expect([res.status, codeOf(res)]).toEqual([404, 'FAMILY_MEMBER_NOT_FOUND']);
      expect((await family(primary)).members.find((m) => m.memberId === sonLink.memberId)).toEqual(sonLink);
    });

    it('when eight members are pending or active, then a ninth is refused until one is removed', async () => {
      // Arrange
      const actor = await resident();
      // Adults of the register no other test here was given (aResident hands out from 100 on, one by one).
      const people: Person[] = (await stack.sandbox.registerPeople('resident', 100, 400))
        .filter((person) => Number(person.birthDate.slice(0, 4)) < 2000)
        .slice(0, 9)
        .map(({ name, idNumber }) => ({ name, idNumber }));
      const ids: string[] = [];
      for (const person of people.slice(0, 8)) {
        const res = await addAdult(actor, { ...person, relation: 'other', method: 'sms' });
        expect([res.status, res.status === 201 ? '' : res.text]).toEqual([201, '']);
        ids.push((res.body as FamilyMember).memberId);
      }
      const ninth = people[8] as Person;

      // Act
      const refused = await addAdult(actor, { ...ninth, relation: 'other', method: 'sms' });
      await api().delete(`/api/v1/family/members/${ids[0]}`).set(bearer(actor.token)).expect(204);
      const afterRemoval = await addAdult(actor, { ...ninth, relation: 'other', method: 'sms' });

      // Assert
      expect([refused.status, codeOf(refused)]).toEqual([409, 'FAMILY_LIMIT_REACHED']);
      expect(afterRemoval.status).toBe(201);
      expect((await family(actor)).members.filter((m) => m.status === 'pending')).toHaveLength(8);
    });
  });

  describe('privacy', () => {
    it('when I download my personal copy, then it lists my family links with names masked and no ID numbers', async () => {
      // Arrange
      await passInPerson(stack, primary.token);

      // Act
      const res = await api().get('/api/v1/me/export').set(bearer(primary.token)).expect(200);
      const copy = JSON.parse(res.text) as PersonalExport;

      // Assert
      expect(copy.family.filter((link) => link.role === 'actor').map((link) => link.relation)).toEqual(
        expect.arrayContaining(['son', 'parent', 'spouse', 'sibling']),
      );
      expect(copy.family.find((link) => link.relation === 'son' && link.status === 'active')).toMatchObject({
        otherNameMasked: maskName(son.name),
        proof: 'birth-certificate',
      });
      expect(res.text).not.toContain(son.idNumber);
    });

    it('when a member closes their account, then the authority they gave ends, and the links they made are gone', async () => {
      // Arrange: the primary acts for the elder (he consented by SMS above); the elder, with an account
      // of his own now, asks to act for someone himself, then closes his account.
      const elder = await citizen('elder');
      const { members } = await family(primary);
      const fatherLink = members.find((m) => m.relation === 'parent' && m.status === 'active');
      if (!fatherLink) throw new Error('no active parent link');
      const cousin = await aResident(stack);
      await addAdult(elder, { ...cousin, relation: 'other', method: 'sms' }).expect(201);
      await passInPerson(stack, elder.token);
      await api().post('/api/v1/me/deletion').set(bearer(elder.token)).expect(200);

      // Act
      await stack.advanceTime(7 * DAY_MS + 60_000);
      const closed = await stack.app.closeDueAccounts();
      primary = await refreshed(primary);
      const cases = await memberCases(primary, fatherLink.memberId);

      // Assert
      expect(closed).toBe(1);
      expect([cases.status, codeOf(cases)]).toEqual([403, 'FAMILY_AUTHORITY_ENDED']);
      expect((await family(primary)).members.find((m) => m.memberId === fatherLink.memberId)?.status).toBe('withdrawn');
      const made = await stack.connection.collection('family_links').countDocuments({ actorUserId: elder.userId });
      expect(made).toBe(0);
    });
  });
});
