import type { Clock } from '../../libraries/clock';
import type { Logger } from '../../libraries/logger';
import type { CaseChange } from '../../upstreams/approval/approval.types';
import type { ApplicationsRepository } from '../applications/applications.repository';
import { STATUS_TEXT, toApplicationDetail } from '../applications/case-view';
import type { MessagesService } from '../messages/messages.service';
import { caseNotice, type SubscribeNotifier } from '../messages/subscribe-notices';
import type { CaseEndings } from '../payments/case-endings';
import { caseMessageBody } from './case-message';

export interface ApprovalEventsDeps {
  applications: ApplicationsRepository;
  messages: MessagesService;
  /** Subscribe messages for WeChat users who accepted the template: progress, 补正, the decision. */
  notifier: SubscribeNotifier;
  clock: Clock;
  logger: Logger;
  /** Told when a case is withdrawn (08) or refused (06): a fee paid for it is refunded. */
  caseEndings: Pick<CaseEndings, 'ended'>;
}

/**
 * A case changed in the approval system: keep our view current and tell
 * its owner. Safe to receive twice (the message id is the event id) and out
 * of order (a view with fewer steps never replaces a newer one).
 */
export class ApprovalEventsService {
  constructor(private readonly deps: ApprovalEventsDeps) {}

  async receive(change: CaseChange): Promise<{ accepted: true }> {
    const view = toApplicationDetail(change.case);
    const stored = await this.deps.applications.update(view);
    if (!stored) {
      // Not a case filed through us (or not yet recorded): nothing to attach it to.
      this.deps.logger.warn({ caseNo: change.caseNo, eventId: change.eventId }, 'approval event for an unknown case');
      return { accepted: true };
    }
    if (change.status === 'withdrawn' || change.status === 'rejected') {
      await this.deps.caseEndings.ended({ caseNo: change.caseNo, how: change.status });
    }
    // A case of a closed account (注销账号) is kept current, but there is no account left to tell.
    if (stored.accountClosedAt) return { accepted: true };
    const statusText = STATUS_TEXT[change.status];
    const body = caseMessageBody(change, statusText);
    const now = this.deps.clock.now();
    const added = await this.deps.messages.add({
      _id: `approval_${change.eventId}`,
      userId: stored.userId,
      kind: 'case-progress',
      caseNo: change.caseNo,
      title: `${view.itemName}：${statusText}`,
      body,
      createdAt: now,
    });
    // Only for a first delivery of the event: a redelivery must not notify twice.
    if (added) {
      await this.deps.notifier.notify(stored.userId, caseNotice(change, view.itemName, statusText, body, now));
    }
    return { accepted: true };
  }
}
