import type { LegacyError } from '../../legacy/envelope';

/** The catalog system's result codes (legacy envelope; 9999/9001 come from LEGACY_ERRORS). */
export const CATALOG_ERRORS = {
  BAD_PAGE: { code: '1002', msg: '分页参数错误' },
  ITEM_NOT_FOUND: { code: '2001', msg: '事项不存在' },
  PACKAGE_NOT_FOUND: { code: '2002', msg: '一件事不存在' },
} as const satisfies Record<string, LegacyError>;
