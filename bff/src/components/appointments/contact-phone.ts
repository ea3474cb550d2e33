import { AppError } from '../../libraries/errors';
import type { UsersService } from '../users/users.service';

/** The account read through this instance's short cache: a booking should not cost a read of it. */
export type AccountPhones = Pick<UsersService, 'account'>;

/**
 * The phone the hall system texts (预约成功, 到厅提醒, 叫号): the one the
 * citizen typed for this booking or ticket, else the account's own, proven by
 * the SMS code at login. A WeChat account without a phone must type one.
 */
export async function contactPhone(users: AccountPhones, userId: string, given: string | undefined): Promise<string> {
  if (given) return given;
  const phone = (await users.account(userId))?.phone;
  if (phone) return phone;
  throw new AppError({
    code: 'VALIDATION_FAILED',
    fields: [{ path: 'phone', message: '您的账号未绑定手机号，请填写接收短信通知的手机号码' }],
  });
}
