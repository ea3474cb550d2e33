import type {
  CategoryWithCount,
  HelpPhone,
  ItemGuide,
  ItemSummary,
  PackageDetail,
  PackageSummary,
} from '@suijing/shared';
import type { CatalogExport } from '../../upstreams/catalog/catalog.client';
import { toItemGuide, toPackageDetail } from '../../upstreams/catalog/catalog.mapping';
import { SearchEngine, type SearchDocSource } from '../search/search-engine';

/** Life events in the order of a life, for the home page; unknown events follow in catalog order. */
const LIFE_ORDER = ['出生', '入学', '就业', '婚育', '置业', '出行', '经营', '退休', '身后'];

/** How many hot items the home page shows, and how many variants of one family among them. */
const HOT_COUNT = 8;
const HOT_PER_FAMILY = 2;
/** The city's service hotline, offered whenever search cannot help. */
const CITY_HOTLINE: HelpPhone = { name: '12345 政务服务便民热线', number: '12345' };
/** How many police types' enquiry numbers a dead-end search offers, the busiest first. */
const HELP_PHONE_TYPES = 4;

/** A document of the search: an item (at its position in `items`) or a package. */
export type SearchTarget = { kind: 'item'; item: ItemSummary } | { kind: 'package'; package: PackageSummary };

export function toSummary(guide: ItemGuide): ItemSummary {
  return {
    code: guide.code,
    name: guide.name,
    family: guide.family,
    ...(guide.situation ? { situation: guide.situation } : {}),
    policeType: guide.policeType,
    lifeEvents: guide.lifeEvents,
    department: guide.department,
    itemType: guide.itemType,
    promisedDays: guide.promisedDays,
    visits: guide.visits,
    charged: guide.charged,
    onlineDepth: guide.onlineDepth,
    monthlyVolume: guide.monthlyVolume,
  };
}

function countBy(items: readonly ItemSummary[], keys: (item: ItemSummary) => Array<{ code: string; name: string }>) {
  const counts = new Map<string, CategoryWithCount>();
  for (const item of items) {
    for (const { code, name } of keys(item)) {
      const entry = counts.get(code) ?? { code, name, count: 0 };
      entry.count += 1;
      counts.set(code, entry);
    }
  }
  return [...counts.values()];
}

/**
 * One published version of the catalog, translated and indexed: everything
 * a catalog route answers comes from here, without calling the upstream.
 */
export class Catalog {
  readonly version: string;
  /** Items in browsing order: popular families first, a family's variants together. */
  readonly items: readonly ItemSummary[];
  readonly hot: readonly ItemSummary[];
  readonly policeTypes: readonly CategoryWithCount[];
  readonly lifeEvents: readonly CategoryWithCount[];
  readonly packages: readonly PackageSummary[];
  private readonly guides: ReadonlyMap<string, ItemGuide>;
  private readonly summaries: ReadonlyMap<string, ItemSummary>;
  private readonly packageDetails: ReadonlyMap<string, PackageDetail>;
  readonly search: SearchEngine;
  /** Search documents in engine order: every item in `items` order, then every package. */
  readonly searchTargets: readonly SearchTarget[];
  /** Online variants per family name. */
  readonly familySizes: ReadonlyMap<string, number>;
  /** 12345 and the busiest police types' enquiry numbers. */
  readonly helpPhones: readonly HelpPhone[];
  private byName: Map<string, ItemGuide> | undefined;

  constructor(source: CatalogExport) {
    this.version = source.version;
    const guides = source.items.filter((record) => record.sfwb === '1').map(toItemGuide);
    this.guides = new Map(guides.map((guide) => [guide.code, guide]));

    const familyVolume = new Map<string, number>();
    for (const guide of guides) {
      familyVolume.set(guide.family, (familyVolume.get(guide.family) ?? 0) + guide.monthlyVolume);
    }
    const browsing = [...guides].sort(
      (a, b) =>
        (familyVolume.get(b.family) ?? 0) - (familyVolume.get(a.family) ?? 0) ||
        a.family.localeCompare(b.family) ||
        a.code.localeCompare(b.code),
    );
    this.items = browsing.map(toSummary);
    this.summaries = new Map(this.items.map((item) => [item.code, item]));
    this.hot = pickHot(this.items);
    this.policeTypes = countBy(this.items, (item) => [item.policeType]).sort((a, b) => b.count - a.count);
    const lifeRank = (name: string) => {
      const rank = LIFE_ORDER.indexOf(name);
      return rank < 0 ? LIFE_ORDER.length : rank;
    };
    this.lifeEvents = countBy(this.items, (item) => item.lifeEvents).sort(
      (a, b) => lifeRank(a.name) - lifeRank(b.name),
    );

    const details = source.packages.map((record) => toPackageDetail(record, (code) => this.guides.has(code)));
    this.packageDetails = new Map(details.map((detail) => [detail.code, detail]));
    this.packages = details.map(({ members: _m, conditions: _c, hotline: _h, updatedAt: _u, ...summary }) => summary);

    this.familySizes = familySizes(guides);
    this.searchTargets = [
      ...this.items.map((item): SearchTarget => ({ kind: 'item', item })),
      ...this.packages.map((summary): SearchTarget => ({ kind: 'package', package: summary })),
    ];
    this.search = new SearchEngine([...browsing.map(itemDoc(browsing)), ...details.map(packageDoc(this.guides))]);
    this.helpPhones = [CITY_HOTLINE, ...policeTypePhones(guides)];
  }

  guide(code: string): ItemGuide | undefined {
    return this.guides.get(code);
  }

  summary(code: string): ItemSummary | undefined {
    return this.summaries.get(code);
  }

  /** An online item by its exact name (for features built around one item, e.g. 自愿降级). */
  guideNamed(name: string): ItemGuide | undefined {
    this.byName ??= new Map([...this.guides.values()].map((guide) => [guide.name, guide]));
    return this.byName.get(name);
  }

  package(code: string): PackageDetail | undefined {
    return this.packageDetails.get(code);
  }

  /** Items matching the query, best first (positions in `items`). */
  searchItems(query: string): number[] {
    return this.search
      .search(query)
      .matches.filter((match) => match.doc < this.items.length)
      .map((match) => match.doc);
  }

  hasPoliceType(code: string): boolean {
    return this.policeTypes.some((type) => type.code === code);
  }

  hasLifeEvent(code: string): boolean {
    return this.lifeEvents.some((event) => event.code === code);
  }
}

function pickHot(items: readonly ItemSummary[]): ItemSummary[] {
  const perFamily = new Map<string, number>();
  const hot: ItemSummary[] = [];
  for (const item of [...items].sort((a, b) => b.monthlyVolume - a.monthlyVolume)) {
    const seen = perFamily.get(item.family) ?? 0;
    if (seen >= HOT_PER_FAMILY) continue;
    perFamily.set(item.family, seen + 1);
    hot.push(item);
    if (hot.length === HOT_COUNT) break;
  }
  return hot;
}

function familySizes(guides: readonly ItemGuide[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const guide of guides) sizes.set(guide.family, (sizes.get(guide.family) ?? 0) + 1);
  return sizes;
}

/** An item as the search sees it; the family's first code is its main item. */
function itemDoc(guides: readonly ItemGuide[]) {
  const mainOf = new Map<string, string>();
  for (const guide of guides) {
    const main = mainOf.get(guide.family);
    if (!main || guide.code < main) mainOf.set(guide.family, guide.code);
  }
  return (guide: ItemGuide): SearchDocSource => ({
    kind: 'item',
    code: guide.code,
    name: guide.name,
    family: guide.family,
    ...(guide.situation ? { situation: guide.situation } : {}),
    aliases: guide.aliases,
    keywords: [guide.policeType.name, ...guide.lifeEvents.map((event) => event.name)],
    members: [],
    summary: guide.conditions.join(' '),
    volume: guide.monthlyVolume,
    main: mainOf.get(guide.family) === guide.code,
  });
}

/** A package as the search sees it: found by its name, description, life event and members. */
function packageDoc(guides: ReadonlyMap<string, ItemGuide>) {
  return (detail: PackageDetail): SearchDocSource => {
    const memberVolumes = detail.members
      .map((member) => guides.get(member.itemCode)?.monthlyVolume ?? 0)
      .filter((volume) => volume > 0);
    return {
      kind: 'package',
      code: detail.code,
      name: detail.name,
      family: detail.name,
      aliases: [],
      keywords: detail.lifeEvent ? [detail.lifeEvent.name] : [],
      members: detail.members.map((member) => member.itemName),
      summary: detail.description,
      // A package is handled about as often as its least handled police member.
      volume: memberVolumes.length > 0 ? Math.min(...memberVolumes) : 0,
      main: true,
    };
  };
}

/** The enquiry numbers of the police types with most cases (not emergency numbers like 110). */
function policeTypePhones(guides: readonly ItemGuide[]): HelpPhone[] {
  const byType = new Map<string, { name: string; number: string; volume: number }>();
  for (const guide of guides) {
    if (guide.hotline.replace(/\D/g, '').length <= 3) continue;
    const entry = byType.get(guide.policeType.code) ?? {
      name: `${guide.policeType.name}咨询电话`,
      number: guide.hotline,
      volume: 0,
    };
    entry.volume += guide.monthlyVolume;
    byType.set(guide.policeType.code, entry);
  }
  return [...byType.values()]
    .sort((a, b) => b.volume - a.volume)
    .slice(0, HELP_PHONE_TYPES)
    .map(({ name, number }) => ({ name, number }));
}
