import {
  ASSURANCE,
  CategoriesResponseSchema,
  HotItemsResponseSchema,
  ItemCodeParamsSchema,
  ItemGuideResponseSchema,
  ItemListQuerySchema,
  ItemListResponseSchema,
  PackageCodeParamsSchema,
  PackageDetailResponseSchema,
  PackageListResponseSchema,
} from '@suijing/shared';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { AppContext } from '../../libraries/context';
import { encoded, type CatalogAnswer } from './catalog-answer';
import type { CatalogService } from './catalog.service';
import type { RepeatAnswers } from './repeat-answers';

/** Public: no login needed to find an item and read its guide. */
const common = { tags: ['办事指南'], assurance: ASSURANCE.public };

/** The catalog: items, their guides, categories and 一件事 packages. */
export function catalogRoutes(routes: ApiRoutes, deps: { catalog: CatalogService; repeats: RepeatAnswers }): void {
  const { repeats } = deps;
  /** The answer, encoded once; a request sent again exactly so is answered before validation. */
  const answer = (ctx: AppContext, found: CatalogAnswer<object>) => repeats.remember(ctx, encoded(found));
  const before = [repeats.answerRepeat];
  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/items',
    summary:
      'Search and browse the online items (words, pinyin initials, synonyms; police type and life event filters)',
    query: ItemListQuerySchema,
    response: { status: 200, schema: ItemListResponseSchema, description: '事项列表' },
    before,
    handler: async (ctx, { query }) => answer(ctx, await deps.catalog.list(query)),
  });

  // Before /items/{code}: "hot" is not an item code.
  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/items/hot',
    summary: 'The most requested items',
    response: { status: 200, schema: HotItemsResponseSchema, description: '热门事项' },
    before,
    handler: async (ctx) => answer(ctx, await deps.catalog.hot()),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/items/{code}',
    summary: 'An item with its full guide (办事指南) and application form',
    params: ItemCodeParamsSchema,
    response: { status: 200, schema: ItemGuideResponseSchema, description: '办事指南' },
    before,
    handler: async (ctx, { params }) => answer(ctx, await deps.catalog.guide(params.code)),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/categories',
    summary: 'Police types and life events with their item counts',
    response: { status: 200, schema: CategoriesResponseSchema, description: '分类' },
    before,
    handler: async (ctx) => answer(ctx, await deps.catalog.categories()),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/packages',
    summary: '"一件事" packages',
    response: { status: 200, schema: PackageListResponseSchema, description: '一件事列表' },
    before,
    handler: async (ctx) => answer(ctx, await deps.catalog.packages()),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/packages/{code}',
    summary: 'A "一件事" package with its member items and their departments',
    params: PackageCodeParamsSchema,
    response: { status: 200, schema: PackageDetailResponseSchema, description: '一件事详情' },
    before,
    handler: async (ctx, { params }) => answer(ctx, await deps.catalog.package(params.code)),
  });
}
