import { upsertRacing } from '../../libraries/database';
import type { SmsCodeDocument, SmsCodeModels } from './sms-code.model';

export class SmsCodesRepository {
  constructor(private readonly models: SmsCodeModels) {}

  /** A new code replaces the previous one. */
  async replace(phone: string, code: Omit<SmsCodeDocument, '_id'>): Promise<void> {
    await upsertRacing(() => this.models.SmsCode.replaceOne({ _id: phone }, code, { upsert: true }).exec());
  }

  find(phone: string): Promise<SmsCodeDocument | null> {
    return this.models.SmsCode.findById(phone).lean<SmsCodeDocument>().exec();
  }
}
