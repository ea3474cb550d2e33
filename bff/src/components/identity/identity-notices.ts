import { randomUUID } from 'node:crypto';
import { beijingMinute } from '@suijing/shared';
import type { Logger } from '../../libraries/logger';
import type { SmsClient } from '../../upstreams/sms/sms.client';
import type { MessagesService } from '../messages/messages.service';
import type { UsersRepository } from '../users/users.repository';

const PLATFORMS: Record<string, string> = { weapp: '微信小程序', h5: '浏览器', other: '其他设备' };

/** "微信小程序 · iPhone 15": the kind of device, never anything that identifies it. */
export function deviceLabel(device: { platform: string; model: string | null }): string {
  const kind = PLATFORMS[device.platform] ?? PLATFORMS.other;
  return device.model ? `${kind} · ${device.model.slice(0, 20)}` : (kind as string);
}

/**
 * Tells an account that its person was taken over by an in-person check on
 * another account: an SMS to its phone and a notice in its message centre.
 * Telling is best effort: a failed SMS never undoes the move (it is logged).
 */
export class IdentityNotices {
  constructor(
    private readonly deps: { users: UsersRepository; sms: SmsClient; messages: MessagesService; logger: Logger },
  ) {}

  async identityMoved(userId: string, move: { at: Date; device: { platform: string; model: string | null } }) {
    const time = beijingMinute(move.at);
    const device = deviceLabel(move.device);
    await this.deps.messages.add({
      _id: `identity-moved:${randomUUID()}`,
      userId,
      kind: 'account-security',
      title: '实名身份已换绑到其他账号',
      body: `您的实名身份已于 ${time} 在另一账号（${device}）通过本人认证换绑，本账号的登录已全部退出，车驾管等个人信息不再对本账号开放。如非本人操作，请立即拨打 12345 或 110。`,
      createdAt: move.at,
    });
    const user = await this.deps.users.findById(userId);
    if (!user?.phone) return;
    await this.deps.sms.sendIdentityMovedNotice(user.phone, { time, device }).catch((error: unknown) => {
      this.deps.logger.warn({ err: error }, 'identity-moved SMS not sent');
    });
  }
}
