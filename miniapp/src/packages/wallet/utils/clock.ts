const pad = (n: number): string => String(n).padStart(2, '0');

/** 2026-11-28 16:00:00: the live watermark over a card. */
export function clockText(now: Date): string {
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ` +
    `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`
  );
}
