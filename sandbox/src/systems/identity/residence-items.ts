import type { ResidenceAction } from '@suijing/shared';
import { catalogSeed } from '../catalog';

/** The catalog items the population system acts on: the 居住证 ones (by the shared rules' action) and 居住登记's. */
export type ResidenceItemKind = ResidenceAction | 'register' | 'move' | 'deregister' | 'register-tenant';

/** Their exact names in the catalog (the codes derive from data keys, so they are looked up, not hard-coded). */
export const RESIDENCE_ITEM_NAMES: Readonly<Record<ResidenceItemKind, string>> = {
  apply: '居住证申领',
  endorse: '居住证签注',
  reissue: '居住证补领',
  renew: '居住证换领',
  register: '居住登记申报',
  move: '居住登记变更',
  deregister: '居住登记注销',
  'register-tenant': '出租屋居住登记代为申报',
};

let byCode: ReadonlyMap<string, ResidenceItemKind> | undefined;

function codes(): ReadonlyMap<string, ResidenceItemKind> {
  if (byCode) return byCode;
  const items = catalogSeed().items;
  const map = new Map<string, ResidenceItemKind>();
  for (const [kind, name] of Object.entries(RESIDENCE_ITEM_NAMES) as [ResidenceItemKind, string][]) {
    const matches = items.filter((item) => item.sxmc === name);
    const only = matches[0];
    if (matches.length !== 1 || !only) throw new Error(`residence: expected one catalog item named ${name}`);
    map.set(only.sxbm, kind);
  }
  byCode = map;
  return map;
}

/** What a case of this item does to a residence file, if anything. */
export function residenceItemKind(sxbm: string): ResidenceItemKind | undefined {
  return codes().get(sxbm);
}

/** The item code of a kind (tests and the console). */
export function residenceItemCode(kind: ResidenceItemKind): string {
  for (const [code, candidate] of codes()) if (candidate === kind) return code;
  throw new Error(`residence: no item for ${kind}`);
}

export function isPermitAction(kind: ResidenceItemKind): kind is ResidenceAction {
  return kind === 'apply' || kind === 'endorse' || kind === 'reissue' || kind === 'renew';
}
