/**
 * An Idempotency-Key: 32 characters of [A-Za-z0-9], random enough that two
 * attempts never share one (the BFF accepts 8-64 of [A-Za-z0-9_-]).
 */
export function newIdempotencyKey(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const time = Date.now().toString(36);
  let out = time;
  while (out.length < 32) out += alphabet[Math.floor(random() * alphabet.length)] ?? 'x';
  return out;
}
