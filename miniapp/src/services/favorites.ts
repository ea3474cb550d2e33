import type { Favorite, FavoriteListResponse } from '@suijing/shared';
import { apiRequest } from './api-client';

/** My favourite items (收藏). Every call needs a logged-in user. */

const path = (code: string): string => `/api/v1/favorites/${encodeURIComponent(code)}`;

export function listFavorites(): Promise<FavoriteListResponse> {
  return apiRequest<FavoriteListResponse>({ path: '/api/v1/favorites' });
}

export function fetchFavorite(code: string): Promise<Favorite> {
  return apiRequest<Favorite>({ path: path(code) });
}

/** Idempotent on the server: favouriting twice keeps one favourite. */
export function addFavorite(code: string): Promise<Favorite> {
  return apiRequest<Favorite>({ method: 'PUT', path: path(code) });
}

export function removeFavorite(code: string): Promise<Favorite> {
  return apiRequest<Favorite>({ method: 'DELETE', path: path(code) });
}
