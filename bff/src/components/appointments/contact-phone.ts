import { AppError } from '../../libraries/errors';
import type { UsersRepository } from '../users/users.repository';

export type AccountPhones = Pick<UsersRepository, 'findById'>;

/**
 * The phone the hall system texts (预约成功, 到厅提醒, 叫号): the one the
 * citizen typed for this booking or ticket, else the account's own, proven by
 * the SMS code at login. A WeChat account without a phone must type one.
 */
export async function contactPhone(users: AccountPhones, userId: string, given: string | undefined): Promise<string> {
  if (given) return given;
  const phone = (await users.findById(userId))?.phone;
  if (phone) return phone;
  throw new AppError({
    code: 'VALIDATION_FAILED',
    fields: [{ path: 'phone', message: '您的账号未绑定手机号，请填写接收短信通知的手机号码' }],
  });
}
