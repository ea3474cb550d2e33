import type { Session, SessionList } from '@suijing/shared';
import { apiRequest } from './api-client';

/** The devices logged in to this account. */
export async function listSessions(): Promise<Session[]> {
  const body = await apiRequest<SessionList>({ path: '/api/v1/sessions' });
  return body.items;
}

export function revokeSession(id: string): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: `/api/v1/sessions/${encodeURIComponent(id)}` });
}
