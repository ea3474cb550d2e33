import { useCallback, useEffect } from 'react';
import Taro from '@tarojs/taro';
import { useStore } from '@/hooks/useStore';
import type { Position } from '@/services/halls';
import { createStore } from '@/stores/create-store';

/**
 * Where the citizen is, asked once per run and shared by the 线下办事 pages
 * (list, recommendation, booking, stations), so moving between them never
 * asks again. Kept in memory only: a position is personal, and a stale one
 * from yesterday would sort the halls wrongly.
 */
export type PositionState =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'located'; position: Position }
  /** Refused, switched off or timed out: the pages fall back to choosing a district. */
  | { status: 'unavailable' };

export const positionStore = createStore<PositionState>({ status: 'idle' });

/** H5's geolocation may never answer (a prompt left open): give up and offer the districts. */
export const LOCATE_TIMEOUT_MS = 8000;

/**
 * The device's position, or null when it cannot be had. WeChat maps use
 * gcj02 (China's offset coordinates), as do the halls' coordinates; the
 * browser only knows wgs84, a few hundred metres off, which is fine for sorting.
 */
export async function locate(timeoutMs = LOCATE_TIMEOUT_MS): Promise<Position | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const ask = Taro.getLocation({ type: process.env.TARO_ENV === 'weapp' ? 'gcj02' : 'wgs84' }).then(
    (res) =>
      Number.isFinite(res.latitude) && Number.isFinite(res.longitude)
        ? { lat: res.latitude, lng: res.longitude }
        : null,
    () => null,
  );
  try {
    return await Promise.race([ask, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let inFlight: Promise<void> | null = null;

/** Asks for the position (once at a time); the store tells every page the outcome. */
export function requestPosition(): Promise<void> {
  if (!inFlight) {
    positionStore.set({ status: 'locating' });
    inFlight = locate()
      .then((position) => {
        positionStore.set(position ? { status: 'located', position } : { status: 'unavailable' });
      })
      .finally(() => {
        inFlight = null;
      });
  }
  return inFlight;
}

/** The shared position, asked for on first use; `retry` asks again (after a refusal). */
export function usePosition(): { state: PositionState; retry: () => void } {
  const state = useStore(positionStore);
  useEffect(() => {
    if (positionStore.get().status === 'idle') void requestPosition();
  }, []);
  const retry = useCallback(() => void requestPosition(), []);
  return { state, retry };
}

/** Tests only: forget the position between cases. */
export function resetPositionForTests(): void {
  inFlight = null;
  positionStore.set({ status: 'idle' });
}
