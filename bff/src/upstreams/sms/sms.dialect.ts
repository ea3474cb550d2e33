import { z } from 'zod';
import { legacyEnvelope } from '../legacy-envelope';

/** The gateway's legacy envelope: code "0000" is success. */
export const SmsSendResponseSchema = legacyEnvelope(z.object({ msgId: z.string() }));

export const SMS_CODES = { OK: '0000', AUTH_FAILED: '1001', BAD_MOBILE: '2001', FLOW_CONTROL: '3001' } as const;
