import type { IncomingMessage } from 'node:http';
import type { Context } from 'koa';

/**
 * The frame of a system's own web page (a cashier, an authorisation page): what
 * differs between systems is their look and what their forms may post to.
 */
export interface PageFrame {
  /** The Content-Security-Policy: no scripts and nothing from elsewhere; forms as the page needs. */
  csp: string;
  /** The page's whole stylesheet, inline (the CSP allows nothing else). */
  style: string;
  /** HTML above the page's main part (a platform's banner), if any. */
  banner?: string;
}

/** Answers with a whole HTML page: `title` as its title and heading, `content` (HTML, escaped by the caller) under it. */
export function sendPage(ctx: Context, frame: PageFrame, status: number, title: string, content: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Content-Security-Policy', frame.csp);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${frame.style}</style></head>
<body>${frame.banner ?? ''}<main><h1>${escapeHtml(title)}</h1>
${content}
</main></body></html>`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A page's url-encoded form body (the sandbox's body parser reads JSON only);
 * undefined when it is another type or longer than `maxBytes`.
 */
export async function readForm(req: IncomingMessage, maxBytes: number): Promise<URLSearchParams | undefined> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) return undefined;
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
