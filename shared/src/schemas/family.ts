import { z } from 'zod';
import { isValidSmsCode } from '../validators';
import { IdNumberSchema, PersonNameSchema } from './identity';

/** How many members (pending or active) one person may act for: a household's children, parents and spouse. */
export const MAX_FAMILY_MEMBERS = 8;

/** Under this age a child is added by a guardian; from it on they authorise it themselves (our rule for 代办). */
export const FAMILY_MINOR_UNDER_AGE = 16;

export const FamilyLinkIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,32}$/, '编号不正确')
  .describe('A family link: the member seen by the actor, the invitation or authorisation seen by the member');
export const FamilyMemberIdParamsSchema = z.object({ memberId: FamilyLinkIdSchema }).strict();
export const FamilyInvitationIdParamsSchema = z.object({ invitationId: FamilyLinkIdSchema }).strict();
export const FamilyAuthorisationIdParamsSchema = z.object({ authorisationId: FamilyLinkIdSchema }).strict();

export const ChildRelationSchema = z.enum(['son', 'daughter', 'ward']).describe('儿子 / 女儿 / 被监护人');
export const AdultRelationSchema = z
  .enum(['parent', 'spouse', 'child', 'sibling', 'other'])
  .describe('父母 / 配偶 / 子女 / 兄弟姐妹 / 其他亲属');
export const FamilyRelationSchema = z.enum([...ChildRelationSchema.options, ...AdultRelationSchema.options]);
export type FamilyRelation = z.infer<typeof FamilyRelationSchema>;

export const FAMILY_RELATION_TEXT: Readonly<Record<FamilyRelation, string>> = {
  son: '儿子',
  daughter: '女儿',
  ward: '被监护人',
  parent: '父母',
  spouse: '配偶',
  child: '子女',
  sibling: '兄弟姐妹',
  other: '其他亲属',
};

export const FamilyMemberKindSchema = z
  .enum(['minor', 'adult'])
  .describe('minor: under 16, acted for by the guardian; adult: authorised it themselves');

export const FamilyLinkStatusSchema = z
  .enum(['pending', 'active', 'declined', 'expired', 'removed', 'withdrawn'])
  .describe(
    'pending: waiting for the member; active: may act; declined: the member said no; expired: the invitation ran ' +
      'out, or a child added as a minor turned 16; removed: by me; withdrawn: by the member',
  );
export type FamilyLinkStatus = z.infer<typeof FamilyLinkStatusSchema>;

export const FamilyProofSchema = z
  .enum(['birth-certificate', 'household', 'member-account', 'sms'])
  .describe(
    'How the link was proven: 出生医学证明, 户口簿, the member in their own account, an SMS code to their phone',
  );
export type FamilyProof = z.infer<typeof FamilyProofSchema>;

export const FamilyConsentMethodSchema = z
  .enum(['sms', 'account'])
  .describe('sms: a code to the phone the register holds for them; account: they confirm in their own 穗警通');

export const AddChildRequestSchema = z
  .object({ name: PersonNameSchema, idNumber: IdNumberSchema, relation: ChildRelationSchema })
  .strict()
  .meta({ id: 'AddChildRequest' });
export type AddChildRequest = z.infer<typeof AddChildRequestSchema>;

export const AddAdultRequestSchema = z
  .object({
    name: PersonNameSchema,
    idNumber: IdNumberSchema,
    relation: AdultRelationSchema,
    method: FamilyConsentMethodSchema,
  })
  .strict()
  .meta({ id: 'AddAdultRequest' });
export type AddAdultRequest = z.infer<typeof AddAdultRequestSchema>;

export const ConfirmMemberRequestSchema = z
  .object({
    code: z.string().trim().refine(isValidSmsCode, { message: '请输入 6 位数字验证码' }).meta({ pattern: '^\\d{6}$' }),
  })
  .strict()
  .meta({ id: 'ConfirmMemberRequest' });
export type ConfirmMemberRequest = z.infer<typeof ConfirmMemberRequestSchema>;

export const FamilyMemberSchema = z
  .object({
    memberId: FamilyLinkIdSchema,
    nameMasked: z.string().describe('张*'),
    idNumberMasked: z.string().describe('4401**********1234: shown in the forms filed for them'),
    relation: FamilyRelationSchema,
    relationText: z.string().describe('儿子, 父母 …'),
    kind: FamilyMemberKindSchema,
    age: z.number().int().min(0),
    status: FamilyLinkStatusSchema,
    statusText: z.string(),
    proofText: z.string().describe('How the link was proven, or how it is waiting to be'),
    since: z.iso.datetime().optional().describe('When it became active'),
    invitation: z
      .object({
        method: FamilyConsentMethodSchema,
        phoneMasked: z.string().optional().describe('The register phone the code went to, masked'),
        expiresAt: z.iso.datetime(),
      })
      .optional()
      .describe('While pending'),
  })
  .meta({ id: 'FamilyMember' });
export type FamilyMember = z.infer<typeof FamilyMemberSchema>;

export const FamilyListSchema = z
  .object({ members: z.array(FamilyMemberSchema), limit: z.number().int() })
  .meta({ id: 'FamilyList' });
export type FamilyList = z.infer<typeof FamilyListSchema>;

/** Someone asking to act for me, waiting for my answer. */
export const FamilyInvitationSchema = z
  .object({
    invitationId: FamilyLinkIdSchema,
    fromNameMasked: z.string(),
    relationText: z.string().describe('What they say I am to them: 父母, 配偶 …'),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'FamilyInvitation' });
export type FamilyInvitation = z.infer<typeof FamilyInvitationSchema>;

export const FamilyInvitationListSchema = z
  .object({ items: z.array(FamilyInvitationSchema) })
  .meta({ id: 'FamilyInvitationList' });
export type FamilyInvitationList = z.infer<typeof FamilyInvitationListSchema>;

/** Someone who may act for me now. */
export const FamilyAuthorisationSchema = z
  .object({
    authorisationId: FamilyLinkIdSchema,
    actorNameMasked: z.string(),
    relationText: z.string().describe('What they say I am to them'),
    kind: FamilyMemberKindSchema,
    proofText: z.string(),
    since: z.iso.datetime(),
  })
  .meta({ id: 'FamilyAuthorisation' });
export type FamilyAuthorisation = z.infer<typeof FamilyAuthorisationSchema>;

export const FamilyAuthorisationListSchema = z
  .object({ items: z.array(FamilyAuthorisationSchema) })
  .meta({ id: 'FamilyAuthorisationList' });
export type FamilyAuthorisationList = z.infer<typeof FamilyAuthorisationListSchema>;
