import type { WalletShareCreated, WalletShareRequest } from '@suijing/shared';
import { createShare } from '@/services/wallet';
import { submitOnce } from '@/utils/submit-attempt';

/** 出示, with the attempt's Idempotency-Key: a retry of the same request gets the link already made. */
export function shareItem(request: WalletShareRequest, retryDelayMs = 1000): Promise<WalletShareCreated> {
  return submitOnce('walletShare', request, (key) => createShare(request, key), retryDelayMs);
}
