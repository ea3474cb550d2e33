import type Router from '@koa/router';
import type { Middleware } from 'koa';
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { ErrorResponseSchema, IdempotencyKeySchema, type AssuranceRequirement } from '@suijing/shared';
import type { DataUse } from './assurance';
import { z } from 'zod';
import type { AppContext, AppState } from './context';
import type { StoredResponse } from './idempotency';
import { JsonBytes, sendJsonBytes } from './json-bytes';
import { parseInput } from './validation';

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
}

/** Where a component registers its routes: the API router, the OpenAPI registry and the path prefix. */
export interface ApiRoutes {
  router: Router<AppState>;
  registry: OpenAPIRegistry;
  prefix: string;
}

type RouteHandler<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType, R> = (
  ctx: AppContext,
  input: RouteInput<z.output<B>, z.output<Q>, z.output<P>>,
) => Promise<R>;

interface RouteBase<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
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
    /** For an answer that is not JSON (a PDF, an image): the media types it comes in, documented as binary. */
    mediaTypes?: readonly string[];
    description: string;
    headers?: Record<string, { description: string; example?: string }>;
  };
  /**
   * Statuses this route answers beyond those defineRoute documents by itself (see
   * commonStatuses): 429 where a rate limit applies, 409 for a state conflict, 422 ...
   * With the error body, or with one of their own (readiness answers 503 with its checks).
   */
  errors?: Array<number | { status: number; description: string; schema: z.ZodType }>;
  /**
   * The body is one file in a multipart/form-data field (the route reads the stream itself,
   * within maxBytes; a larger file is 413, another content type 415).
   */
  upload?: { field: string; maxBytes: number; mediaTypes: readonly string[] };
  /** Answers without MongoDB or any upstream (liveness): no 503 to document. */
  selfContained?: boolean;
  /** Middleware that runs before validation (auth, rate limits). */
  before?: Middleware<AppState>[];
}

export type RouteDefinition<
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
> = RouteBase<B, Q, P> &
  (
    | { idempotent?: false; handler: RouteHandler<B, Q, P, unknown> }
    | {
        /**
         * A submission that happens once per Idempotency-Key header (IdempotencyKeySchema, required;
         * the service reads it with idempotencyKeyOf). Documents the header, 409 while the first is in
         * flight and 422 for a key reused with another request. The handler answers the stored
         * response (IdempotencyStore.run), whose status a repeat gets too.
         */
        idempotent: true;
        handler: RouteHandler<B, Q, P, StoredResponse<unknown>>;
      }
  );

/** What the handler answers; a stored submission answer also sets its status. */
async function answerOf<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(
  def: RouteDefinition<B, Q, P>,
  ctx: AppContext,
  input: RouteInput<z.output<B>, z.output<Q>, z.output<P>>,
): Promise<unknown> {
  if (!def.idempotent) return def.handler(ctx, input);
  const stored = await def.handler(ctx, input);
  ctx.status = stored.status;
  return stored.body;
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
  409: '当前状态不允许 (a conflict; SUBMISSION_IN_PROGRESS while the same Idempotency-Key is in flight)',
  413: '内容过大 (BODY_TOO_LARGE: JSON over 64 KB, or a file over its limit)',
  415: '请求格式不受支持 (UNSUPPORTED_MEDIA_TYPE: a body that is not the documented content type)',
  422: '提交标识已用于另一份请求 (IDEMPOTENCY_KEY_REUSED)',
  429: '过于频繁 (a rate limit; Retry-After says when to try again)',
  503: '依赖的系统暂不可用 (DATABASE_UNAVAILABLE or UPSTREAM_UNAVAILABLE)',
};

/** Headers an error answer carries, by status (set by the error handler). */
const ERROR_HEADERS: Record<number, ResponseConfig['headers']> = {
  401: { 'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string' } } },
  429: {
    'Retry-After': {
      description: 'Seconds until the same request may succeed',
      schema: { type: 'string', pattern: '^\\d+$' },
    },
  },
};

const WRITES = new Set<Method>(['post', 'put', 'patch']);

/**
 * The statuses every route of a kind can answer, from what the shared middleware does:
 * 400 for input (and malformed JSON); 401 without a valid login and 403 below the
 * route's level; 404 for a path naming nothing; 413 and 415 from the body parser for any
 * write (it refuses a body too large or not JSON before the route runs); 409 and 422 for
 * a submission keyed by Idempotency-Key; 503 when MongoDB or an upstream is unreachable.
 */
function commonStatuses(def: {
  method: Method;
  assurance: AssuranceRequirement;
  params?: unknown;
  idempotent?: boolean;
  selfContained?: boolean;
}): number[] {
  const level = def.assurance.level;
  return [
    400,
    ...(level !== 'none' ? [401] : []),
    ...(level === 'L2' || level === 'L3' ? [403] : []),
    ...(def.params ? [404] : []),
    ...(def.idempotent ? [409, 422] : []),
    ...(WRITES.has(def.method) ? [413, 415] : []),
    ...(def.selfContained ? [] : [503]),
  ];
}

/** The Idempotency-Key header as the submissions check it (idempotencyKeyOf). */
const IdempotencyHeaders = z.object({
  'Idempotency-Key': IdempotencyKeySchema.describe(
    'Chosen by the client for one submission (a UUID is typical) and sent again with every retry of it: ' +
      'a repeat answers the first answer, never a second submission.',
  ),
});

/**
 * A query whose fields depend on each other (its meta says `dependentRequired`, checked by a
 * refinement) as the one thing OpenAPI can state that with: a single form-exploded object
 * parameter (`?lat=..&lng=..`, as before) whose schema carries the rule. Other queries are
 * one parameter per field.
 */
function queryParameters(query: z.ZodType): Pick<RouteConfig, 'parameters'> & { request?: { query: z.ZodObject } } {
  const meta = z.globalRegistry.get(query);
  if (!meta?.['dependentRequired']) return query instanceof z.ZodObject ? { request: { query } } : {};
  const { $schema: _dialect, ...schema } = z.toJSONSchema(query, { io: 'input', unrepresentable: 'any' });
  const parameter = {
    in: 'query',
    name: 'query',
    style: 'form',
    explode: true,
    description: 'The query fields, each its own `name=value` (this object is how OpenAPI states rules across them)',
    schema,
  };
  // zod's JSON Schema (draft 2020-12) is OpenAPI 3.1's schema dialect.
  return { parameters: [parameter] as RouteConfig['parameters'] };
}

/** The multipart body of an upload route: one file in one field, nothing else. */
function uploadBody(upload: NonNullable<RouteDefinition['upload']>): NonNullable<RouteConfig['request']>['body'] {
  const megabytes = Math.round(upload.maxBytes / 1048576);
  return {
    required: true,
    description: `One file (${upload.mediaTypes.join(', ')} by its content), at most ${megabytes} MB (${upload.maxBytes} bytes).`,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: {
            [upload.field]: {
              type: 'string',
              format: 'binary',
              contentMediaType: 'application/octet-stream',
              description: `At most ${upload.maxBytes} bytes`,
            },
          },
          required: [upload.field],
          additionalProperties: false,
        },
        encoding: { [upload.field]: { contentType: upload.mediaTypes.join(', ') } },
      },
    },
  };
}

/**
 * Registers a route on the router and the same schemas in the OpenAPI registry,
 * so the documentation can never drift from what is validated.
 */
export function defineRoute<
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>({ router, registry, prefix }: ApiRoutes, def: RouteDefinition<B, Q, P>): void {
  const auth = def.assurance.level !== 'none';
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
  const binary = def.response.mediaTypes?.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]);
  const responses: RouteConfig['responses'] = {
    [def.response.status]: def.response.schema
      ? {
          description: def.response.description,
          ...headers,
          content: { 'application/json': { schema: def.response.schema } },
        }
      : binary
        ? { description: def.response.description, ...headers, content: Object.fromEntries(binary) }
        : { description: def.response.description, ...headers },
  };
  const byRule = commonStatuses(def);
  const restated = (def.errors ?? []).filter((error) => typeof error === 'number' && byRule.includes(error));
  if (restated.length > 0) {
    throw new Error(`${def.method.toUpperCase()} ${def.path}: ${restated.join(', ')} documented by rule already`);
  }
  const statuses = [...byRule, ...(def.errors ?? [])].sort(
    (a, b) => (typeof a === 'number' ? a : a.status) - (typeof b === 'number' ? b : b.status),
  );
  for (const error of statuses) {
    const status = typeof error === 'number' ? error : error.status;
    const errorHeaders = ERROR_HEADERS[status];
    responses[status] =
      typeof error === 'number'
        ? {
            description: ERROR_DESCRIPTIONS[status] ?? 'Error',
            ...(errorHeaders ? { headers: errorHeaders } : {}),
            content: { 'application/json': { schema: ErrorResponseSchema } },
          }
        : { description: error.description, content: { 'application/json': { schema: error.schema } } };
  }
  const query = def.query ? queryParameters(def.query) : {};
  registry.registerPath({
    method: def.method,
    path: prefix + def.path,
    summary: def.summary,
    description: describeAssurance(def.assurance),
    tags: def.tags,
    'x-assurance': def.assurance,
    ...(auth ? { security: [{ bearerAuth: [] }] } : {}),
    ...(query.parameters ? { parameters: query.parameters } : {}),
    request: {
      ...(def.body ? { body: { content: { 'application/json': { schema: def.body } }, required: true } } : {}),
      ...(def.upload ? { body: uploadBody(def.upload) } : {}),
      ...(query.request ?? {}),
      ...(def.params && def.params instanceof z.ZodObject ? { params: def.params } : {}),
      ...(def.idempotent ? { headers: IdempotencyHeaders } : {}),
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
    const result = await answerOf(def, ctx, input);
    if (def.dataUse) {
      const record = ctx.state.recordDataUse;
      if (!record) throw new Error(`${def.method} ${def.path} records data use without requireAuth`);
      await record(def.dataUse);
    }
    if (def.response.status === 204) return;
    if (result instanceof JsonBytes) {
      sendJsonBytes(ctx, result);
    } else {
      ctx.body = result;
    }
  };
  router[def.method](routerPath(def.path), ...(def.before ?? []), handle);
}
