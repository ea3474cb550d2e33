import type { SearchFamily, SearchHit } from '@suijing/shared';

/** How search answers read on screen; pure, so the wording is tested without rendering. */

export const KIND_LABEL: Record<SearchHit['kind'], string> = { item: '事项', package: '一件事' };

/** One key per hit across pages (an item and a package may share a code). */
export function hitKey(hit: SearchHit): string {
  return hit.kind === 'item' ? `item:${hit.item.code}` : `package:${hit.package.code}`;
}

/** "普通护照 · 3 种情形". */
export function familyLabel(family: SearchFamily): string {
  return `${family.name} · ${family.situationCount} 种情形`;
}

/** The toggle under a family's best variant: how many other variants match too. */
export function variantsToggleText(family: SearchFamily, open: boolean): string {
  return open ? '收起其他情形' : `另有 ${family.matched.length} 种情形相符，展开查看`;
}

export function resultCountText(total: number): string {
  return `找到 ${total} 个相关结果`;
}

/**
 * "已按“宝宝”“户口”为您查找": the words the search kept, when they differ
 * from what was typed (so the person sees why 我要给宝宝上户口 found 出生登记).
 */
export function understoodText(query: string, terms: string[]): string | null {
  if (terms.length === 0) return null;
  if (terms.join('') === query.replace(/\s+/g, '')) return null;
  return `已按${terms.map((term) => `“${term}”`).join('')}为您查找`;
}

export interface TextPart {
  text: string;
  /** A character the person typed: shown in the accent colour. */
  match: boolean;
}

/**
 * Splits a suggestion into runs of typed and untyped characters. Character
 * by character, not substring: suggestions also come from pinyin and
 * everyday words, and "宝宝上户口" should still light up the 户 of 新生儿入户.
 */
export function highlightParts(text: string, typed: string): TextPart[] {
  const wanted = new Set(Array.from(typed.replace(/\s+/g, '').toLowerCase()));
  const parts: TextPart[] = [];
  for (const char of Array.from(text)) {
    const match = wanted.has(char.toLowerCase());
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += char;
    else parts.push({ text: char, match });
  }
  return parts;
}
