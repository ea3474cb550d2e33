import { isRecord } from './input';
import { MAX_LATENCY_MS, NO_FAULTS, type FaultConfig } from './faults';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const KNOWN_KEYS = new Set(['latencyMs', 'errorRate', 'down', 'malformed']);

/**
 * Reads a PUT /sandbox/faults/:system body strictly: an unknown key such as
 * "latency" is an error rather than silently ignored, so a test never runs
 * believing it injected a fault it did not.
 */
export function parseFaultConfig(body: unknown): Parsed<FaultConfig> {
  if (!isRecord(body)) return { ok: false, error: 'body must be a JSON object' };
  const unknown = Object.keys(body).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0) return { ok: false, error: `unknown field(s): ${unknown.join(', ')}` };
  const config: FaultConfig = { ...NO_FAULTS };
  const { latencyMs, errorRate, down, malformed } = body;
  if (latencyMs !== undefined) {
    if (typeof latencyMs !== 'number' || !Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
      return { ok: false, error: `latencyMs must be an integer from 0 to ${MAX_LATENCY_MS}` };
    }
    config.latencyMs = latencyMs;
  }
  if (errorRate !== undefined) {
    if (typeof errorRate !== 'number' || !(errorRate >= 0 && errorRate <= 1)) {
      return { ok: false, error: 'errorRate must be a number from 0 to 1' };
    }
    config.errorRate = errorRate;
  }
  if (down !== undefined) {
    if (typeof down !== 'boolean') return { ok: false, error: 'down must be a boolean' };
    config.down = down;
  }
  if (malformed !== undefined) {
    if (typeof malformed !== 'boolean') return { ok: false, error: 'malformed must be a boolean' };
    config.malformed = malformed;
  }
  return { ok: true, value: config };
}
