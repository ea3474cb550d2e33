import { useEffect } from 'react';
import type { ELicenceCard } from '@suijing/shared';
import { useRefreshed } from '@/hooks/useRefreshed';
import { messageOf } from '@/services/api-error';
import { stepUpOf, type StepUp } from '@/utils/assurance';

/** After a failed refresh, try again this soon (the QR code is about to expire). */
export const RETRY_AFTER_SECONDS = 10;
/** Never refresh more often than this, whatever the BFF says. */
const MIN_REFRESH_SECONDS = 5;

export interface RefreshingCard {
  card: ELicenceCard;
  refreshing: boolean;
  /** Why the last refresh failed; the card shown is the previous one. */
  failure: string | null;
  /**
   * The QR needs a step first (本人认证 within 5 minutes, once that has run
   * out): refreshing stops and the person is asked to check again.
   */
  stepUp: StepUp | null;
  /** Fetches a new card now (the 刷新 button). */
  refresh: () => void;
}

/**
 * The e-card, fetched again every `qr.refreshAfterSeconds` so the signed QR
 * payload an officer scans is always fresh. The previous card stays on screen
 * while a new one loads, and a failed refresh is retried soon.
 */
export function useRefreshingCard(initial: ELicenceCard, fetch: () => Promise<ELicenceCard>): RefreshingCard {
  const { value: card, refreshing, error, refresh } = useRefreshed(initial, fetch);
  const failure = error === null ? null : messageOf(error);
  const stepUp = error === null ? null : stepUpOf(error);

  // A timer per card shown (and per failure): a new card restarts the countdown.
  useEffect(() => {
    // Asking again would only get the same answer until the person has checked again.
    if (refreshing || stepUp) return undefined;
    const seconds = failure ? RETRY_AFTER_SECONDS : Math.max(MIN_REFRESH_SECONDS, card.qr.refreshAfterSeconds);
    const timer = setTimeout(refresh, seconds * 1000);
    return () => clearTimeout(timer);
  }, [card, failure, refreshing, stepUp, refresh]);

  return { card, refreshing, failure, stepUp, refresh };
}
