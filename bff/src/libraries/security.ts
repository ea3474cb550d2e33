import { createHash } from 'node:crypto';
import cors from '@koa/cors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { Middleware } from 'koa';
import type { AppState } from './context';
import { AppError } from './errors';

/** CSP sources for the inline scripts of a page we serve (Taro's H5 index.html sets the root font size inline). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    hashes.push(
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
    );
  }
  return hashes;
}

/**
 * Runs helmet once against a recording response and returns the headers it
 * sets. Our policy is the same for every response (no per-request nonces), so
 * computing it per request, as koa-helmet does, only costs throughput.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => {
      headers[name] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return headers;
}

/**
 * JSON answers carry personal data and are never rendered: the OWASP REST set,
 * with no-store so no cache or shared device keeps a copy.
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Security headers: the short API set under apiPrefix, helmet's full set for
 * pages, whose CSP allows only our own origin (Swagger UI and the H5 build are
 * self-hosted) plus the exact inline scripts we ship, by hash.
 */
export function securityHeaders(options: {
  apiPrefix: string;
  scriptHashes: string[];
  connectSources?: string[];
}): Middleware<AppState> {
  const pageHeaders = helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...options.scriptHashes],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", ...(options.connectSources ?? [])],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const apiPath = `${options.apiPrefix}/`;
  // Not async: passing next's promise on saves a promise per request.
  return (ctx, next) => {
    ctx.set(ctx.path.startsWith(apiPath) ? API_HEADERS : pageHeaders);
    return next();
  };
}

/** CORS for listed origins only; same-origin requests (the served H5 build) need no header. */
export function corsAllowlist(origins: string[]): Middleware<AppState> {
  const allowed = new Set(origins);
  const listed = cors({
    origin: (ctx) => ctx.get('origin'),
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  }) as Middleware<AppState>;
  return (ctx, next) => {
    if (allowed.has(ctx.get('origin'))) return listed(ctx, next);
    // No origin or one not listed (most requests): what @koa/cors does then, without its async steps.
    ctx.vary('Origin');
    return next();
  };
}

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Write requests must be JSON: anything else is refused before the parser sees
 * it; requests without a body skip the parser altogether (most traffic is reads).
 */
export function jsonBodies(parser: Middleware<AppState>, uploadPaths: readonly string[] = []): Middleware<AppState> {
  const uploads = new Set(uploadPaths);
  return (ctx, next) => {
    if (!WRITES.has(ctx.method)) return next();
    // Upload routes read their multipart stream themselves, with their own limits.
    if (uploads.has(ctx.path) && ctx.is('multipart/form-data')) return next();
    const hasBody = ctx.request.length > 0 || ctx.get('transfer-encoding') !== '';
    if (hasBody && !ctx.is('application/json')) throw new AppError({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    return parser(ctx, next);
  };
}
