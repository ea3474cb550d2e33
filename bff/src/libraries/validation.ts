import { z } from 'zod';
import { AppError, type FieldIssue } from './errors';

/** zod's own wording (for checks the contract schemas give no message of their own) in Chinese, as citizens read it. */
const CHINESE = z.locales.zhCN().localeError;

/** Each issue with the field it is about; an issue about the whole input names the input (body, query). */
function issuesOf(error: z.ZodError, where: string): Array<FieldIssue & { root: boolean }> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || `(${where})`,
    root: issue.path.length === 0,
    message: issue.code === 'unrecognized_keys' ? `不支持的字段：${issue.keys.join('、')}` : issue.message,
  }));
}

/** Parses input with a contract schema; a failure is a 400 that names each wrong field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input, { error: CHINESE });
  if (result.success) return result.data;
  const issues = issuesOf(result.error, where);
  const fields = issues.map(({ path, message }) => ({ path, message }));
  const first = issues[0];
  const place = !first
    ? ''
    : first.root
      ? where === 'body'
        ? ''
        : where
      : where === 'body'
        ? first.path
        : `${where}: ${first.path}`;
  const message = first ? `${first.message}${place ? `（${place}）` : ''}` : undefined;
  throw new AppError({ code: 'VALIDATION_FAILED', fields, ...(message ? { message } : {}) });
}
