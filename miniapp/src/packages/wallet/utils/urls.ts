import { ROUTES, withQuery } from '@/utils/navigation';

/** One certificate of the 证照夹 by its opaque id. */
export function walletItemUrl(id: string): string {
  return withQuery(ROUTES.walletItem, { id });
}

/** 出示 of one certificate: choose the fields, the time and the purpose. */
export function walletShareUrl(itemId: string): string {
  return withQuery(ROUTES.walletShare, { id: itemId });
}
