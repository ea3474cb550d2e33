import type { ExpandedItem } from './expand-items';
import { seedUpdateTime } from './item-codes';
import { lookup } from './lookup';
import type { PackageMemberRecord, PackageRecord } from './records';
import type { CatalogTables, PackageMemberSource, PackageSource } from './tables';

/**
 * The 一件事 packages with their members resolved: police members point at
 * items of this catalog (by family key and situation), the others carry
 * their own department's code.
 */
export function expandPackages(tables: CatalogTables, items: readonly ExpandedItem[]): PackageRecord[] {
  const byRef = new Map(items.map((item) => [item.ref, item.record]));
  const seen = new Set<string>();
  return tables.packages.map((source) => {
    if (seen.has(source.yjsbm)) throw new Error(`catalog data: package ${source.yjsbm} defined twice`);
    seen.add(source.yjsbm);
    return expandPackage(tables, byRef, source);
  });
}

function expandPackage(
  tables: CatalogTables,
  byRef: ReadonlyMap<string, ExpandedItem['record']>,
  source: PackageSource,
): PackageRecord {
  const where = `package ${source.yjsbm}`;
  const { meta } = tables;
  const lead = meta.departments[source.qtbm] ?? lookup(meta.agencies, source.qtbm, 'lead department', where);
  return {
    yjsbm: source.yjsbm,
    yjsmc: source.yjsmc,
    yjsms: source.yjsms,
    shsj: source.shsj ? { dm: source.shsj, mc: lookup(meta.lifeEvents, source.shsj, 'life event', where) } : null,
    qtbm: lead.mc,
    cnbjsx: String(source.cn),
    dxcs: String(source.dx),
    // Packages are national templates: numbered with "、" as the provincial portal does.
    slxz: source.tj.map((text, index) => `${index + 1}、${text}`).join('\n'),
    zxdh: source.zxdh,
    cyx: source.cyx.map((member, index) => memberRecord(tables, byRef, member, index + 1, where)),
    gxsj: seedUpdateTime(meta.fbsj, source.yjsbm),
  };
}

function memberRecord(
  tables: CatalogTables,
  byRef: ReadonlyMap<string, ExpandedItem['record']>,
  member: PackageMemberSource,
  xh: number,
  where: string,
): PackageMemberRecord {
  if ('ga' in member) {
    const item = byRef.get(member.ga);
    if (!item) throw new Error(`catalog data: ${where} refers to unknown item ${member.ga}`);
    return { xh: String(xh), sxbm: item.sxbm, sxmc: item.sxmc, blbm: item.ssjg, sfga: '1' };
  }
  const department = lookup(tables.meta.departments, member.b, 'department', where);
  if (!/^\d{13}$/.test(member.dm))
    throw new Error(`catalog data: ${where} member code "${member.dm}" is not 13 digits`);
  return { xh: String(xh), sxbm: `${department.uscc}${member.dm}`, sxmc: member.mc, blbm: department.mc, sfga: '0' };
}
