import type { Draft } from '@suijing/shared';
import type { FormData } from '@suijing/shared/forms';
import { ApiError } from './api-error';
import { apiRequest } from './api-client';

/** Drafts of application forms, kept on the server so they resume on any device. */

const path = (itemCode: string): string => `/api/v1/drafts/${encodeURIComponent(itemCode)}`;

/** My draft of an item, or null when there is none. */
export async function fetchDraft(itemCode: string): Promise<Draft | null> {
  try {
    return await apiRequest<Draft>({ path: path(itemCode) });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'DRAFT_NOT_FOUND') return null;
    throw error;
  }
}

export function saveDraft(itemCode: string, data: FormData, formVersion: string): Promise<Draft> {
  return apiRequest<Draft>({ method: 'PUT', path: path(itemCode), data: { data, formVersion } });
}

export function deleteDraft(itemCode: string): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: path(itemCode) });
}
