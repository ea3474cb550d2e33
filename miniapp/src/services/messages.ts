import type { MessageList } from '@suijing/shared';
import { apiRequest } from './api-client';

/** 消息中心: case progress notices. */

export function listMessages(): Promise<MessageList> {
  return apiRequest<MessageList>({ path: '/api/v1/messages' });
}

export function markMessageRead(id: string): Promise<void> {
  return apiRequest<void>({ method: 'POST', path: `/api/v1/messages/${encodeURIComponent(id)}/read` });
}
