import type { z } from 'zod';
import type { Logger } from '../../libraries/logger';
import { GovSystemClient } from '../gov-system-client';
import {
  ItemRecordSchema,
  PackageRecordSchema,
  pageResponse,
  VersionResponseSchema,
  type ItemRecord,
  type PackageRecord,
} from './catalog.dialect';

export interface CatalogSettings {
  baseUrl: string;
  timeoutMs: number;
}

/** The whole published catalog at one version, in the system's own dialect. */
export interface CatalogExport {
  version: string;
  /** yyyyMMddHHmmss, as published. */
  publishedAt: string;
  items: ItemRecord[];
  packages: PackageRecord[];
}

/** The largest page the data-exchange interface serves. */
const PAGE_SIZE = 100;

/** The catalog system (事项库): reads only, so every call is safe to retry. */
export class CatalogClient extends GovSystemClient {
  constructor(settings: CatalogSettings, logger: Logger) {
    super({ ...settings, appKey: '' }, logger, { name: 'catalog', label: '事项库' }, { retries: 2 });
  }

  /** The published version: cheap, asked often, so a copy can be kept until it changes. */
  async version(): Promise<{ version: string; publishedAt: string }> {
    const answer = await this.call({
      method: 'GET',
      path: '/catalog/v2/version',
      safe: true,
      schema: VersionResponseSchema,
    });
    const data = this.data(answer, 'version');
    return { version: data.bbh, publishedAt: data.fbsj };
  }

  /**
   * Every item and package at one version. Pages are read in parallel; if a
   * new version is published while reading, the mixed result is thrown away
   * and read again once.
   */
  async exportAll(): Promise<CatalogExport> {
    for (let attempt = 1; ; attempt += 1) {
      const { version, publishedAt } = await this.version();
      const [items, packages] = await Promise.all([
        this.allPages('/catalog/v2/items', ItemRecordSchema),
        this.allPages('/catalog/v2/packages', PackageRecordSchema),
      ]);
      const versions = new Set([version, ...items.versions, ...packages.versions]);
      if (versions.size === 1) {
        return {
          version,
          publishedAt,
          items: items.rows,
          packages: packages.rows,
        };
      }
      if (attempt >= 2) throw this.failure(`versions changed while reading: ${[...versions].join(', ')}`);
    }
  }

  /** The catalog's read interface is open on the exchange: it issues no app key, so none is sent. */
  protected override headers(): Record<string, string> {
    return {};
  }

  private async allPages<R extends z.ZodType>(
    path: string,
    row: R,
  ): Promise<{ rows: Array<z.output<R>>; versions: string[] }> {
    const schema = pageResponse(row);
    const page = async (pageNo: number) =>
      this.data(await this.get(path, { pageNo: String(pageNo), pageSize: String(PAGE_SIZE) }, schema), path);
    const first = await page(1);
    const pageCount = Math.ceil(first.total / PAGE_SIZE);
    const rest = await Promise.all(Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => page(i + 2)));
    const pages = [first, ...rest];
    const rows = pages.flatMap((p) => p.list);
    if (rows.length !== first.total) throw this.failure(`${path}: ${rows.length} rows, total ${first.total}`);
    return { rows, versions: pages.map((p) => p.bbh) };
  }
}
