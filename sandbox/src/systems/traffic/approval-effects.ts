import type { CaseDecided, SandboxEvents } from '../../core/events';
import { catalogSeed } from '../catalog';
import { downgradedClasses } from './downgrade';
import { releaseMortgage } from './mortgage';
import type { TrafficBook } from './traffic-book';

/** The catalog items whose approval changes a 车驾管 record, by their names in the catalog. */
export const DOWNGRADE_ITEM_NAME = '机动车驾驶证自愿降低准驾车型换证';
export const RELEASE_ITEM_NAME = '机动车解除抵押登记';

/** The item code of a catalog item by its exact name (the codes are derived from data keys, so not hard-coded). */
export function itemCodeNamed(name: string): string {
  const matches = catalogSeed().items.filter((item) => item.sxmc === name);
  const only = matches[0];
  if (matches.length !== 1 || !only)
    throw new Error(`traffic: expected one catalog item named ${name}, found ${matches.length}`);
  return only.sxbm;
}

function formText(formData: CaseDecided['formData'], key: string): string {
  const value = formData[key];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * What the 车管所 does once the approval system grants (05) or delivers
 * (07) these cases: 自愿降级 swaps the class on the licence; 解除抵押 drops
 * dybj and uses up the lender's release record. Both are idempotent (07
 * follows 05), and a form that does not match the record changes nothing,
 * as staff would have caught it.
 */
export function applyApprovalEffects(events: SandboxEvents, book: TrafficBook): () => void {
  const downgradeItem = itemCodeNamed(DOWNGRADE_ITEM_NAME);
  const releaseItem = itemCodeNamed(RELEASE_ITEM_NAME);
  return events.on('caseDecided', (event) => {
    if (event.status === '06') return;
    const file = book.file(event.sfzmhm);
    if (!file) return;
    if (event.sxbm === downgradeItem) {
      const licence = file.licence;
      const pair = book.tables.downgrades.find((candidate) => candidate.mbcx === formText(event.formData, 'jjcx'));
      if (!licence || !pair || licence.dabh !== formText(event.formData, 'dabh')) return;
      const xzjcx = downgradedClasses(licence.zjcx, pair, book.tables.classes);
      if (xzjcx !== undefined) licence.zjcx = xzjcx;
    } else if (event.sxbm === releaseItem) {
      const hphm = formText(event.formData, 'hphm').toUpperCase();
      const hpzl = formText(event.formData, 'hpzl');
      const vin = formText(event.formData, 'clsbdh').toUpperCase();
      const vehicle = file.vehicles.find(
        (candidate) =>
          candidate.hphm === hphm && candidate.hpzl === hpzl && (vin === '' || candidate.clsbdh.endsWith(vin)),
      );
      if (vehicle?.dybj === '1') releaseMortgage(vehicle);
    }
  });
}
