import { useMemo } from 'react';
import type { ApplicationForm, FormField, IdentityStatus } from '@suijing/shared';
import { useAuth } from '@/hooks/useAuth';
import { lockedIdentity, lockedNote } from '../utils/locked-identity';

/**
 * A form's locked identity fields for the signed-in person: their text by
 * key, the keys (not sent, not checked here), and the note under each.
 */
export function useLockedIdentity(
  form: ApplicationForm,
  identity: IdentityStatus,
): { locked: Record<string, string>; lockedKeys: ReadonlySet<string>; hint: (field: FormField) => string | undefined } {
  const phoneMasked = useAuth().user?.phoneMasked ?? null;
  const { nameMasked, idNumberMasked } = identity;
  return useMemo(() => {
    const locked = lockedIdentity(form, { nameMasked, idNumberMasked, phoneMasked });
    const hint = (field: FormField): string | undefined =>
      locked[field.key] === undefined ? undefined : lockedNote(field.identity);
    return { locked, lockedKeys: new Set(Object.keys(locked)), hint };
  }, [form, nameMasked, idNumberMasked, phoneMasked]);
}
