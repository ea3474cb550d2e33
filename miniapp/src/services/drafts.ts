import type { Draft } from '@suijing/shared';
import type { FormData } from '@suijing/shared/forms';
import { ApiError } from './api-error';
import { apiRequest } from './api-client';

/** Drafts of application forms, kept on the server so they resume on any device. */

/** An item's draft: mine, or with `memberId` the one I keep for a family member (代办). */
const path = (itemCode: string, memberId?: string): string =>
  `/api/v1/drafts/${encodeURIComponent(itemCode)}${memberId ? `?memberId=${encodeURIComponent(memberId)}` : ''}`;

/** My draft of an item (or the member's), or null when there is none. */
export async function fetchDraft(itemCode: string, memberId?: string): Promise<Draft | null> {
  try {
    return await apiRequest<Draft>({ path: path(itemCode, memberId) });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'DRAFT_NOT_FOUND') return null;
    throw error;
  }
}

export function saveDraft(itemCode: string, data: FormData, formVersion: string, memberId?: string): Promise<Draft> {
  return apiRequest<Draft>({ method: 'PUT', path: path(itemCode, memberId), data: { data, formVersion } });
}

export function deleteDraft(itemCode: string, memberId?: string): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: path(itemCode, memberId) });
}
