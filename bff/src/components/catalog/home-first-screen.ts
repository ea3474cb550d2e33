import type { ItemSummary } from '@suijing/shared';
import { escapeHtml, type FirstScreen } from '../../libraries/h5-index';
import type { CatalogService } from './catalog.service';

/** As many as 首页 shows (miniapp/src/pages/home/CatalogSections.tsx HOT_ON_HOME). */
const HOT_ON_HOME = 6;

// Worded as the mini-program words them (miniapp/src/utils/catalog-format.ts).
const promisedText = (days: number) => (days <= 0 ? '即办' : `承诺 ${days} 个工作日`);
const visitsText = (visits: number) => (visits <= 0 ? '零跑动' : `到现场 ${visits} 次`);

/** The markup CatalogSections draws for 热门事项, with the same classes, so both look alike. */
export function hotItemsHtml(items: readonly ItemSummary[]): string {
  const rows = items.slice(0, HOT_ON_HOME).map((item, index) => {
    const rank = `home-hot__rank${index < 3 ? ' home-hot__rank--top' : ''}`;
    const note = `${promisedText(item.promisedDays)} · ${visitsText(item.visits)} · ${item.onlineDepth}`;
    return (
      `<div class="home-hot__item" data-code="${escapeHtml(item.code)}"><span class="${rank}">${index + 1}</span>` +
      `<div class="home-hot__text"><span class="home-hot__name">${escapeHtml(item.name)}</span>` +
      `<span class="home-hot__note">${escapeHtml(note)}</span></div><span class="home-hot__arrow">›</span></div>`
    );
  });
  return (
    '<div class="home-section-head"><span class="sj-section-title home-section-head__title">热门事项</span>' +
    `<span class="home-section-head__more">全部事项 ›</span></div><div class="home-hot">${rows.join('')}</div>`
  );
}

/**
 * 首页's first screen from the catalog in memory: the hot items, and the two answers 首页 would
 * ask for (GET /items/hot and /categories, as they answer). None when the copy is stale: 首页
 * then shows the stale notice above them, which this screen does not draw.
 */
export function homeFirstScreen(catalog: CatalogService): () => Promise<FirstScreen | null> {
  return async () => {
    const [hot, categories] = await Promise.all([catalog.hot(), catalog.categories()]);
    if (hot.freshness.stale || categories.freshness.stale) return null;
    return {
      html: hotItemsHtml(hot.payload.items),
      data: {
        hot: { ...hot.payload, catalog: hot.freshness },
        categories: { ...categories.payload, catalog: categories.freshness },
      },
    };
  };
}
