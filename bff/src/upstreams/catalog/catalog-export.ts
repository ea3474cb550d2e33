import { z } from 'zod';
import type { CatalogExport } from './catalog.client';
import { ItemRecordSchema, PackageRecordSchema } from './catalog.dialect';

/** The records of an export, as a stored copy keeps them: they are translated on loading, like a fresh export. */
export type CatalogContent = Pick<CatalogExport, 'items' | 'packages'>;

const CatalogContentSchema = z.object({ items: z.array(ItemRecordSchema), packages: z.array(PackageRecordSchema) });

export function catalogContentOf(source: CatalogExport): CatalogContent {
  return { items: source.items, packages: source.packages };
}

/** A stored copy read back, if it still reads as the system's records (a copy in an older dialect does not). */
export function readCatalogContent(stored: unknown): CatalogContent | undefined {
  const parsed = CatalogContentSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}
