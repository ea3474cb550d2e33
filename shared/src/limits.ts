/**
 * Limits of the API that the mini-program applies too (dependency-free, so
 * it can import them at runtime through '@suijing/shared/limits').
 */

export const ITEM_CODE_PATTERN = /^[0-9A-Z]{12,40}$/;
export const PACKAGE_CODE_PATTERN = /^YJS[0-9A-Z]{3,20}$/;
/** The largest page the item list returns. */
export const MAX_PAGE_SIZE = 50;
/** The page size when none is asked for. */
export const DEFAULT_PAGE_SIZE = 20;
/** Longest search query accepted (an English phrase runs longer than Chinese); longer text is not a search. */
export const MAX_QUERY_LENGTH = 60;
/** How many favourites one user may keep. */
export const MAX_FAVORITES = 200;
/** Most suggestions offered while typing. */
export const MAX_SUGGESTIONS = 8;
