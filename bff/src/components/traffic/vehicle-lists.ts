import type { TrafficFreshness, VehicleSummary } from '@suijing/shared';
import { JsonWithField, type JsonBytes } from '../../libraries/json-bytes';
import type { VehicleRecord } from '../../upstreams/traffic/traffic.types';

/** One person's list as the mini-program shows it (masked, ids opaque), counted from `today`. */
export type VehicleListView = (records: readonly VehicleRecord[], idHash: string, today: string) => VehicleSummary[];

/**
 * 我的车辆 as the bytes sent. A person's list is built, masked and encoded once per their
 * cached records (the records array the per-person cache holds) and day, and the freshness is
 * appended again only when it changes (once a second). Keyed by that array, it is never
 * shared between people and goes when the person's cached records go (refreshed, forgotten
 * or evicted), so it needs no bound of its own beyond theirs.
 */
export class VehicleLists {
  private readonly lists = new WeakMap<
    readonly VehicleRecord[],
    { idHash: string; today: string; answer: JsonWithField }
  >();

  constructor(private readonly view: VehicleListView) {}

  answer(records: readonly VehicleRecord[], idHash: string, today: string, freshness: TrafficFreshness): JsonBytes {
    let list = this.lists.get(records);
    if (list?.today !== today || list.idHash !== idHash) {
      list = { idHash, today, answer: new JsonWithField({ items: this.view(records, idHash, today) }, 'freshness') };
      this.lists.set(records, list);
    }
    return list.answer.with(freshness);
  }
}
