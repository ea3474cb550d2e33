import { createHmac } from 'node:crypto';
import {
  FAMILY_MINOR_UNDER_AGE,
  MAX_FAMILY_MEMBERS,
  filingDay,
  maskIdNumber,
  maskName,
  type AddAdultRequest,
  type AddChildRequest,
  type FamilyAuthorisationList,
  type FamilyInvitationList,
  type FamilyList,
  type FamilyMember,
  type FamilyRelation,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { AuthState } from '../../libraries/context';
import type { Sealer } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import type { Limit, RateLimiter } from '../../libraries/rate-limiter';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import type { DataUseService } from '../privacy/data-use.service';
import type { FamilyAuthority, FamilyMemberSubject, FamilyPurpose } from './family-authority';
import type { FamilyConsent } from './family-consent';
import type { FamilyLinkDocument } from './family-link.model';
import type { FamilyLinksRepository } from './family-links.repository';
import { ageOn, effectiveStatus, toFamilyAuthorisation, toFamilyInvitation, toFamilyMember } from './family-view';
import { guardianshipProof } from './guardianship-proof';

/** An invitation to confirm in one's own account stays open a week. */
export const ACCOUNT_INVITATION_TTL_MS = 7 * 86_400_000;

const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAILY = { windowMs: 86_400_000, alignOffsetMs: BEIJING_OFFSET_MS };
/** Each addition asks the population register about a person: enough for a family, too few to probe it. */
const REGISTER_LOOKUPS: Limit = { points: 10, ...DAILY };

export interface FamilyServiceDeps {
  links: FamilyLinksRepository;
  /** The actor's verified identity and the ID hash (the identity component's). */
  identity: {
    require(userId: string): Promise<{ name: string; idNumber: string; idHash: string }>;
    idHash(idNumber: string): string;
  };
  /** Who holds a person's identity on 穗警通 (null: nobody). */
  bindings: { ownerOf(idHash: string): Promise<{ userId: string | null }> };
  /** The population register and the e-licence store. */
  records: Pick<IdentityClient, 'verify' | 'licences' | 'contactPhone'>;
  consent: FamilyConsent;
  dataUse: Pick<DataUseService, 'record'>;
  sealer: Sealer;
  /** Derives link ids (see makeRoom). */
  linkIdKey: Buffer;
  limiter: RateLimiter;
  idempotency: IdempotencyStore;
  clock: Clock;
}

interface MemberSecret {
  name: string;
  idNumber: string;
}

/** A person of the register, as checked for a new link. */
interface CheckedMember extends MemberSecret {
  idHash: string;
  birthDate: string;
}

/** The person acting: verified, with the hash of the member they name. */
interface Actor {
  userId: string;
  name: string;
  idNumber: string;
  idHash: string;
  nameMasked: string;
  memberIdHash: string;
}

const memberNotFound = () => new AppError({ code: 'FAMILY_MEMBER_NOT_FOUND' });
const invitationNotFound = () => new AppError({ code: 'FAMILY_INVITATION_NOT_FOUND' });

/**
 * 家人: the people a citizen may act for. A child under 16 is linked at once
 * when the e-licence store proves the guardian; an adult only by their own
 * consent (an SMS code to the register's phone, or in their own account). The
 * link is read from MongoDB on every use, so ending it ends authority at once.
 */
export class FamilyService implements FamilyAuthority {
  constructor(private readonly deps: FamilyServiceDeps) {}

  async list(userId: string): Promise<FamilyList> {
    const { now, today } = this.moment();
    const links = await this.deps.links.listOfActor(userId);
    return { members: links.map((link) => toFamilyMember(link, now, today)), limit: MAX_FAMILY_MEMBERS };
  }

  /** Once per Idempotency-Key: a child under 16 whose guardian the register's licences prove I am. */
  async addChild(
    userId: string,
    idempotencyKey: string,
    request: AddChildRequest,
  ): Promise<StoredResponse<FamilyMember>> {
    const actor = await this.actor(userId, request.idNumber);
    return this.once(userId, idempotencyKey, request, async () => {
      const id = await this.makeRoom(userId, actor.memberIdHash);
      const member = await this.checked(userId, request, actor.memberIdHash);
      if (ageOn(member.birthDate, this.moment().today) >= FAMILY_MINOR_UNDER_AGE) {
        throw new AppError({ code: 'FAMILY_MEMBER_NOT_MINOR' });
      }
      const [childLicences, actorLicences] = await Promise.all([
        this.deps.records.licences(member.idNumber),
        this.deps.records.licences(actor.idNumber),
      ]);
      const proof = guardianshipProof(actor.idNumber, childLicences, actorLicences);
      if (!proof) throw new AppError({ code: 'FAMILY_PROOF_MISSING' });
      const now = this.deps.clock.now();
      const link = this.newLink(id, actor, member, request.relation, 'minor', now);
      return this.created(await this.insert({ ...link, status: 'active', proof, activatedAt: now }));
    });
  }

  /** Once per Idempotency-Key: an adult, pending until they consent (SMS code, or in their own account). */
  async addAdult(
    userId: string,
    idempotencyKey: string,
    request: AddAdultRequest,
  ): Promise<StoredResponse<FamilyMember>> {
    const actor = await this.actor(userId, request.idNumber);
    return this.once(userId, idempotencyKey, request, async () => {
      const id = await this.makeRoom(userId, actor.memberIdHash);
      const member = await this.checked(userId, request, actor.memberIdHash);
      if (ageOn(member.birthDate, this.moment().today) < FAMILY_MINOR_UNDER_AGE) {
        throw new AppError({ code: 'FAMILY_MEMBER_IS_MINOR' });
      }
      const link = this.newLink(id, actor, member, request.relation, 'adult', this.deps.clock.now());
      const invitation =
        request.method === 'sms' ? await this.smsInvitation(id, member, link) : await this.accountInvitation(member);
      return this.created(await this.insert({ ...link, invitation }));
    });
  }

  /** The SMS code the member told me: the link becomes active (a right code once, within five tries). */
  async confirm(userId: string, memberId: string, code: string): Promise<FamilyMember> {
    const { now, today } = this.moment();
    const link = await this.deps.links.findOfActor(userId, memberId);
    if (!link || link.status === 'removed') throw memberNotFound();
    if (link.status === 'active') return toFamilyMember(link, now, today);
    const invitation = link.invitation;
    if (invitation?.method === 'account') {
      throw new AppError({ code: 'VALIDATION_FAILED', message: '该家人需在其本人的穗警通中确认，无需输入验证码' });
    }
    if (effectiveStatus(link, now, today) !== 'pending' || !invitation?.codeHash) {
      throw new AppError({ code: 'SMS_CODE_EXPIRED', message: '验证码已失效，请重新添加该家人以获取新的验证码' });
    }
    await this.deps.consent.accept(memberId, code, { codeHash: invitation.codeHash, expiresAt: invitation.expiresAt });
    const active = await this.deps.links.transition(
      { _id: memberId, actorUserId: userId },
      ['pending'],
      'active',
      now,
      {
        proof: 'sms',
      },
    );
    if (!active) throw new AppError({ code: 'SMS_CODE_EXPIRED' });
    await this.deps.links.dropCode(memberId);
    return toFamilyMember(active, now, today);
  }

  /** Ends my authority for the member at once (or takes an ended link off my list). */
  async remove(userId: string, memberId: string): Promise<void> {
    const removed = await this.deps.links.transition(
      { _id: memberId, actorUserId: userId },
      ['pending', 'active', 'declined', 'expired', 'withdrawn'],
      'removed',
      this.deps.clock.now(),
    );
    if (!removed) throw memberNotFound();
    await this.deps.links.dropCode(memberId);
  }

  /** Invitations to confirm in my own account, still open. */
  async invitations(memberIdHash: string): Promise<FamilyInvitationList> {
    const { now, today } = this.moment();
    const links = await this.deps.links.listOfMember(memberIdHash, ['pending']);
    const open = links.filter(
      (link) => link.invitation?.method === 'account' && effectiveStatus(link, now, today) === 'pending',
    );
    return { items: open.map(toFamilyInvitation) };
  }

  async accept(memberIdHash: string, invitationId: string): Promise<void> {
    await this.answer(memberIdHash, invitationId, 'active');
  }

  async decline(memberIdHash: string, invitationId: string): Promise<void> {
    await this.answer(memberIdHash, invitationId, 'declined');
  }

  /** Who may act for me now. */
  async authorisations(memberIdHash: string): Promise<FamilyAuthorisationList> {
    const { now, today } = this.moment();
    const links = await this.deps.links.listOfMember(memberIdHash, ['active']);
    return {
      items: links.filter((link) => effectiveStatus(link, now, today) === 'active').map(toFamilyAuthorisation),
    };
  }

  /** Ends someone's authority to act for me, at once. */
  async withdraw(memberIdHash: string, authorisationId: string): Promise<void> {
    const withdrawn = await this.deps.links.transition(
      { _id: authorisationId, memberIdHash },
      ['active', 'pending'],
      'withdrawn',
      this.deps.clock.now(),
    );
    if (!withdrawn) throw memberNotFound();
  }

  async memberFor(actorUserId: string, memberId: string, purpose: FamilyPurpose): Promise<FamilyMemberSubject> {
    void purpose; // Every purpose needs an active link today; the parameter keeps room for narrower scopes.
    const { now, today } = this.moment();
    const link = await this.deps.links.findOfActor(actorUserId, memberId);
    if (!link) throw memberNotFound();
    if (effectiveStatus(link, now, today) !== 'active') throw new AppError({ code: 'FAMILY_AUTHORITY_ENDED' });
    const secret = this.open(link);
    const kind = ageOn(link.memberBirthDate, today) < FAMILY_MINOR_UNDER_AGE ? 'minor' : 'adult';
    return {
      memberId: link._id,
      name: secret.name,
      idNumber: secret.idNumber,
      idHash: link.memberIdHash,
      birthDate: link.memberBirthDate,
      kind,
      relation: link.relation as FamilyRelation,
      guardian: link.proof === 'birth-certificate' || link.proof === 'household',
    };
  }

  /**
   * Puts an act done for a member into the member's 个人信息使用记录, naming who
   * acted (masked), e.g. what = 代为申请：户籍证明. Every act is one entry.
   */
  async recordActing(auth: AuthState, memberId: string, what: string): Promise<void> {
    const link = await this.deps.links.findOfActor(auth.userId, memberId);
    if (!link) throw memberNotFound();
    await this.deps.dataUse.record(
      {
        idHash: link.memberIdHash,
        userId: auth.userId,
        sessionId: auth.sessionId,
        client: auth.client,
        account: `家人 ${link.actorNameMasked}（代办）`,
      },
      { feature: 'family', what },
      { each: true },
    );
  }

  private async answer(memberIdHash: string, invitationId: string, to: 'active' | 'declined'): Promise<void> {
    const { now, today } = this.moment();
    const link = await this.deps.links.findOfMember(memberIdHash, invitationId);
    if (!link || link.invitation?.method !== 'account' || effectiveStatus(link, now, today) !== 'pending') {
      throw invitationNotFound();
    }
    const changed = await this.deps.links.transition(
      { _id: invitationId, memberIdHash },
      ['pending'],
      to,
      now,
      to === 'active' ? { proof: 'member-account' } : {},
    );
    if (!changed) throw invitationNotFound();
  }

  /** The actor's identity and the member's hash; adding oneself is refused before anything else. */
  private async actor(userId: string, memberIdNumber: string): Promise<Actor> {
    const actor = await this.deps.identity.require(userId);
    const memberIdHash = this.deps.identity.idHash(memberIdNumber);
    if (memberIdHash === actor.idHash) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        message: '不能添加您本人为家人',
        fields: [{ path: 'idNumber', message: '请填写家人的身份证号码' }],
      });
    }
    return { ...actor, userId, nameMasked: maskName(actor.name), memberIdHash };
  }

  private once(
    userId: string,
    idempotencyKey: string,
    request: { idNumber: string },
    work: () => Promise<StoredResponse<FamilyMember>>,
  ): Promise<StoredResponse<FamilyMember>> {
    // The request's hash is kept a day: of the keyed ID hash, never of the number.
    const hash = requestHash({ ...request, idNumber: this.deps.identity.idHash(request.idNumber) });
    return this.deps.idempotency.run(`family:${userId}`, idempotencyKey, hash, work);
  }

  /**
   * Below the limit, and no open link for this member (one that ran out makes way for the new one):
   * the id of the new link, the next of the two's (see the model: the unique id keeps one open).
   */
  private async makeRoom(userId: string, memberIdHash: string): Promise<string> {
    const { now, today } = this.moment();
    const existing = await this.deps.links.findOpenBetween(userId, memberIdHash);
    if (existing) {
      const status = effectiveStatus(existing, now, today);
      if (status === 'active' || status === 'pending') throw new AppError({ code: 'FAMILY_MEMBER_EXISTS' });
      // An invitation that ran out, or a child who turned 16 and is now added as an adult.
      await this.deps.links.transition(
        { _id: existing._id, actorUserId: userId },
        ['pending', 'active'],
        'expired',
        now,
      );
    }
    if ((await this.deps.links.countOpenOfActor(userId)) >= MAX_FAMILY_MEMBERS) {
      throw new AppError({ code: 'FAMILY_LIMIT_REACHED' });
    }
    const next = (await this.deps.links.countBetween(userId, memberIdHash)) + 1;
    // Opaque: who and whom cannot be read from it, nor another's guessed.
    return createHmac('sha256', this.deps.linkIdKey)
      .update(`${userId}:${memberIdHash}:${next}`)
      .digest('base64url')
      .slice(0, 22);
  }

  /** The name and number as the register has them; the birth date from the register. */
  private async checked(userId: string, person: MemberSecret, idHash: string): Promise<CheckedMember> {
    const attempt = await this.deps.limiter.hit(`family:register:${userId}`, REGISTER_LOOKUPS);
    if (!attempt.allowed) {
      throw new AppError({ code: 'IDENTITY_TOO_MANY_TRIES', retryAfterSeconds: attempt.retryAfterSeconds });
    }
    const outcome = await this.deps.records.verify(person.name, person.idNumber);
    if (!outcome.matched) throw new AppError({ code: 'IDENTITY_MISMATCH' });
    return { name: person.name, idNumber: person.idNumber, idHash, birthDate: outcome.birthDate };
  }

  private async smsInvitation(
    id: string,
    member: CheckedMember,
    link: FamilyLinkDocument,
  ): Promise<NonNullable<FamilyLinkDocument['invitation']>> {
    const phone = await this.deps.records.contactPhone(member.idNumber);
    if (!phone) throw new AppError({ code: 'FAMILY_CONTACT_UNAVAILABLE' });
    const sent = await this.deps.consent.send(
      id,
      { idHash: member.idHash, phone },
      { nameMasked: link.actorNameMasked },
      link.relation as FamilyRelation,
    );
    return {
      method: 'sms',
      codeHash: sent.codeHash,
      phoneMasked: sent.phoneMasked,
      expiresAt: sent.expiresAt,
    };
  }

  private async accountInvitation(member: CheckedMember): Promise<NonNullable<FamilyLinkDocument['invitation']>> {
    const owner = await this.deps.bindings.ownerOf(member.idHash);
    if (owner.userId === null) throw new AppError({ code: 'FAMILY_MEMBER_NO_ACCOUNT' });
    const expiresAt = new Date(this.deps.clock.now().getTime() + ACCOUNT_INVITATION_TTL_MS);
    return { method: 'account', codeHash: null, phoneMasked: null, expiresAt };
  }

  private newLink(
    id: string,
    actor: Actor,
    member: CheckedMember,
    relation: FamilyRelation,
    kind: 'minor' | 'adult',
    now: Date,
  ): FamilyLinkDocument {
    return {
      _id: id,
      actorUserId: actor.userId,
      actorIdHash: actor.idHash,
      actorNameMasked: actor.nameMasked,
      memberIdHash: member.idHash,
      memberNameMasked: maskName(member.name),
      memberIdNumberMasked: maskIdNumber(member.idNumber),
      memberSealed: this.deps.sealer.seal(JSON.stringify({ name: member.name, idNumber: member.idNumber })),
      memberBirthDate: member.birthDate,
      relation,
      kind,
      status: 'pending',
      proof: null,
      invitation: null,
      createdAt: now,
      activatedAt: null,
      endedAt: null,
    };
  }

  private async insert(link: FamilyLinkDocument): Promise<FamilyLinkDocument> {
    if (!(await this.deps.links.add(link))) throw new AppError({ code: 'FAMILY_MEMBER_EXISTS' });
    return link;
  }

  private created(link: FamilyLinkDocument): StoredResponse<FamilyMember> {
    const { now, today } = this.moment();
    return { status: 201, body: toFamilyMember(link, now, today) };
  }

  private open(link: FamilyLinkDocument): MemberSecret {
    const plain = this.deps.sealer.open(link.memberSealed);
    if (plain === null) throw new Error('sealed family member cannot be opened: DATA_ENCRYPTION_KEY changed?');
    return JSON.parse(plain) as MemberSecret;
  }

  private moment(): { now: Date; today: string } {
    const now = this.deps.clock.now();
    return { now, today: filingDay(now) };
  }
}
