import { createHash } from 'node:crypto';
import cors from '@koa/cors';
import helmet from 'koa-helmet';
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
 * Security headers; the CSP allows only our own origin (Swagger UI and the H5
 * build are self-hosted) plus the exact inline scripts we ship, by hash.
 */
export function securityHeaders(scriptHashes: string[] = []): Middleware<AppState> {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...scriptHashes],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  }) as Middleware<AppState>;
}

/** CORS for listed origins only; same-origin requests (the served H5 build) need no header. */
export function corsAllowlist(origins: string[]): Middleware<AppState> {
  const allowed = new Set(origins);
  return cors({
    origin: (ctx) => {
      const origin = ctx.get('origin');
      if (allowed.has(origin)) return origin;
      return '';
    },
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  }) as Middleware<AppState>;
}

/** Write requests must be JSON: anything else is refused before a parser sees it. */
export function requireJsonBodies(): Middleware<AppState> {
  return async (ctx, next) => {
    const hasBody = ctx.request.length > 0 || ctx.get('transfer-encoding') !== '';
    if (['POST', 'PUT', 'PATCH'].includes(ctx.method) && hasBody && !ctx.is('application/json')) {
      throw new AppError({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    await next();
  };
}
