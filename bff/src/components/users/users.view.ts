import type { LoginMethod, User } from '@suijing/shared';
import { maskPhone } from '@suijing/shared/masking';
import type { UserDocument } from './user.model';

/** What a user may see of their own account: the phone only masked. */
export function toUserView(user: UserDocument, loginMethod: LoginMethod): User {
  return {
    id: user._id,
    phoneMasked: user.phone ? maskPhone(user.phone) : null,
    loginMethod,
    realNameStatus: user.realNameStatus,
    createdAt: user.createdAt.toISOString(),
  };
}
