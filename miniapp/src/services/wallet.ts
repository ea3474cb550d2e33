import type {
  ShareVerifyRequest,
  ShareVerifyResult,
  Wallet,
  WalletItem,
  WalletShare,
  WalletShareCreated,
  WalletShareList,
  WalletShareRequest,
} from '@suijing/shared';
import { apiRequest } from './api-client';

/**
 * 证照夹: every certificate I hold, and 出示 (a scoped, time-limited link a
 * verifier opens) with its record. The verifier's check is public (no login).
 */

const itemPath = (id: string): string => `/api/v1/wallet/items/${encodeURIComponent(id)}`;

/** Each source degrades alone: a system that did not answer is named in `unavailable`. */
export function fetchWallet(): Promise<Wallet> {
  return apiRequest<Wallet>({ path: '/api/v1/wallet' });
}

/** One certificate by its opaque id; 404 WALLET_ITEM_NOT_FOUND. */
export function fetchWalletItem(id: string): Promise<WalletItem> {
  return apiRequest<WalletItem>({ path: itemPath(id) });
}

/**
 * 出示: a link showing only the chosen fields until it expires. The same
 * `idempotencyKey` for retries of one attempt; 409 WALLET_ITEM_NOT_SHOWABLE
 * when the certificate is not valid.
 */
export function createShare(request: WalletShareRequest, idempotencyKey: string): Promise<WalletShareCreated> {
  return apiRequest<WalletShareCreated>({
    method: 'POST',
    path: '/api/v1/wallet/shares',
    data: { ...request },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/** 出示记录: my links, their state and who checked them when. */
export function listShares(): Promise<WalletShareList> {
  return apiRequest<WalletShareList>({ path: '/api/v1/wallet/shares' });
}

/** Ends a link at once (204); 404 SHARE_NOT_FOUND. */
export function revokeShare(share: Pick<WalletShare, 'shareId'>): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: `/api/v1/wallet/shares/${encodeURIComponent(share.shareId)}` });
}

/** The verifier's check of a link (no login): 200 with `result` for every outcome. */
export function verifyShare(request: ShareVerifyRequest): Promise<ShareVerifyResult> {
  return apiRequest<ShareVerifyResult>({
    method: 'POST',
    path: '/api/v1/verify/shares',
    data: { ...request },
    auth: false,
  });
}
