import { pinyin } from 'pinyin-pro';

export interface PinyinKey {
  /** Toneless syllables run together: "huzhao". */
  full: string;
  /** First letters: "hz". */
  initials: string;
}

/** The reading of Chinese text as people type it on a Latin keyboard (ü typed as v). */
export function pinyinKey(text: string): PinyinKey {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true });
  return { full: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
}
