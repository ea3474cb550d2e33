import type { IncomingMessage, ServerResponse } from 'node:http';
import { leaksIn } from './log-audit';

/** Routes whose whole point is to show the person their own numbers in full (after a fresh in-person check). */
const SHOWS_IN_FULL = ['/api/v1/identity/full', '/api/v1/me/export'];

type Callback = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Wraps the app's request handler so that every API answer it writes is kept
 * for the audit: a full ID number or phone in any response (but the two that
 * exist to show them) is a leak, as it would be in a log line.
 */
export function auditResponses(callback: Callback, answers: string[]): Callback {
  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith('/api/') || SHOWS_IN_FULL.some((path) => url.startsWith(path))) return callback(req, res);
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const keep = (chunk: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return write(chunk, ...rest);
    }) as ServerResponse['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'function') keep(chunk);
      answers.push(`${req.method ?? ''} ${url.split('?')[0] ?? ''} -> ${Buffer.concat(chunks).toString('utf8')}`);
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
    return callback(req, res);
  };
}

/** Full ID numbers and phones in the kept answers (tokens are expected there: the login answers carry them). */
export function personalNumbersIn(answers: readonly string[]): string[] {
  return leaksIn(answers).filter((leak) => leak.startsWith('ID number') || leak.startsWith('phone'));
}
