import { useMemo } from 'react';
import type { ApplicationForm, FamilyMember, FormField, IdentityStatus } from '@suijing/shared';
import { useAuth } from '@/hooks/useAuth';
import { lockedIdentity, lockedNote } from '../utils/locked-identity';

/**
 * A form's locked identity fields for the signed-in person, or for the
 * family member it is filed for (their name; my phone as the contact): their
 * text by key, the keys (not sent, not checked here), and the note under each.
 */
export function useLockedIdentity(
  form: ApplicationForm,
  identity: IdentityStatus,
  member: FamilyMember | null = null,
): { locked: Record<string, string>; lockedKeys: ReadonlySet<string>; hint: (field: FormField) => string | undefined } {
  const phoneMasked = useAuth().user?.phoneMasked ?? null;
  const nameMasked = member ? member.nameMasked : identity.nameMasked;
  const idNumberMasked = member ? member.idNumberMasked : identity.idNumberMasked;
  const forMember = member !== null;
  return useMemo(() => {
    const shown = {
      ...(nameMasked !== undefined ? { nameMasked } : {}),
      ...(idNumberMasked !== undefined ? { idNumberMasked } : {}),
      phoneMasked,
    };
    const locked = lockedIdentity(form, shown);
    const hint = (field: FormField): string | undefined =>
      locked[field.key] === undefined ? undefined : lockedNote(field.identity, forMember);
    return { locked, lockedKeys: new Set(Object.keys(locked)), hint };
  }, [form, nameMasked, idNumberMasked, phoneMasked, forMember]);
}
