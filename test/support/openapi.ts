import type { TestStack } from './stack';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch';

export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'delete', 'patch'];

/** The parts of an OpenAPI 3.1 schema object the suites look at. */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaObject>;
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  allOf?: SchemaObject[];
  required?: string[];
  pattern?: string;
  format?: string;
  dependentRequired?: Record<string, string[]>;
}

/** A parameter: path, query (one per field, or one form-exploded object) or header. */
export interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: SchemaObject;
}

/** What a route declares of its caller (shared ASSURANCE). */
export interface AssuranceDeclaration {
  level: 'none' | 'L1' | 'L2' | 'L3';
  withinSeconds?: number;
}

export interface OperationObject {
  security?: unknown[];
  'x-assurance'?: AssuranceDeclaration;
  parameters?: ParameterObject[];
  requestBody?: { description?: string; content?: Record<string, { schema?: SchemaObject }> };
  responses?: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  components?: { schemas?: Record<string, SchemaObject>; securitySchemes?: Record<string, unknown> };
}

/** One method of one path of the document. */
export interface Operation {
  method: HttpMethod;
  path: string;
  /** Needs a Bearer token. */
  auth: boolean;
  /** The level the route declares (undefined: it declares none, which the trust suite refuses). */
  assurance: AssuranceDeclaration | undefined;
  /** Names of the {params} in the path. */
  params: string[];
  body: SchemaObject | undefined;
  /** Documented response statuses. */
  statuses: number[];
}

/** "GET /api/v1/items/{code}": how suites name an operation. */
export function operationKey(op: { method: string; path: string }): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

/** The document the app serves (not a copy): what a client or an attacker reads. */
export async function fetchOpenApi(stack: TestStack): Promise<OpenApiDocument> {
  const res = await stack.api().get('/openapi.json').expect(200);
  return res.body as OpenApiDocument;
}

/** Every operation of the document. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    HTTP_METHODS.flatMap((method) => {
      const op = methods[method];
      if (!op) return [];
      return [
        {
          method,
          path,
          auth: Boolean(op.security?.length),
          assurance: op['x-assurance'],
          params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''),
          body: op.requestBody?.content?.['application/json']?.schema,
          statuses: Object.keys(op.responses ?? {}).map(Number),
        },
      ];
    }),
  );
}

/** Follows a local "#/components/schemas/X" reference. */
export function resolveSchema(doc: OpenApiDocument, schema: SchemaObject): SchemaObject {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved schema reference ${schema.$ref}`);
  return resolveSchema(doc, target);
}
