/** A case that ended without a certificate: its paid fee is refunded. */
export interface CaseEnding {
  caseNo: string;
  how: 'withdrawn' | 'rejected';
}

type Listener = (ending: CaseEnding) => Promise<void>;

/**
 * Where the applications component (a withdrawal) and the approval webhook
 * (08 撤回, 06 不予许可) say that a case ended, and the payments component
 * listens: created before both, so neither depends on payments.
 */
export class CaseEndings {
  private readonly listeners: Listener[] = [];

  listen(listener: Listener): void {
    this.listeners.push(listener);
  }

  async ended(ending: CaseEnding): Promise<void> {
    for (const listener of this.listeners) await listener(ending);
  }
}
