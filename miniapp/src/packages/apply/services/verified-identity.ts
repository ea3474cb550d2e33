import type { IdentityStatus } from '@suijing/shared';
import { realNameRequired } from '@/components/PersonalStates';
import { fetchIdentity } from '@/services/identity';

/** The verified identity an 在线办理 form fills from; a 实名认证 prompt instead when there is none. */
export async function verifiedIdentity(): Promise<IdentityStatus> {
  const identity = await fetchIdentity();
  if (identity.realNameStatus !== 'verified') throw realNameRequired();
  return identity;
}
