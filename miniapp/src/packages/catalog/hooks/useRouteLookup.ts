import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { useAsync } from '@/hooks/useAsync';
import { ApiError, type ApiErrorCode } from '@/services/api-error';
import { routeParam } from '@/utils/navigation';

/** A missing item or package is an answer, not a failure: no retry button for it. */
export type Lookup<T> = { found: true; response: T } | { found: false };

async function lookUp<T>(
  code: string,
  fetch: (code: string) => Promise<T>,
  notFound: ApiErrorCode,
): Promise<Lookup<T>> {
  if (code === '') return { found: false };
  try {
    return { found: true, response: await fetch(code) };
  } catch (error) {
    if (error instanceof ApiError && (error.code === notFound || error.code === 'VALIDATION_FAILED')) {
      return { found: false };
    }
    throw error;
  }
}

/**
 * Loads what the page's `code` route parameter names. A missing or malformed
 * code, or the BFF's `notFound` answer, resolves as not found; other failures
 * stay errors (with a retry).
 */
export function useRouteLookup<T>(
  fetch: (code: string) => Promise<T>,
  notFound: ApiErrorCode,
): ReturnType<typeof useAsync<Lookup<T>>> {
  const code = routeParam(useRouter().params, 'code');
  const load = useCallback(() => lookUp(code, fetch, notFound), [code, fetch, notFound]);
  return useAsync(load);
}
