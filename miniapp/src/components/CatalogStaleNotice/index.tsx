import type { CatalogFreshness } from '@suijing/shared';
import { StaleNotice } from '@/components/StaleNotice';
import { staleNoticeText } from '@/utils/catalog-format';

/** The stale notice of a catalog answer (the catalog system is down, the BFF's copy is shown). */
export function CatalogStaleNotice({ catalog }: { catalog: CatalogFreshness | null | undefined }): JSX.Element | null {
  return <StaleNotice id="catalog-stale-notice" text={staleNoticeText(catalog)} />;
}
