import { useEffect } from 'react';
import type { ResidencePermitCard } from '@suijing/shared';
import { useRefreshed } from '@/hooks/useRefreshed';
import { messageOf } from '@/services/api-error';
import { stepUpOf, type StepUp } from '@/utils/assurance';

/** After a failed refresh, try again this soon (the QR code is about to expire). */
export const RETRY_AFTER_SECONDS = 10;
/** Never refresh more often than this, whatever the BFF says. */
const MIN_REFRESH_SECONDS = 5;

export interface RefreshingCard {
  card: ResidencePermitCard;
  refreshing: boolean;
  /** Why the last refresh failed; the card shown is the previous one. */
  failure: string | null;
  /** The QR needs a fresh 本人认证 first: refreshing stops and the person is asked to check again. */
  stepUp: StepUp | null;
  refresh: () => void;
}

/**
 * The 电子居住证, fetched again every `qr.refreshAfterSeconds` so the sealed
 * QR payload a verifier scans is always fresh. A card without a QR (the
 * permit is suspended or expired) is not refreshed: nothing on it runs out.
 */
export function useRefreshingCard(
  initial: ResidencePermitCard,
  fetch: () => Promise<ResidencePermitCard>,
): RefreshingCard {
  const { value: card, refreshing, error, refresh } = useRefreshed(initial, fetch);
  const failure = error === null ? null : messageOf(error);
  const stepUp = error === null ? null : stepUpOf(error);

  useEffect(() => {
    if (refreshing || stepUp || (!card.qr && !failure)) return undefined;
    const seconds = failure
      ? RETRY_AFTER_SECONDS
      : Math.max(MIN_REFRESH_SECONDS, card.qr?.refreshAfterSeconds ?? MIN_REFRESH_SECONDS);
    const timer = setTimeout(refresh, seconds * 1000);
    return () => clearTimeout(timer);
  }, [card, failure, refreshing, stepUp, refresh]);

  return { card, refreshing, failure, stepUp, refresh };
}
