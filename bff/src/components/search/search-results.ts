import type { SearchHit } from '@suijing/shared';
import type { SearchTarget } from '../catalog/catalog';

/**
 * Ranked documents as the person sees them: the variants of one family
 * become one result at the place of the best of them, with the others
 * listed under it ("普通护照 · 3 种情形"); packages stand alone.
 */
export function groupByFamily(ranked: readonly SearchTarget[], familySizes: ReadonlyMap<string, number>): SearchHit[] {
  const hits: SearchHit[] = [];
  const families = new Map<string, Extract<SearchHit, { kind: 'item' }>>();
  for (const target of ranked) {
    if (target.kind === 'package') {
      hits.push({ kind: 'package', package: target.package });
      continue;
    }
    const { item } = target;
    const group = families.get(item.family);
    if (group?.family) {
      group.family.matched.push(item);
      continue;
    }
    const size = familySizes.get(item.family) ?? 1;
    const hit: Extract<SearchHit, { kind: 'item' }> = {
      kind: 'item',
      item,
      ...(size > 1 ? { family: { name: item.family, situationCount: size, matched: [] } } : {}),
    };
    families.set(item.family, hit);
    hits.push(hit);
  }
  return hits;
}
