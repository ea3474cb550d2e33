import { z } from 'zod';

/** The gateway's legacy envelope: code "0000" is success. */
export const SmsSendResponseSchema = z.object({
  code: z.string(),
  msg: z.string().optional(),
  data: z.object({ msgId: z.string() }).nullish(),
});

export const SMS_CODES = { OK: '0000', AUTH_FAILED: '1001', BAD_MOBILE: '2001', FLOW_CONTROL: '3001' } as const;
