import { z } from 'zod';

export const MessageSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['case-progress', 'account-security']),
    caseNo: z.string().optional(),
    title: z.string(),
    body: z.string(),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof MessageSchema>;

export const MessageListSchema = z
  .object({ items: z.array(MessageSchema), unread: z.number().int() })
  .meta({ id: 'MessageList' });
export type MessageList = z.infer<typeof MessageListSchema>;

export const MessageIdParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) }).strict();
