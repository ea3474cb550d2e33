import type { FamilyMember, ItemGuide } from '@suijing/shared';
import { fetchItemGuide, listItems } from '@/services/catalog';
import { mayActFor } from '../../utils/family-text';

/** What families most often file for each other: 户籍证明, 居住登记 and 居住证, 户口簿. */
const SEARCHES = ['户籍证明', '居住证', '居民户口簿'];
const MAX_ITEMS = 6;

/**
 * The common items this member may be acted for on: found by name in the
 * catalog, kept when their guide allows 代办 for them (a child on 'minors'
 * and 'family' items, an adult on 'family' ones).
 */
export async function actingItems(member: Pick<FamilyMember, 'kind' | 'status'>): Promise<ItemGuide[]> {
  const lists = await Promise.all(SEARCHES.map((q) => listItems({ q, pageSize: 4 })));
  const codes = [...new Set(lists.flatMap((list) => list.items.map((item) => item.code)))];
  const guides = await Promise.all(codes.map((code) => fetchItemGuide(code).then((answer) => answer.item)));
  return guides.filter((item) => mayActFor(item.onBehalf, member)).slice(0, MAX_ITEMS);
}
