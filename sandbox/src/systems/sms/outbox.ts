export interface SentSms {
  msgId: string;
  mobile: string;
  templateId: string;
  text: string;
  params: Record<string, string>;
  /** ISO instant on the sandbox clock. */
  sentAt: string;
}

/** Every message the gateway "delivered", so tests and the demo can read the code a phone received. */
export class Outbox {
  private readonly sent: SentSms[] = [];

  add(message: SentSms): void {
    this.sent.push(message);
  }

  /** Newest first, optionally for one mobile. */
  list(mobile?: string): SentSms[] {
    return this.sent.filter((message) => mobile === undefined || message.mobile === mobile).reverse();
  }

  clear(): void {
    this.sent.length = 0;
  }
}
