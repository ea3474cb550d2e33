import type { z } from 'zod';
import { AppError, type FieldIssue } from './errors';

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.code === 'unrecognized_keys' ? `不支持的字段：${issue.keys.join('、')}` : issue.message,
  }));
}

/** Parses input with a contract schema; a failure is a 400 that names each wrong field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = issuesOf(result.error);
  const first = fields[0];
  const message = first ? `${first.message}（${where === 'body' ? '' : `${where}: `}${first.path}）` : undefined;
  throw new AppError({ code: 'VALIDATION_FAILED', fields, ...(message ? { message } : {}) });
}
