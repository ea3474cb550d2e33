import {
  FAMILY_MINOR_UNDER_AGE,
  FAMILY_RELATION_TEXT,
  type FamilyAuthorisation,
  type FamilyInvitation,
  type FamilyLinkStatus,
  type FamilyMember,
  type FamilyProof,
  type FamilyRelation,
} from '@suijing/shared';
import type { FamilyLinkDocument } from './family-link.model';

/** Whole years from a birth date to a day, both yyyy-MM-dd. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** What a link is now: a pending one whose invitation ran out, or a minor's that turned 16, has expired. */
export function effectiveStatus(link: FamilyLinkDocument, now: Date, today: string): FamilyLinkStatus {
  const status = link.status as FamilyLinkStatus;
  if (status === 'pending' && link.invitation && link.invitation.expiresAt.getTime() <= now.getTime()) {
    return 'expired';
  }
  if (status === 'active' && link.kind === 'minor' && ageOn(link.memberBirthDate, today) >= FAMILY_MINOR_UNDER_AGE) {
    return 'expired';
  }
  return status;
}

const PROOF_TEXT: Record<FamilyProof, string> = {
  'birth-certificate': '已通过出生医学证明核实监护关系',
  household: '已通过户口簿核实监护关系',
  'member-account': '本人已在穗警通确认授权',
  sms: '本人已通过短信验证码确认授权',
};

function statusText(link: FamilyLinkDocument, status: FamilyLinkStatus): string {
  switch (status) {
    case 'pending':
      return link.invitation?.method === 'sms'
        ? '等待确认：请输入家人收到的短信验证码'
        : '等待确认：请提醒家人在穗警通“我的家人”中确认';
    case 'active':
      return link.kind === 'minor' ? '已生效，可作为监护人代为办理' : '已生效，可代为办理';
    case 'declined':
      return '对方已拒绝授权';
    case 'expired':
      return link.status === 'active'
        ? `已满 ${FAMILY_MINOR_UNDER_AGE} 周岁，需由其本人授权，请按成年家人重新添加`
        : '邀请已过期，可重新添加';
    case 'withdrawn':
      return '对方已撤回授权';
    case 'removed':
      return '已移除';
  }
}

function proofText(link: FamilyLinkDocument, status: FamilyLinkStatus): string {
  if (link.proof) return PROOF_TEXT[link.proof as FamilyProof];
  if (status !== 'pending') return '未确认';
  return link.invitation?.method === 'sms'
    ? `验证码已发送至户籍登记的手机 ${link.invitation.phoneMasked ?? ''}`.trim()
    : '等待本人在穗警通中确认';
}

export function relationText(relation: string): string {
  return FAMILY_RELATION_TEXT[relation as FamilyRelation];
}

/** A member as the actor sees them: masked name, how they are linked, and what they may do. */
export function toFamilyMember(link: FamilyLinkDocument, now: Date, today: string): FamilyMember {
  const status = effectiveStatus(link, now, today);
  const age = ageOn(link.memberBirthDate, today);
  const invitation = status === 'pending' ? link.invitation : null;
  return {
    memberId: link._id,
    nameMasked: link.memberNameMasked,
    idNumberMasked: link.memberIdNumberMasked,
    relation: link.relation as FamilyRelation,
    relationText: relationText(link.relation),
    kind: age < FAMILY_MINOR_UNDER_AGE ? 'minor' : 'adult',
    age,
    status,
    statusText: statusText(link, status),
    proofText: proofText(link, status),
    ...(link.activatedAt && status === 'active' ? { since: link.activatedAt.toISOString() } : {}),
    ...(invitation
      ? {
          invitation: {
            method: invitation.method as 'sms' | 'account',
            ...(invitation.phoneMasked ? { phoneMasked: invitation.phoneMasked } : {}),
            expiresAt: invitation.expiresAt.toISOString(),
          },
        }
      : {}),
  };
}

export function toFamilyInvitation(link: FamilyLinkDocument): FamilyInvitation {
  return {
    invitationId: link._id,
    fromNameMasked: link.actorNameMasked,
    relationText: relationText(link.relation),
    createdAt: link.createdAt.toISOString(),
    expiresAt: (link.invitation?.expiresAt ?? link.createdAt).toISOString(),
  };
}

export function toFamilyAuthorisation(link: FamilyLinkDocument): FamilyAuthorisation {
  return {
    authorisationId: link._id,
    actorNameMasked: link.actorNameMasked,
    relationText: relationText(link.relation),
    kind: link.kind as 'minor' | 'adult',
    proofText: link.proof ? PROOF_TEXT[link.proof as FamilyProof] : '未确认',
    since: (link.activatedAt ?? link.createdAt).toISOString(),
  };
}
