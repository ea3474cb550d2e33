/** pageNo/pageSize as the sync interface takes them: defaults 1 and 20, at most 100 rows a page. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Page {
  pageNo: number;
  pageSize: number;
}

/**
 * The page asked for, or undefined when a parameter is not a positive whole
 * number (repeated parameters, "1.5", "0", "abc", pageSize over the limit):
 * the system then answers 1002 rather than guessing.
 */
export function parsePage(query: Readonly<Record<string, unknown>>): Page | undefined {
  const pageNo = positiveInt(query['pageNo'], 1);
  const pageSize = positiveInt(query['pageSize'], DEFAULT_PAGE_SIZE);
  if (pageNo === undefined || pageSize === undefined || pageSize > MAX_PAGE_SIZE) return undefined;
  return { pageNo, pageSize };
}

function positiveInt(value: unknown, fallback: number): number | undefined {
  if (value === undefined || value === '') return fallback;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return undefined;
  const parsed = Number(value);
  return parsed >= 1 ? parsed : undefined;
}

/** The rows of one page (empty past the end). */
export function pageSlice<T>(rows: readonly T[], page: Page): T[] {
  const start = (page.pageNo - 1) * page.pageSize;
  return rows.slice(start, start + page.pageSize);
}
