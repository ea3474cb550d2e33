import { hashString } from '../../core/prng';
import { expandItems } from './expand-items';
import { expandPackages } from './expand-packages';
import { RecordShelf } from './record-shelf';
import type { ItemRecord, PackageRecord } from './records';
import type { CatalogTables } from './tables';

export interface CatalogVersion {
  /** 版本号: publication day + a fingerprint of the content, so any change gives a new one. */
  bbh: string;
  /** 发布时间, yyyyMMddHHmmss. */
  fbsj: string;
}

/** The expanded seed: built once per sandbox, restored by reset(). */
export interface CatalogSeed {
  items: readonly ItemRecord[];
  packages: readonly PackageRecord[];
  fbsj: string;
}

export function buildSeed(tables: CatalogTables): CatalogSeed {
  const expanded = expandItems(tables);
  return {
    items: expanded.map((item) => item.record),
    packages: expandPackages(tables, expanded),
    fbsj: tables.meta.fbsj,
  };
}

/** What a publication did. */
export interface Publication extends CatalogVersion {
  /** The renamed item, when one was named. */
  item?: { sxbm: string; sxmc: string; gxsj: string };
  /** Packages whose member names followed the rename. */
  packages: string[];
}

/** The mutable part: replaced wholesale by reset(). */
interface LiveCatalog {
  items: RecordShelf<ItemRecord>;
  packages: RecordShelf<PackageRecord>;
  version: CatalogVersion;
  /** Publications since the seed; part of the fingerprint so re-publishing alone still moves bbh. */
  publications: number;
}

/**
 * The catalog as currently published: items and packages plus the version.
 * Publishing (the control route) changes it; reset() goes back to the seed.
 */
export class CatalogState {
  private live: LiveCatalog;

  constructor(private readonly seed: CatalogSeed) {
    this.live = this.fromSeed();
  }

  get items(): RecordShelf<ItemRecord> {
    return this.live.items;
  }

  get packages(): RecordShelf<PackageRecord> {
    return this.live.packages;
  }

  get version(): CatalogVersion {
    return this.live.version;
  }

  get publicationCount(): number {
    return this.live.publications;
  }

  reset(): void {
    this.live = this.fromSeed();
  }

  /**
   * Publishes at `now` (yyyyMMddHHmmss): renames an item when asked, carries
   * the new name into the packages listing it, and bumps the version.
   * Returns undefined when the named item does not exist.
   */
  publish(now: string, rename?: { sxbm: string; sxmc?: string }): Publication | undefined {
    let item: Publication['item'];
    const packages: string[] = [];
    if (rename) {
      const record = this.items.read(rename.sxbm);
      if (!record) return undefined;
      if (rename.sxmc !== undefined) record.sxmc = rename.sxmc;
      record.gxsj = now;
      this.items.write(record.sxbm, record);
      item = { sxbm: record.sxbm, sxmc: record.sxmc, gxsj: record.gxsj };
      packages.push(...this.renameMembers(record, now));
    }
    this.live.publications += 1;
    this.live.version = versionOf(this.live, now);
    return { ...this.live.version, ...(item ? { item } : {}), packages };
  }

  private fromSeed(): LiveCatalog {
    const live: LiveCatalog = {
      items: new RecordShelf(this.seed.items, (item) => item.sxbm),
      packages: new RecordShelf(this.seed.packages, (pkg) => pkg.yjsbm),
      version: { bbh: '', fbsj: this.seed.fbsj },
      publications: 0,
    };
    live.version = seedVersions.get(this.seed) ?? versionOf(live, this.seed.fbsj);
    seedVersions.set(this.seed, live.version);
    return live;
  }

  private renameMembers(item: ItemRecord, now: string): string[] {
    const touched: string[] = [];
    for (const code of this.packages.allCodes()) {
      const pkg = this.packages.read(code);
      const members = pkg?.cyx.filter((member) => member.sfga === '1' && member.sxbm === item.sxbm) ?? [];
      if (!pkg || members.length === 0) continue;
      for (const member of members) member.sxmc = item.sxmc;
      pkg.gxsj = now;
      this.packages.write(code, pkg);
      touched.push(code);
    }
    return touched;
  }
}

/** bbh = publication day + fingerprint of everything served, so the same content at the same time gives the same bbh. */
/**
 * The version of an unpublished seed, hashed once: every sandbox of a process starts from the
 * same seed, and hashing the whole catalog took a quarter of a second per sandbox under jest.
 */
const seedVersions = new WeakMap<CatalogSeed, CatalogVersion>();

function versionOf(live: LiveCatalog, fbsj: string): CatalogVersion {
  const content = [...live.items.allJson(), ...live.packages.allJson(), fbsj, String(live.publications)].join('\n');
  const fingerprint = hashString(content).toString(16).toUpperCase().padStart(8, '0');
  return { bbh: `${fbsj.slice(0, 8)}.${fingerprint}`, fbsj };
}
