import type { SmsCodeDocument, SmsCodeModels } from './sms-code.model';

export class SmsCodesRepository {
  constructor(private readonly models: SmsCodeModels) {}

  /** A new code replaces the previous one and its failed attempts. */
  async replace(phone: string, codeHash: string, sentAt: Date, expiresAt: Date): Promise<void> {
    await this.models.SmsCode.replaceOne(
      { _id: phone },
      { codeHash, attempts: 0, sentAt, expiresAt },
      { upsert: true },
    );
  }

  /** Takes the code if it matches and is live: single use even when two logins race. */
  async consume(phone: string, codeHash: string, maxAttempts: number, now: Date): Promise<boolean> {
    const taken = await this.models.SmsCode.findOneAndDelete({
      _id: phone,
      codeHash,
      attempts: { $lt: maxAttempts },
      expiresAt: { $gt: now },
    }).lean<SmsCodeDocument>();
    return taken !== null;
  }

  /** Counts a wrong try; returns the code's state after it. */
  async recordFailure(phone: string, maxAttempts: number): Promise<SmsCodeDocument | null> {
    return this.models.SmsCode.findOneAndUpdate(
      { _id: phone, attempts: { $lt: maxAttempts } },
      { $inc: { attempts: 1 } },
      { returnDocument: 'after' },
    ).lean<SmsCodeDocument>();
  }

  find(phone: string): Promise<SmsCodeDocument | null> {
    return this.models.SmsCode.findById(phone).lean<SmsCodeDocument>().exec();
  }
}
