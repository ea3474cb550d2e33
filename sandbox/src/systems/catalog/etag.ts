import type { Context } from 'koa';

/**
 * The catalog versions its lists by bbh: the ETag is the quoted bbh, and a
 * client that sends it back in If-None-Match gets 304 with no body, which is
 * how the BFF's periodic sync stays cheap. Returns true when 304 was sent.
 */
export function answeredNotModified(ctx: Context, bbh: string): boolean {
  const etag = `"${bbh}"`;
  ctx.set('ETag', etag);
  const header = ctx.get('If-None-Match');
  if (!header) return false;
  // A list of tags, possibly weak (W/"..."), or "*".
  const matches = header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
  if (matches) {
    ctx.status = 304;
    ctx.body = null;
  }
  return matches;
}
