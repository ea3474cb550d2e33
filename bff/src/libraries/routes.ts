import type Router from '@koa/router';
import type { Middleware } from 'koa';
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { ErrorResponseSchema, type AssuranceRequirement } from '@suijing/shared';
import type { DataUse } from './assurance';
import { z } from 'zod';
import type { AppContext, AppState } from './context';
import { JsonBytes } from './json-bytes';
import { parseInput } from './validation';

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
}

export interface RouteDefinition<
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
> {
  method: Method;
  /** Path in OpenAPI style, e.g. /sessions/{id}; converted for the router. */
  path: string;
  summary: string;
  tags: string[];
  /**
   * The identity assurance the caller needs (shared ASSURANCE): none, an
   * account, 实名 or 实人 within a time. L1 and above also need `requireAuth`
   * in `before`; the OpenAPI document shows it as `x-assurance`.
   */
  assurance: AssuranceRequirement;
  /** A read of the caller's personal data this route makes: recorded in their 个人信息使用记录 when it succeeds. */
  dataUse?: DataUse;
  body?: B;
  query?: Q;
  params?: P;
  /** The success response: status and schema (none for 204), and any header it always carries. */
  response: {
    status: 200 | 201 | 204;
    schema?: z.ZodType;
    description: string;
    headers?: Record<string, { description: string; example?: string }>;
  };
  /** Extra error statuses worth documenting beside the common ones. */
  errors?: number[];
  /** Middleware that runs before validation (auth, rate limits). */
  before?: Middleware<AppState>[];
  handler: (ctx: AppContext, input: RouteInput<z.output<B>, z.output<Q>, z.output<P>>) => Promise<unknown>;
}

function routerPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}

/** The route's level in words, first in its OpenAPI description. */
function describeAssurance(required: AssuranceRequirement): string {
  const within = required.withinSeconds === undefined ? '' : ` within ${required.withinSeconds} s on this session`;
  const words = {
    none: 'public',
    L1: 'an account',
    L2: '实名 (verified identity)',
    L3: `实人 (in-person check${within})`,
  };
  return `Assurance: ${required.level === 'none' ? 'none' : required.level}, ${words[required.level]}.`;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '输入有误 (VALIDATION_FAILED and others)',
  401: '未登录或登录失效',
  403: '无权访问，或需要更高的认证等级 (ASSURANCE_REQUIRED with `required`)',
  404: '未找到',
  413: '内容过大',
  429: '过于频繁',
  503: '依赖的系统暂不可用',
};

/**
 * Registers a route on the router and the same schemas in the OpenAPI registry,
 * so the documentation can never drift from what is validated.
 */
export function defineRoute<
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>(router: Router<AppState>, registry: OpenAPIRegistry, prefix: string, def: RouteDefinition<B, Q, P>): void {
  const auth = def.assurance.level !== 'none';
  const stepUp = def.assurance.level === 'L2' || def.assurance.level === 'L3';
  const errorStatuses = new Set([400, ...(auth ? [401] : []), ...(stepUp ? [403] : []), ...(def.errors ?? [])]);
  const headers = def.response.headers
    ? {
        headers: Object.fromEntries(
          Object.entries(def.response.headers).map(([name, header]) => [
            name,
            { description: header.description, schema: { type: 'string' as const, example: header.example } },
          ]),
        ),
      }
    : {};
  const responses: RouteConfig['responses'] = {
    [def.response.status]: def.response.schema
      ? {
          description: def.response.description,
          ...headers,
          content: { 'application/json': { schema: def.response.schema } },
        }
      : { description: def.response.description, ...headers },
  };
  for (const status of errorStatuses) {
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/json': { schema: ErrorResponseSchema } },
    };
  }
  registry.registerPath({
    method: def.method,
    path: prefix + def.path,
    summary: def.summary,
    description: describeAssurance(def.assurance),
    tags: def.tags,
    'x-assurance': def.assurance,
    ...(auth ? { security: [{ bearerAuth: [] }] } : {}),
    request: {
      ...(def.body ? { body: { content: { 'application/json': { schema: def.body } }, required: true } } : {}),
      ...(def.query && def.query instanceof z.ZodObject ? { query: def.query } : {}),
      ...(def.params && def.params instanceof z.ZodObject ? { params: def.params } : {}),
    },
    responses,
  });

  const handle: Middleware<AppState> = async (ctx) => {
    if (auth) {
      const assure = ctx.state.assure;
      if (!assure) throw new Error(`${def.method} ${def.path} declares ${def.assurance.level} without requireAuth`);
      await assure(def.assurance);
    }
    const input = {
      body: def.body ? parseInput(def.body, ctx.request.body ?? {}, 'body') : undefined,
      query: def.query ? parseInput(def.query, ctx.query, 'query') : undefined,
      params: def.params ? parseInput(def.params, ctx.params, 'params') : undefined,
    } as RouteInput<z.output<B>, z.output<Q>, z.output<P>>;
    // Set first so a handler may still choose another status (readiness answers 503 with a body).
    ctx.status = def.response.status;
    const result = await def.handler(ctx, input);
    if (def.dataUse) {
      const record = ctx.state.recordDataUse;
      if (!record) throw new Error(`${def.method} ${def.path} records data use without requireAuth`);
      await record(def.dataUse);
    }
    if (def.response.status === 204) return;
    if (result instanceof JsonBytes) {
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = result.bytes;
    } else {
      ctx.body = result;
    }
  };
  router[def.method](routerPath(def.path), ...(def.before ?? []), handle);
}
