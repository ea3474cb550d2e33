import type { Context } from 'koa';

/** Errors of the /sandbox control API: plain and explicit, it is a developer tool. */
export function controlError(ctx: Context, status: number, code: string, message: string): void {
  ctx.status = status;
  ctx.body = { error: { code, message } };
}
